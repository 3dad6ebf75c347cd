/// Writes CSV with RFC 4180 quoting into a byte buffer.
///
/// A field is quoted when it holds the delimiter, a quote, a line break, or starts or ends with a
/// space; quotes inside are doubled. With ``guardsFormulas`` (the default) text cells that a
/// spreadsheet would run as formulas get a leading `'` (see ``FormulaGuard``).
public struct CSVWriter: Sendable {
  /// The field separator.
  public var delimiter: CSVDelimiter
  /// The line ending after each record; CRLF, as RFC 4180 and spreadsheets have it.
  public var lineEnding: String
  /// Whether formula-like text cells are neutralised.
  public var guardsFormulas: Bool
  /// What has been written so far.
  public private(set) var bytes: [UInt8] = []

  public init(delimiter: CSVDelimiter = .comma, lineEnding: String = "\r\n", guardsFormulas: Bool = true) {
    self.delimiter = delimiter
    self.lineEnding = lineEnding
    self.guardsFormulas = guardsFormulas
  }

  /// Appends one record.
  public mutating func write(_ fields: some Sequence<String>) {
    var first = true
    for field in fields {
      if !first { bytes.append(delimiter.rawValue) }
      first = false
      append(guardsFormulas ? FormulaGuard.guarded(field) : field)
    }
    bytes.append(contentsOf: lineEnding.utf8)
  }

  /// Returns what has been written and empties the buffer, for writing out in pieces.
  public mutating func take() -> [UInt8] {
    defer { bytes.removeAll(keepingCapacity: true) }
    return bytes
  }

  /// What has been written, as text.
  public var text: String { String(decoding: bytes, as: UTF8.self) }

  private mutating func append(_ field: String) {
    var field = field
    let delimiter = delimiter.rawValue
    field.withUTF8 { utf8 in  // contiguous bytes, for small strings too
      let needsQuotes =
        utf8.contains { $0 == delimiter || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D } || utf8.first == 0x20
        || utf8.last == 0x20
      guard needsQuotes else {
        bytes.append(contentsOf: utf8)
        return
      }
      bytes.append(0x22)
      for byte in utf8 {
        if byte == 0x22 { bytes.append(0x22) }
        bytes.append(byte)
      }
      bytes.append(0x22)
    }
  }
}
