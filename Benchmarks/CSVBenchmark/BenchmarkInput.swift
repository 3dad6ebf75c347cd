import CSV
import Foundation

/// Large synthetic peer-score files for the benchmarks (never committed, never in CI).
enum BenchmarkInput {
  static func writePeerScores(to path: String, megabytes: Int) throws {
    var writer = CSVWriter(lineEnding: "\n")
    writer.write([
      "authority_id", "name", "country", "population", "type", "year", "questionnaire", "version",
      "ecosystem",
      "openness", "interoperability", "sustainability", "ethics", "overall", "note",
    ])
    let countries = ["FR", "ES", "IT", "DE", "PT", "NL", "BE", "PL", "SE", "EL"]
    _ = FileManager.default.createFile(atPath: path, contents: nil)
    let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
    var written = 0
    var index = 0
    var random = UInt64(42)
    func next() -> Double {
      random = random &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Double(random >> 11) / Double(1 << 53)
    }
    while written < megabytes << 20 {
      for _ in 0..<1000 {
        index += 1
        let scores = (0..<5).map { _ in String(format: "%.1f", next() * 100) }
        let note = index % 10 == 0 ? "synthetic, \"quoted\"\nsecond line" : "synthetic"
        writer.write(
          [
            "SYN-\(index)", "Authority \(index)", countries[index % countries.count],
            "\(Int(next() * 500_000) + 800)",
            index % 20 == 0 ? "region" : "municipality", "2025", "ai-data-readiness", "2025.1",
          ] + scores
            + [String(format: "%.2f", next() * 100), note])
      }
      let bytes = writer.take()
      written += bytes.count
      try handle.write(contentsOf: bytes)
    }
    try handle.close()
  }
}
