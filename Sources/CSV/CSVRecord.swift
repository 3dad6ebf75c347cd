/// One record of a CSV file, as a view on the reader's buffer.
///
/// A record is only valid inside the closure it was handed to; copy out what you keep
/// (``string(_:)``, ``number(_:)``, ``strings()``). Nothing is decoded until asked for, so a
/// caller that reads two numeric columns of a wide file pays for those two only.
public struct CSVRecord {
  private let bytes: UnsafeBufferPointer<UInt8>
  private let bounds: UnsafeBufferPointer<Int>
  /// The physical line (1-based) where the record starts; a record can span several lines.
  public let line: Int

  init(bytes: UnsafeBufferPointer<UInt8>, bounds: UnsafeBufferPointer<Int>, line: Int) {
    self.bytes = bytes
    self.bounds = bounds
    self.line = line
  }

  /// The number of fields.
  public var count: Int { bounds.count - 1 }

  /// The bytes of field `index` exactly as written (quotes removed, doubled quotes undone),
  /// or nil when the record has no such field. Valid only while the record is.
  public func bytes(_ index: Int) -> UnsafeBufferPointer<UInt8>? {
    guard index >= 0, index < count else { return nil }
    return UnsafeBufferPointer(rebasing: bytes[bounds[index]..<bounds[index + 1]])
  }

  /// The text of field `index` exactly as written, or nil when the field is missing.
  public func string(_ index: Int) -> String? {
    bytes(index).map { String(decoding: $0, as: UTF8.self) }
  }

  /// The value of field `index`: its text with a spreadsheet formula guard (a leading `'` before
  /// `=`, `+`, `-`, `@`, tab or CR) removed again. Nil when the field is missing.
  public func value(_ index: Int) -> String? {
    guard let field = bytes(index) else { return nil }
    let text = FormulaGuard.unguardedBytes(field)
    return String(decoding: text, as: UTF8.self)
  }

  /// The value of field `index` (formula guard removed) without leading and trailing spaces and
  /// tabs, trimmed on the bytes before any string is made. Nil when the field is missing.
  public func trimmedValue(_ index: Int) -> String? {
    trimmedBytes(index).map { String(decoding: $0, as: UTF8.self) }
  }

  /// The bytes of ``trimmedValue(_:)``, without making a string. Valid only while the record is.
  public func trimmedBytes(_ index: Int) -> UnsafeBufferPointer<UInt8>? {
    guard var field = bytes(index) else { return nil }
    while let first = field.first, first == 0x20 || first == 0x09 {
      field = UnsafeBufferPointer(rebasing: field.dropFirst())
    }
    while let last = field.last, last == 0x20 || last == 0x09 {
      field = UnsafeBufferPointer(rebasing: field.dropLast())
    }
    return FormulaGuard.unguardedBytes(field)
  }

  /// Field `index` as a number (`.` or `,` as decimal separator, surrounding spaces allowed),
  /// or nil when it is missing, blank or not a number.
  public func number(_ index: Int) -> Double? {
    bytes(index).flatMap { CSVNumber.parse(UnsafeRawBufferPointer($0)) }
  }

  /// Whether field `index` is missing, empty, or only spaces.
  public func isBlank(_ index: Int) -> Bool {
    guard let field = bytes(index) else { return true }
    return field.allSatisfy { $0 == 0x20 || $0 == 0x09 }
  }

  /// Every field as text, exactly as written.
  public func strings() -> [String] {
    (0..<count).map { String(decoding: bytes($0)!, as: UTF8.self) }
  }

  /// The bytes of the whole record's fields, back to back.
  var allBytes: UnsafeRawBufferPointer {
    UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(bytes)[bounds.first!..<bounds.last!])
  }
}
