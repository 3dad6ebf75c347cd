import Foundation
import Metrics

/// Everything the web app and the network server keep: assessments, uploaded peer sets, and a
/// network's accounts, campaigns and audit log, in SQLite (one file, the default) or PostgreSQL
/// (shared by several instances). The same operations, and the same tests, run on both.
///
/// Every change is one transaction: two saves of different questions of the same assessment, at
/// the same time, both land.
public struct Store: Sendable {
  let database: any SQLDatabase
  let dialect: StoreMigrations.Dialect

  /// Where the database is: a file path, or a PostgreSQL URL without its password.
  public var location: String { database.location }

  /// Opens the SQLite database at `path`, creating it (and its folder) on first use and
  /// migrating an older one; a copy of an older database is kept beside it before it is migrated.
  public init(path: String) throws(StoreError) {
    database = try SQLiteDatabase(path: path)
    dialect = .sqlite
  }

  /// Opens `location`: a `postgres://USER@HOST:PORT/DATABASE` URL (the password comes from
  /// `password`, never the URL) or a SQLite file path.
  public static func open(_ location: String, password: String? = nil) async throws -> Store {
    guard PostgresURL.isPostgres(location) else { return try Store(path: location) }
    return Store(database: try await PostgresDatabase(url: try PostgresURL(location), password: password))
  }

  private init(database: PostgresDatabase) {
    self.database = database
    dialect = .postgres
  }

  /// Closes the connections; the store is not used after.
  public func close() async { await database.close() }

  /// Where the database lives by default: `$XDG_DATA_HOME/digital-maturity/assessments.sqlite`,
  /// else `~/.local/share/digital-maturity/assessments.sqlite`.
  public static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment)
    -> String
  {
    let base =
      environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
      ?? (environment["HOME"] ?? NSHomeDirectory()) + "/.local/share"
    return base + "/digital-maturity/assessments.sqlite"
  }

  // MARK: Access

  func read<T: Sendable>(_ body: @escaping @Sendable (any SQLSession) throws -> T) async throws
    -> T
  {
    try await measured(StoreMetrics.reads) { try await database.read(body) }
  }

  @discardableResult
  func write<T: Sendable>(_ body: @escaping @Sendable (any SQLSession) throws -> T) async throws
    -> T
  {
    try await measured(StoreMetrics.writes) { try await database.write(body) }
  }

  /// Runs one read or write, counted in progress (waiting for a connection or running) and timed.
  private func measured<T>(_ timer: Timer, _ operation: () async throws -> T) async throws -> T {
    let started = DispatchTime.now().uptimeNanoseconds
    let inProgress = StoreMetrics.inProgress
    inProgress.increment()
    defer {
      inProgress.decrement()
      timer.recordNanoseconds(Int64(DispatchTime.now().uptimeNanoseconds - started))
    }
    do { return try await operation() } catch { throw mapped(error) }
  }

  /// `error` as the store reports it: the store's own and the network's rules as they are, a
  /// failure of the database as a ``StoreError`` naming it.
  private func mapped(_ error: any Error) -> any Error {
    if case .failed(path: "", let reason) = error as? StoreError {
      return StoreError.failed(path: location, reason: reason)
    }
    if error is StoreError || error is NetworkError { return error }
    let reason =
      database is PostgresDatabase ? PostgresDatabase.reason(error) : SQLiteDatabase.reason(error)
    return StoreError.failed(path: location, reason: reason)
  }
}

/// The store's metrics (swift-metrics: recorded only when the server sets up a metrics system,
/// so each is made when used, after that).
enum StoreMetrics {
  /// Reads and writes under way: running, or waiting for a connection of the pool.
  static var inProgress: Meter { Meter(label: "maturity_database_operations_in_progress") }
  static var reads: Timer { duration("read") }
  static var writes: Timer { duration("write") }
  /// PostgreSQL connections open.
  static var connections: Meter { Meter(label: "maturity_database_connections") }

  private static func duration(_ kind: String) -> Timer {
    Timer(
      label: "maturity_database_operation_duration_seconds", dimensions: [("kind", kind)],
      preferredDisplayUnit: .seconds)
  }
}
