import Foundation
import Logging
import PostgresNIO

/// The databases the store tests run on: SQLite always, PostgreSQL when `MATURITY_TEST_POSTGRES`
/// names a server (`postgres://USER@HOST:PORT/DATABASE`; `.ci/run` starts one).
public enum TestDatabase: String, CaseIterable, Sendable {
  case sqlite, postgres

  /// The server given by `MATURITY_TEST_POSTGRES`, if any.
  public static let postgresServer = ProcessInfo.processInfo.environment["MATURITY_TEST_POSTGRES"]
    .flatMap { $0.isEmpty ? nil : $0 }

  /// The databases to run on here.
  public static let available: [TestDatabase] = postgresServer == nil ? [.sqlite] : [.sqlite, .postgres]

  /// Why the PostgreSQL half is not run, printed by the test that stands for it.
  public static let postgresSkipReason =
    "MATURITY_TEST_POSTGRES is unset: the PostgreSQL half of the store tests is skipped (.ci/run sets it)"

  /// A new, empty database of this kind: a SQLite file in a folder of its own, or a new database
  /// on the PostgreSQL server. Returns what `--db` takes.
  public func newLocation() async throws -> String {
    switch self {
    case .sqlite:
      return FileManager.default.temporaryDirectory.appendingPathComponent("store-\(UUID())")
        .appendingPathComponent("a.sqlite").path
    case .postgres:
      guard let server = Self.postgresServer, let url = URLComponents(string: server), let host = url.host,
        let user = url.user
      else { throw TestDatabaseError.noServer }
      let name = "maturity_test_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
      let configuration = PostgresConnection.Configuration(
        host: host, port: url.port ?? 5432, username: user,
        password: ProcessInfo.processInfo.environment["PGPASSWORD"],
        database: String(url.path.dropFirst()), tls: .disable)
      let connection = try await PostgresConnection.connect(
        configuration: configuration, id: 1, logger: Logger(label: "test-databases"))
      do {
        try await connection.query(
          PostgresQuery(unsafeSQL: "CREATE DATABASE \(name)"), logger: connection.logger)
        try await connection.close()
      } catch {
        try? await connection.close()
        throw error
      }
      return "postgres://\(user)@\(host):\(url.port ?? 5432)/\(name)"
    }
  }
}

enum TestDatabaseError: Error { case noServer }
