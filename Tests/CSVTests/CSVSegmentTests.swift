import Foundation
import Testing

@testable import CSV

@Suite("Reading one file on several threads")
struct CSVSegmentTests {
  /// A file with quoted line breaks in every ending style, blank lines and a BOM.
  func sampleFile(records: Int) throws -> String {
    var text = "\u{FEFF}id;text;value\r\n"
    for index in 0..<records {
      switch index % 4 {
      case 0: text += "\(index);\"a;\nb\";\(index)\n"
      case 1: text += "\(index);\"c\r\nd \"\"q\"\"\";\(index)\r\n"
      case 2: text += "\(index);plain;\(index)\r"
      default: text += "\n\(index);\"\";\(index)\n"
      }
    }
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("segments-\(UUID()).csv").path
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    return path
  }

  @Test("segments read in order give exactly the records and lines of a sequential read", arguments: [1, 2, 3, 7, 50])
  func segmentsMatchSequentialRead(parts: Int) throws {
    let path = try sampleFile(records: 500)
    defer { try? FileManager.default.removeItem(atPath: path) }
    let reader = try CSVReader(path: path, options: CSVReadOptions(requiresUniformWidth: true))
    var sequential: [[String]] = []
    var sequentialLines: [Int] = []
    try reader.forEach {
      sequential.append($0.strings())
      sequentialLines.append($0.line)
    }
    let segments = try reader.segments(parts)
    #expect(segments.count == parts)
    var combined: [[String]] = []
    var combinedLines: [Int] = []
    for segment in segments {
      try segment.forEach {
        combined.append($0.strings())
        combinedLines.append($0.line)
      }
    }
    #expect(combined == sequential)
    #expect(combinedLines == sequentialLines)
    #expect(sequential.count == 501)
  }

  @Test("segments run concurrently")
  func concurrentRead() async throws {
    let path = try sampleFile(records: 2000)
    defer { try? FileManager.default.removeItem(atPath: path) }
    let reader = try CSVReader(path: path)
    let segments = try reader.segments(4)
    let sums = try await withThrowingTaskGroup(of: Double.self) { group in
      for segment in segments {
        group.addTask {
          var sum = 0.0
          try segment.forEach { sum += $0.number(2) ?? 0 }
          return sum
        }
      }
      return try await group.reduce(0, +)
    }
    #expect(sums == Double((0..<2000).reduce(0, +)))
  }

  @Test("a ragged row in a later segment is still refused, with its line")
  func raggedInLaterSegment() throws {
    var text = "a,b\n"
    for index in 0..<1000 { text += "\(index),x\n" }
    text += "oops\n"
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("ragged-\(UUID()).csv").path
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    defer { try? FileManager.default.removeItem(atPath: path) }
    let segments = try CSVReader(path: path, options: CSVReadOptions(requiresUniformWidth: true)).segments(3)
    #expect(throws: CSVError(file: path, line: 1002, kind: .raggedRow(found: 1, expected: 2))) {
      try segments.last!.forEach { _ in }
    }
  }
}
