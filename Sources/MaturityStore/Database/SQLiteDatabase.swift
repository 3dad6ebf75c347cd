import Foundation
import GRDB

/// The embedded database: one SQLite file in WAL mode, through GRDB.
struct SQLiteDatabase: SQLDatabase {
  let location: String
  private let pool: DatabasePool

  /// Opens the file at `path`, creating it (and its folder) on first use and migrating an older
  /// one; a copy of an older database is kept beside it before it is migrated.
  init(path: String) throws(StoreError) {
    location = path
    do {
      let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
      try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
      var configuration = Configuration()
      configuration.foreignKeysEnabled = true
      configuration.busyMode = .timeout(10)
      pool = try DatabasePool(path: path, configuration: configuration)
    } catch {
      throw .cannotOpen(path: path, reason: Self.reason(error))
    }
    try migrate()
  }

  private func migrate() throws(StoreError) {
    let migrator = StoreMigrations.sqlite
    do {
      let applied = try pool.read { try migrator.appliedIdentifiers($0) }
      let unknown = applied.subtracting(StoreMigrations.identifiers)
      if !unknown.isEmpty { throw StoreError.newerSchema(path: location, migrations: unknown.sorted()) }
      let pending = StoreMigrations.identifiers.filter { !applied.contains($0) }
      if !applied.isEmpty && !pending.isEmpty {
        let backup = try DatabaseQueue(path: location + ".before-\(pending[0]).sqlite")
        try pool.backup(to: backup)
      }
      try migrator.migrate(pool)
    } catch let error as StoreError {
      throw error
    } catch {
      throw .cannotOpen(path: location, reason: Self.reason(error))
    }
  }

  func read<T: Sendable>(_ body: @escaping @Sendable (any SQLSession) throws -> T) async throws -> T {
    try await pool.read { db in try body(SQLiteSession(db: db)) }
  }

  func write<T: Sendable>(_ body: @escaping @Sendable (any SQLSession) throws -> T) async throws -> T {
    try await pool.write { db in try body(SQLiteSession(db: db)) }
  }

  func close() async { try? pool.close() }

  static func reason(_ error: any Error) -> String {
    if let error = error as? DatabaseError { return error.message ?? "\(error.resultCode)" }
    return (error as NSError).localizedDescription
  }
}

/// Statements on one GRDB connection.
private struct SQLiteSession: SQLSession {
  let db: Database

  @discardableResult
  func execute(_ sql: String, _ arguments: [SQLValue]) throws -> Int {
    try Self.reportingDuplicates { try db.execute(sql: sql, arguments: Self.arguments(arguments)) }
    return db.changesCount
  }

  func query(_ sql: String, _ arguments: [SQLValue]) throws -> [SQLRow] {
    try Self.reportingDuplicates { try Row.fetchAll(db, sql: sql, arguments: Self.arguments(arguments)) }.map
    {
      SQLRow(zip($0.columnNames, $0.databaseValues.map(Self.value)))
    }
  }

  /// Runs `body`, reporting a broken UNIQUE or PRIMARY KEY constraint as ``SQLFailure/duplicate(_:)``.
  private static func reportingDuplicates<T>(_ body: () throws -> T) throws -> T {
    do {
      return try body()
    } catch let error as DatabaseError
      where error.resultCode == .SQLITE_CONSTRAINT
      && ["UNIQUE", "PRIMARY KEY"].contains(where: { (error.message ?? "").hasPrefix($0) })
    {
      throw SQLFailure.duplicate(error.message ?? "")
    }
  }

  private static func arguments(_ values: [SQLValue]) -> StatementArguments {
    StatementArguments(
      values.map { value -> DatabaseValue in
        switch value {
        case .null: .null
        case .integer(let number): number.databaseValue
        case .real(let number): number.databaseValue
        case .text(let text): text.databaseValue
        case .blob(let data): data.databaseValue
        case .bool(let flag): flag.databaseValue
        case .date(let date): date.databaseValue
        }
      })
  }

  private static func value(_ value: DatabaseValue) -> SQLValue {
    switch value.storage {
    case .null: .null
    case .int64(let number): .integer(number)
    case .double(let number): .real(number)
    case .string(let text): .text(text)
    case .blob(let data): .blob(data)
    }
  }
}
