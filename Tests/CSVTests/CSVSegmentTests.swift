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

  @Test(
    "segments read in order give exactly the records and lines of a sequential read",
    arguments: [1, 2, 3, 7, 50])
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

@Suite("Finding segment boundaries fast")
struct CSVSegmentSkipTests {
  @Test(
    "a long plain stretch (LF, CRLF, lone CR, no quotes) is skipped with the lines counted",
    arguments: [2, 3, 5])
  func plainStretch(parts: Int) throws {
    var text = "id,text,value\r\n"
    for index in 0..<60_000 {
      text +=
        ["\(index),plain,\(index)\n", "\(index),crlf,\(index)\r\n", "\(index),cr,\(index)\r"][index % 3]
      if index % 1000 == 999 { text += "\n" }
    }
    text += "1,\"quoted\nbreak\",2\r\n3,last,4\n"
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("plain-\(UUID()).csv").path
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    defer { try? FileManager.default.removeItem(atPath: path) }
    let reader = try CSVReader(path: path)
    var sequential: [String] = []
    try reader.forEach { sequential.append("\($0.line) \($0.strings())") }
    var combined: [String] = []
    for segment in try reader.segments(parts) {
      try segment.forEach { combined.append("\($0.line) \($0.strings())") }
    }
    #expect(combined == sequential)
  }

  @Test("the encoding of a large file is told on several threads, wherever a cut falls in a character")
  func encodingOnSeveralThreads() throws {
    func isUTF8(_ bytes: [UInt8], parts: Int) throws -> Bool {
      try EncodingDetection.isUTF8(.bytes(bytes, name: "test.csv"), parts: parts, threshold: 0)
    }
    let text = Array("a,é;€\n😀x".utf8)
    for length in 40..<80 {
      let valid = (0..<length).map { text[$0 % text.count] }
      for parts in 1...5 {
        let whole = UTF8Validator.isValid(valid.withUnsafeBytes { $0 })
        #expect(try isUTF8(valid, parts: parts) == whole, "length \(length), \(parts) parts")
        for spoiled in [
          valid + [0xFF], [0x80] + valid, Array(valid[..<(length / 2)]) + [0xBF] + valid[(length / 2)...],
        ] {
          #expect(try !isUTF8(spoiled, parts: parts), "length \(length), \(parts) parts")
        }
      }
    }
  }

  @Test("line breaks counted eight bytes at a time: CR, LF and CRLF as one, wherever they fall")
  func lineBreakCount() {
    var generator = SystemRandomNumberGenerator()
    for length in 0..<200 {
      let bytes = (0..<length).map { _ in [UInt8(0x0D), 0x0A, 0x61][Int.random(in: 0..<3, using: &generator)]
      }
      var expected = 0
      for (index, byte) in bytes.enumerated()
      where byte == 0x0D || (byte == 0x0A && (index == 0 || bytes[index - 1] != 0x0D)) {
        expected += 1
      }
      #expect(bytes.withUnsafeBytes { BoundaryScanner.lineBreaks(in: $0) } == expected, "\(bytes)")
    }
  }

  @Test("numbers of up to 15 digits, read without strtod, are exactly strtod's")
  func exactDecimals() {
    var generator = SystemRandomNumberGenerator()
    for _ in 0..<20_000 {
      let digits = Int.random(in: 1...17, using: &generator)
      var text = String((0..<digits).map { _ in Character(String(Int.random(in: 0...9, using: &generator))) })
      let point = Int.random(in: 0...digits, using: &generator)
      if point < digits { text.insert(".", at: text.index(text.startIndex, offsetBy: point)) }
      if Bool.random(using: &generator) { text = "-" + text }
      let expected = Double(text)!
      #expect(CSVNumber.parse(text)?.bitPattern == expected.bitPattern, "\(text)")
      #expect(
        CSVNumber.parse(text.replacingOccurrences(of: ".", with: ","))?.bitPattern == expected.bitPattern,
        "\(text)")
    }
  }
}
