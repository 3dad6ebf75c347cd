/// Keeps spreadsheets from running text cells as formulas.
///
/// A text cell that starts with `=`, `+`, `-`, `@`, tab or CR and is not a number is written with a
/// leading `'`, which Excel and LibreOffice show as text; readers drop that `'` again.
public enum FormulaGuard {
  private static func isTrigger(_ byte: UInt8) -> Bool {
    byte == 0x3D || byte == 0x2B || byte == 0x2D || byte == 0x40 || byte == 0x09 || byte == 0x0D
  }

  /// `text` as it must be written to a spreadsheet cell.
  public static func guarded(_ text: String) -> String {
    guard let first = text.utf8.first, isTrigger(first), !CSVNumber.isNumber(text) else { return text }
    return "'" + text
  }

  /// `text` as read back from a spreadsheet cell: a guard added by ``guarded(_:)`` is dropped.
  public static func unguarded(_ text: String) -> String {
    let utf8 = Array(text.utf8)
    return utf8.withUnsafeBufferPointer { String(decoding: unguardedBytes($0), as: UTF8.self) }
  }

  static func unguardedBytes(_ field: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
    guard field.count >= 2, field[0] == 0x27, isTrigger(field[1]) else { return field }
    let rest = UnsafeBufferPointer(rebasing: field[1...])
    return CSVNumber.isNumber(UnsafeRawBufferPointer(rest)) ? field : rest
  }
}
