/// The column names of a CSV file's first record, looked up by name.
///
/// Names match case-insensitively and with surrounding spaces ignored, so `Authority_ID ` finds
/// `authority_id`.
public struct CSVHeader: Sendable, Equatable {
  /// The names exactly as written.
  public let names: [String]
  private let indexByKey: [String: Int]

  /// The header of a file whose first record is `record`; a name given twice is refused.
  public init(_ record: CSVRecord, file: String) throws(CSVError) {
    try self.init(names: record.strings().map(FormulaGuard.unguarded), file: file, line: record.line)
  }

  /// A header from names; `file` and `line` place a duplicate name in messages.
  public init(names: [String], file: String, line: Int = 1) throws(CSVError) {
    self.names = names
    var indexByKey: [String: Int] = [:]
    for (index, name) in names.enumerated() {
      let key = Self.key(name)
      guard !key.isEmpty else { continue }
      if indexByKey[key] != nil {
        throw CSVError(file: file, line: line, kind: .duplicateColumn(name.trimmed))
      }
      indexByKey[key] = index
    }
    self.indexByKey = indexByKey
  }

  /// The index of the column called `name`, or nil when there is none.
  public subscript(name: String) -> Int? { indexByKey[Self.key(name)] }

  /// The index of the column called `name`, or a ``CSVError`` naming the missing column.
  public func require(_ name: String, file: String) throws(CSVError) -> Int {
    guard let index = self[name] else { throw CSVError(file: file, line: 1, kind: .missingColumn(name)) }
    return index
  }

  private static func key(_ name: String) -> String { name.trimmed.lowercased() }
}

extension String {
  /// The string without leading and trailing spaces, tabs and line breaks.
  var trimmed: String {
    let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\n" }
    guard let first = firstIndex(where: { !isSpace($0) }) else { return "" }
    let last = lastIndex(where: { !isSpace($0) })!
    return String(self[first...last])
  }
}
