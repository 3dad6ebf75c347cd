import Foundation
import Testing

@testable import CSV

/// Reads `text` (or raw bytes) with `options` and returns each record's fields and line.
func records(
  _ bytes: [UInt8], options: CSVReadOptions = CSVReadOptions()
) throws -> [(fields: [String], line: Int)] {
  let reader = try CSVReader(.bytes(bytes, name: "test.csv"), options: options)
  var result: [(fields: [String], line: Int)] = []
  try reader.forEach { result.append(($0.strings(), $0.line)) }
  return result
}

func records(_ text: String, options: CSVReadOptions = CSVReadOptions()) throws -> [(
  fields: [String], line: Int
)] {
  try records(Array(text.utf8), options: options)
}

func fixture(_ name: String) -> String {
  Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures")!.path
}

@Suite("Reading CSV")
struct CSVReaderTests {
  @Test("line endings LF, CRLF and lone CR give the same records and lines")
  func lineEndings() throws {
    for ending in ["\n", "\r\n", "\r"] {
      let text = ["a,b", "1,2", "3,4"].joined(separator: ending) + ending
      let read = try records(text)
      #expect(
        read.map(\.fields) == [["a", "b"], ["1", "2"], ["3", "4"]], "ending \(ending.debugDescription)")
      #expect(read.map(\.line) == [1, 2, 3])
    }
  }

  @Test("the last record needs no line ending")
  func noFinalNewline() throws {
    #expect(try records("a,b\n1,2").map(\.fields) == [["a", "b"], ["1", "2"]])
  }

  @Test("quoted fields hold delimiters, doubled quotes and line breaks; lines count from the record's start")
  func quotedFields() throws {
    let text = "a,b,c\n\"x,y\",\"say \"\"hi\"\"\",\"two\nlines\"\n\"three\r\nmore\rlines\",2,3\nlast,1,2\n"
    let read = try records(text)
    #expect(
      read.map(\.fields) == [
        ["a", "b", "c"], ["x,y", "say \"hi\"", "two\nlines"], ["three\r\nmore\rlines", "2", "3"],
        ["last", "1", "2"],
      ])
    #expect(read.map(\.line) == [1, 2, 4, 7])
  }

  @Test("fields are kept exactly as written: no trimming of spaces or tabs")
  func noTrimming() throws {
    let read = try records("a, b ,\tc\t\n \" q \" ,x\n")
    #expect(read[0].fields == ["a", " b ", "\tc\t"])
    #expect(read[1].fields == [" \" q \" ", "x"])
  }

  @Test("an empty field is distinct from a missing one")
  func emptyAndMissing() throws {
    let reader = try CSVReader(.bytes(Array("a,b,c\n1,,\n2\n".utf8), name: "t.csv"))
    var seen: [[String?]] = []
    try reader.forEach { record in seen.append((0..<3).map { record.string($0) }) }
    #expect(seen[1] == ["1", "", ""])
    #expect(seen[2] == ["2", nil, nil])
  }

  @Test("blank lines hold no record but count as lines")
  func blankLines() throws {
    let read = try records("a\n\n\nb\r\n\r\nc\n")
    #expect(read.map(\.fields) == [["a"], ["b"], ["c"]])
    #expect(read.map(\.line) == [1, 4, 6])
  }

  @Test("a UTF-8 byte order mark is dropped", arguments: ["\n", "\r\n"])
  func byteOrderMark(ending: String) throws {
    let read = try records([0xEF, 0xBB, 0xBF] + Array("id,name\(ending)1,é\(ending)".utf8))
    #expect(read.map(\.fields) == [["id", "name"], ["1", "é"]])
  }

  @Test(
    "the delimiter is detected",
    arguments: [
      ("a,b,c\n1,2,3\n", CSVDelimiter.comma), ("a;b;c\n1,5;2;3\n", .semicolon),
      ("a\tb\n1\t2\n", .tab), ("a|b\n1|2\n", .pipe), ("\"x;y\",b\n1,2\n", .comma),
      ("single\n1\n", .comma), ("", .comma),
    ])
  func delimiterDetection(text: String, expected: CSVDelimiter) throws {
    let reader = try CSVReader(.bytes(Array(text.utf8), name: "t.csv"))
    #expect(reader.delimiter == expected)
  }

  @Test("a given delimiter wins over detection")
  func givenDelimiter() throws {
    let read = try records("a;b,c\n", options: CSVReadOptions(delimiter: .comma))
    #expect(read[0].fields == ["a;b", "c"])
  }

  @Test("an Excel export: semicolons, BOM, CRLF, decimal commas")
  func excelSemicolon() throws {
    let reader = try CSVReader(path: fixture("excel-semicolon-bom-crlf.csv"))
    #expect(reader.delimiter == .semicolon)
    #expect(reader.encoding == .utf8)
    #expect(reader.warnings.isEmpty)
    var rows: [(String, Double?, Double?)] = []
    var header: CSVHeader?
    try reader.forEach { record in
      guard let header else {
        header = try CSVHeader(record, file: "x")
        return
      }
      rows.append(
        (
          record.string(header["NAME"]!)!, record.number(header["population"]!),
          record.number(header[" Score "]!)
        ))
    }
    #expect(rows.map(\.0) == ["Paris", "Rivas; Vaciamadrid"])
    #expect(rows.map(\.1) == [2_133_111, 98_000])
    #expect(rows.map(\.2) == [67.5, 41.25])
  }

  @Test("a file that is not UTF-8 is read as Windows-1252, with a warning naming it")
  func windows1252Fallback() throws {
    let path = fixture("excel-windows1252.csv")
    let reader = try CSVReader(path: path)
    #expect(reader.encoding == .windows1252)
    #expect(reader.warnings == [.readAsWindows1252(file: path)])
    let rows = try reader.readAll()
    // 0x93/0x94 are curly quotes, 0x80 the euro sign, 0x9C "œ": Windows-1252, not Latin-1.
    #expect(rows[1] == ["FR-01", "Saint-Étienne", "\u{201C}très bien\u{201D} € œ"])
  }

  @Test("forced UTF-8 refuses invalid bytes with the record's line")
  func forcedUTF8() throws {
    #expect(throws: CSVError(file: "test.csv", line: 3, kind: .invalidUTF8)) {
      try records(
        [UInt8]("a\nok\n".utf8) + [0x22, 0x0A, 0xE9, 0x22, 0x0A], options: CSVReadOptions(encoding: .utf8))
    }
  }

  @Test("forced Windows-1252 reads even valid UTF-8 bytes as Windows-1252")
  func forcedWindows1252() throws {
    let read = try records("é\n", options: CSVReadOptions(encoding: .windows1252))
    #expect(read[0].fields == ["Ã©"])
  }

  @Test("an unterminated quote is refused with the line where its record starts")
  func unterminatedQuote() throws {
    #expect(throws: CSVError(file: fixture("unterminated.csv"), line: 3, kind: .unterminatedQuote)) {
      try CSVReader(path: fixture("unterminated.csv")).forEach { _ in }
    }
  }

  @Test("a ragged row is refused when the header sets the width")
  func raggedRow() throws {
    let path = fixture("ragged.csv")
    #expect(throws: CSVError(file: path, line: 2, kind: .raggedRow(found: 2, expected: 3))) {
      try CSVReader(path: path, options: CSVReadOptions(requiresUniformWidth: true)).forEach { _ in }
    }
    #expect(try CSVReader(path: path).readAll() == [["a", "b", "c"], ["1", "2"]])
  }

  @Test("tab and pipe files, lone CR endings, quoted CR")
  func tabAndPipe() throws {
    #expect(
      try CSVReader(path: fixture("tab.tsv")).readAll() == [
        ["id", "name", "note"], ["1", "A", "tab\tinside"], ["2", "B", ""],
      ])
    let pipe = try CSVReader(path: fixture("pipe-cr.csv"))
    #expect(pipe.delimiter == .pipe)
    var lines: [Int] = []
    try pipe.forEach { lines.append($0.line) }
    #expect(try pipe.readAll() == [["id", "name"], ["1", "A"], ["2", "multi\rline"], ["3", "C"]])
    #expect(lines == [1, 2, 3, 5])
  }

  @Test("a missing file is reported with its name")
  func missingFile() {
    #expect(throws: CSVError.self) { try CSVReader(path: "/nonexistent/peers.csv") }
    do {
      _ = try CSVReader(path: "/nonexistent/peers.csv")
    } catch {
      #expect(error.file == "/nonexistent/peers.csv")
    }
  }

  @Test("records spanning chunk boundaries are read whole, in constant memory")
  func largeInput() throws {
    var text = "id,text,value\n"
    let long = String(repeating: "x", count: 1000)
    for index in 0..<2000 { text += "\(index),\"\(long)\nline two, \"\"quoted\"\"\",\(index).5\r\n" }
    var count = 0
    var sum = 0.0
    var lastLine = 0
    let reader = try CSVReader(.bytes(Array(text.utf8), name: "big.csv"))
    try reader.forEach { record in
      count += 1
      lastLine = record.line
      if record.line > 1 {
        #expect(record.string(1) == long + "\nline two, \"quoted\"")
        sum += record.number(2)!
      }
    }
    #expect(count == 2001)
    #expect(lastLine == 1 + 2 * 1999 + 1)
    #expect(sum == (0..<2000).reduce(0.0) { $0 + Double($1) + 0.5 })
  }

  @Test("no input traps the reader", arguments: 0..<200)
  func randomBytes(seed: Int) throws {
    var generator = SeededGenerator(seed: UInt64(seed))
    let alphabet: [UInt8] = [
      0x22, 0x2C, 0x3B, 0x0A, 0x0D, 0x09, 0x61, 0x20, 0xC3, 0xA9, 0xFF, 0x00, 0x7C, 0xEF, 0xBB, 0xBF,
    ]
    let bytes = (0..<Int.random(in: 0..<300, using: &generator)).map { _ in
      alphabet.randomElement(using: &generator)!
    }
    for options in [CSVReadOptions(), CSVReadOptions(encoding: .utf8, requiresUniformWidth: true)] {
      do {
        let reader = try CSVReader(.bytes(bytes, name: "fuzz.csv"), options: options)
        try reader.forEach { record in
          _ = record.strings()
          _ = record.number(0)
          #expect(record.line >= 1)
        }
      } catch let error as CSVError {
        #expect(error.file == "fuzz.csv")
      }
    }
  }
}

/// A small deterministic random number generator (SplitMix64) for reproducible test inputs.
struct SeededGenerator: RandomNumberGenerator {
  private var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
