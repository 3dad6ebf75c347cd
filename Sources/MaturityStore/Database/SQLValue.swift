import Foundation
import GRDB

/// A value bound to, or read from, an SQL statement, the same on SQLite and PostgreSQL.
public enum SQLValue: Sendable, Equatable {
  case null
  case integer(Int64)
  case real(Double)
  case text(String)
  case blob(Data)
  case bool(Bool)
  case date(Date)
}

extension SQLValue {
  /// `value`, or null.
  static func optional(_ value: String?) -> SQLValue { value.map(SQLValue.text) ?? .null }
  /// `value`, or null.
  static func optional(_ value: Int?) -> SQLValue { value.map { .integer(Int64($0)) } ?? .null }
  /// `value`, or null.
  static func optional(_ value: Int64?) -> SQLValue { value.map(SQLValue.integer) ?? .null }
  /// `value`, or null.
  static func optional(_ value: Date?) -> SQLValue { value.map(SQLValue.date) ?? .null }
}

/// One row of a query's result, read by column name.
///
/// The readers accept what either database gives for a type: SQLite has no boolean or date
/// type, so a boolean may come as an integer and a date as text in SQLite's storage format.
/// Column names are matched without regard to case: PostgreSQL folds unquoted names to lower case.
struct SQLRow: Sendable {
  private let values: [String: SQLValue]

  init(_ columns: some Sequence<(String, SQLValue)>) {
    values = Dictionary(columns.map { ($0.0.lowercased(), $0.1) }, uniquingKeysWith: { first, _ in first })
  }

  private subscript(_ column: String) -> SQLValue { values[column.lowercased()] ?? .null }

  func string(_ column: String) throws(StoreError) -> String {
    guard let value = try optionalString(column) else { throw Self.unexpected(column, "text") }
    return value
  }

  func optionalString(_ column: String) throws(StoreError) -> String? {
    switch self[column] {
    case .null: return nil
    case .text(let text): return text
    default: throw Self.unexpected(column, "text")
    }
  }

  func int64(_ column: String) throws(StoreError) -> Int64 {
    guard let value = try optionalInt64(column) else { throw Self.unexpected(column, "integer") }
    return value
  }

  func optionalInt64(_ column: String) throws(StoreError) -> Int64? {
    switch self[column] {
    case .null: return nil
    case .integer(let number): return number
    default: throw Self.unexpected(column, "integer")
    }
  }

  func optionalInt(_ column: String) throws(StoreError) -> Int? {
    try optionalInt64(column).map { Int(truncatingIfNeeded: $0) }
  }

  func bool(_ column: String) throws(StoreError) -> Bool {
    switch self[column] {
    case .bool(let flag): return flag
    case .integer(let number): return number != 0
    default: throw Self.unexpected(column, "boolean")
    }
  }

  func data(_ column: String) throws(StoreError) -> Data {
    switch self[column] {
    case .blob(let data): return data
    case .text(let text): return Data(text.utf8)
    default: throw Self.unexpected(column, "bytes")
    }
  }

  func date(_ column: String) throws(StoreError) -> Date {
    guard let value = try optionalDate(column) else { throw Self.unexpected(column, "date") }
    return value
  }

  func optionalDate(_ column: String) throws(StoreError) -> Date? {
    switch self[column] {
    case .null: return nil
    case .date(let date): return date
    case .text(let text):
      guard let date = SQLiteDates.date(text) else { throw Self.unexpected(column, "date") }
      return date
    default: throw Self.unexpected(column, "date")
    }
  }

  private static func unexpected(_ column: String, _ type: String) -> StoreError {
    .failed(path: "", reason: "column \(column) does not hold \(type)")
  }
}

/// Dates as SQLite holds them: UTC text `YYYY-MM-DD HH:MM:SS.SSS`, GRDB's storage format.
enum SQLiteDates {
  static func date(_ text: String) -> Date? { Date.fromDatabaseValue(text.databaseValue) }
}
