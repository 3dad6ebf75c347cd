import Foundation

/// Whether the database holds the schema this build expects, for a readiness check.
public struct SchemaStatus: Sendable, Equatable {
  /// Migrations of this build not yet applied to the database.
  public var pending: [String]
  /// Migrations in the database that this build does not know (a newer build migrated it).
  public var unknown: [String]

  /// The schema is exactly this build's.
  public var isCurrent: Bool { pending.isEmpty && unknown.isEmpty }
}

extension Store {
  /// Reads which migrations the database has applied; throws when it cannot be reached.
  public func schemaStatus() async throws -> SchemaStatus {
    let table = dialect == .postgres ? "schemaMigration" : "grdb_migrations"
    let applied = try await read { session in
      Set(try session.query("SELECT identifier FROM \(table)", []).map { try $0.string("identifier") })
    }
    return SchemaStatus(
      pending: StoreMigrations.identifiers.filter { !applied.contains($0) },
      unknown: applied.subtracting(StoreMigrations.identifiers).sorted())
  }

  /// How many sign-in sessions were used within `idleLimit`.
  public func activeSessionCount(idleLimit: TimeInterval, at date: Date = Date()) async throws -> Int {
    try await read { session in
      let row = try session.queryOne(
        "SELECT COUNT(*) AS n FROM signInSession WHERE lastSeenAt >= ?",
        [.date(date.addingTimeInterval(-idleLimit))])
      return Int(try row?.int64("n") ?? 0)
    }
  }
}
