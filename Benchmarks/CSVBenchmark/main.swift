// Benchmarks of the CSV reader against libcsv alone. Not part of `swift test`.
//
//   swift build -c release --product csv-benchmark
//   .build/release/csv-benchmark generate /tmp/peers.csv 200     # about 200 MB
//   hyperfine '.build/release/csv-benchmark raw /tmp/peers.csv' \
//             '.build/release/csv-benchmark fields /tmp/peers.csv' ...
import CSV
import Foundation

let arguments = CommandLine.arguments
guard arguments.count >= 3 else {
  print("usage: csv-benchmark generate PATH MEGABYTES | raw|fields|numbers|rows|parallel PATH")
  exit(64)
}
let mode = arguments[1]
let path = arguments[2]

switch mode {
case "generate":
  let megabytes = Int(arguments.count > 3 ? arguments[3] : "200") ?? 200
  try BenchmarkInput.writePeerScores(to: path, megabytes: megabytes)
case "raw":
  let counts = RawLibCSV.count(path: path)
  print("records \(counts.records) fields \(counts.fields)")
case "fields":
  var fields = 0
  var records = 0
  try CSVReader(path: path).forEach { record in
    records += 1
    fields += record.count
  }
  print("records \(records) fields \(fields)")
case "numbers":
  var sum = 0.0
  try CSVReader(path: path).forEach { record in sum += record.number(13) ?? 0 }
  print("overall sum \(sum)")
case "rows":
  var characters = 0
  try CSVReader(path: path).forEach { record in characters += record.strings().count }
  print("fields \(characters)")
case "parallel":
  let segments = try CSVReader(path: path).segments(ProcessInfo.processInfo.activeProcessorCount)
  let total = try await withThrowingTaskGroup(of: Double.self) { group in
    for segment in segments {
      group.addTask {
        var sum = 0.0
        try segment.forEach { record in sum += record.number(13) ?? 0 }
        return sum
      }
    }
    var total = 0.0
    for try await sum in group { total += sum }
    return total
  }
  print("overall sum \(total) in \(segments.count) segments")
default:
  print("unknown mode \(mode)")
  exit(64)
}
