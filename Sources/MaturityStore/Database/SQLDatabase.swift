import Foundation

/// The statements of one transaction (or one read), run one after the other on one connection.
///
/// Statements are written once for both databases: `?` placeholders, `RETURNING`, and
/// `ON CONFLICT … DO UPDATE`, which SQLite and PostgreSQL both understand.
protocol SQLSession {
  /// Runs a statement; returns how many rows it changed.
  @discardableResult
  func execute(_ sql: String, _ arguments: [SQLValue]) throws -> Int
  /// Runs a query; returns its rows.
  func query(_ sql: String, _ arguments: [SQLValue]) throws -> [SQLRow]
}

extension SQLSession {
  /// The first row of a query, if any.
  func queryOne(_ sql: String, _ arguments: [SQLValue]) throws -> SQLRow? {
    try query(sql, arguments).first
  }
}

/// A database the store runs on: SQLite (embedded) or PostgreSQL (a server shared by instances).
protocol SQLDatabase: Sendable {
  /// Where the database is, for messages: a file path, or a URL without its password.
  var location: String { get }
  /// Runs `body` on a consistent view of the database.
  func read<T: Sendable>(_ body: @escaping @Sendable (any SQLSession) throws -> T) async throws -> T
  /// Runs `body` in one transaction: all its changes land, or none.
  func write<T: Sendable>(_ body: @escaping @Sendable (any SQLSession) throws -> T) async throws -> T
  /// Closes the connections.
  func close() async
}

/// A statement that the database refused.
enum SQLFailure: Error {
  /// A row with the same unique key exists.
  case duplicate(String)
}
