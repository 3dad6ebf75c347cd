import Testing

@testable import CSV

@Suite("Writing CSV")
struct CSVWriterTests {
  @Test("RFC 4180 quoting: delimiters, quotes, line breaks and edge spaces are quoted")
  func quoting() {
    var writer = CSVWriter()
    writer.write(["plain", "a,b", "say \"hi\"", "two\nlines", " padded", "", "é"])
    #expect(writer.text == "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\" padded\",,é\r\n")
  }

  @Test("the chosen delimiter is the one quoted")
  func semicolon() {
    var writer = CSVWriter(delimiter: .semicolon, lineEnding: "\n")
    writer.write(["a,b", "c;d"])
    #expect(writer.text == "a,b;\"c;d\"\n")
  }

  @Test(
    "formula-like text gets a leading quote; numbers do not",
    arguments: [
      ("=SUM(A1:A2)", "'=SUM(A1:A2)"), ("+33 1 23", "'+33 1 23"), ("-x", "'-x"), ("@cmd", "'@cmd"),
      ("\tx", "'\tx"), ("-5", "-5"), ("+3,5", "+3,5"), ("-1e3", "-1e3"), ("plain", "plain"), ("", ""),
    ])
  func formulaGuard(text: String, written: String) {
    #expect(FormulaGuard.guarded(text) == written)
    #expect(FormulaGuard.unguarded(written) == text)
  }

  @Test("what the writer writes, the reader reads back to the same values")
  func roundTrip() throws {
    let rows = [
      ["id", "comment", "formula"], ["1", "line\r\nbreak, \"quoted\"", "=HYPERLINK(\"x\")"], ["2", "", "-7"],
      ["3", "@sum", "\r"],
    ]
    for delimiter in CSVDelimiter.allCases {
      var writer = CSVWriter(delimiter: delimiter)
      for row in rows { writer.write(row) }
      let reader = try CSVReader(
        .bytes(writer.bytes, name: "out.csv"), options: CSVReadOptions(delimiter: delimiter))
      var values: [[String]] = []
      try reader.forEach { record in values.append((0..<record.count).map { record.value($0)! }) }
      #expect(values == rows, "delimiter \(delimiter)")
    }
  }
}

@Suite("Numbers and headers")
struct CSVNumberTests {
  @Test(
    "numbers with decimal points or commas",
    arguments: [
      ("12", 12.0), ("-3.5", -3.5), ("3,5", 3.5), (" 42 ", 42), ("+7", 7), ("1e3", 1000), ("2,5E-1", 0.25),
      (".5", 0.5), ("5.", 5),
    ])
  func valid(text: String, value: Double) {
    #expect(CSVNumber.parse(text) == value)
  }

  @Test(
    "not numbers",
    arguments: ["", " ", "abc", "1.2.3", "1,2,3", "1e", "inf", "nan", "0x10", "1 000", "1e999", "--1", "."])
  func invalid(text: String) {
    #expect(CSVNumber.parse(text) == nil)
  }

  @Test("header names match case-insensitively and trimmed; duplicates are refused")
  func header() throws {
    let header = try CSVHeader(names: ["Authority_ID", " name ", "Score"], file: "p.csv")
    #expect(header["authority_id"] == 0)
    #expect(header["NAME"] == 1)
    #expect(header["missing"] == nil)
    #expect(throws: CSVError(file: "p.csv", line: 1, kind: .missingColumn("year"))) {
      try header.require("year", file: "p.csv")
    }
    #expect(throws: CSVError(file: "p.csv", line: 1, kind: .duplicateColumn("NAME"))) {
      try CSVHeader(names: ["name", "NAME "], file: "p.csv")
    }
  }
}
