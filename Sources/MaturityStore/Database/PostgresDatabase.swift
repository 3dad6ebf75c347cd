import Foundation
import Logging
import Metrics
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import PostgresNIO

/// A PostgreSQL server, through postgres-nio: what several instances of the server share.
///
/// Store operations are short synchronous bodies of statements; each runs on a thread of a
/// private thread pool with a connection of its own, so they never block Swift's cooperative
/// threads or NIO's event loops.
final class PostgresDatabase: SQLDatabase, @unchecked Sendable {
  let location: String
  private let configuration: PostgresConnection.Configuration
  private let threads: NIOThreadPool
  private let idle = NIOLockedValueBox<[PostgresConnection]>([])
  private let nextID = NIOLockedValueBox(0)
  private let logger = Logger(label: "maturity.postgres")

  /// Connects to `url` (`postgres://USER@HOST:PORT/DATABASE`) and migrates its schema.
  /// - Parameter password: from `PGPASSWORD` or a file, never from the URL.
  init(url: PostgresURL, password: String?, connections: Int = 8) async throws(StoreError) {
    location = url.description
    var configuration = PostgresConnection.Configuration(
      host: url.host, port: url.port, username: url.user, password: password, database: url.database,
      tls: .disable)
    configuration.options.connectTimeout = .seconds(10)
    self.configuration = configuration
    threads = NIOThreadPool(numberOfThreads: connections)
    threads.start()
    do {
      try await migrate()
    } catch {
      await close()
      throw error
    }
  }

  private func migrate() async throws(StoreError) {
    do {
      try await write { session in try StoreMigrations.migratePostgres(session, location: self.location) }
    } catch let error as StoreError {
      throw error
    } catch {
      throw .cannotOpen(path: location, reason: Self.reason(error))
    }
  }

  func read<T: Sendable>(_ body: @escaping @Sendable (any SQLSession) throws -> T) async throws -> T {
    try await threads.runIfActive { try self.withConnection { try body(PostgresSession(connection: $0)) } }
  }

  func write<T: Sendable>(_ body: @escaping @Sendable (any SQLSession) throws -> T) async throws -> T {
    try await threads.runIfActive {
      try self.withConnection { connection in
        let session = PostgresSession(connection: connection)
        try session.execute("BEGIN", [])
        do {
          let result = try body(session)
          try session.execute("COMMIT", [])
          return result
        } catch {
          _ = try? session.execute("ROLLBACK", [])
          throw error
        }
      }
    }
  }

  /// A store dropped without ``close()`` still closes its connections and threads.
  deinit {
    // Each closure keeps its connection alive until the connection is closed.
    for connection in idle.withLockedValue({ $0 }) { connection.close().whenComplete { _ in _ = connection } }
    threads.shutdownGracefully { _ in }
  }

  func close() async {
    let connections = idle.withLockedValue { connections in
      defer { connections = [] }
      return connections
    }
    for connection in connections {
      try? await connection.close()
      StoreMetrics.connections.decrement()
    }
    try? await threads.shutdownGracefully()
  }

  /// Runs `body` with an idle connection, or a new one; a connection that broke is dropped.
  private func withConnection<T>(_ body: (PostgresConnection) throws -> T) throws -> T {
    let connection = try idle.withLockedValue { $0.popLast() } ?? connect()
    defer {
      if connection.isClosed {
        StoreMetrics.connections.decrement()
      } else {
        idle.withLockedValue { $0.append(connection) }
      }
    }
    return try body(connection)
  }

  private func connect() throws -> PostgresConnection {
    let id = nextID.withLockedValue { id in
      id += 1
      return id
    }
    let connection = try PostgresConnection.connect(
      on: MultiThreadedEventLoopGroup.singleton.next(), configuration: configuration, id: id, logger: logger
    ).wait()
    StoreMetrics.connections.increment()
    return connection
  }

  static func reason(_ error: any Error) -> String {
    if let error = error as? PSQLError {
      if let message = error.serverInfo?[.message] { return message }
      if let underlying = error.underlying { return "\(error.code): \(underlying)" }
      return "\(error.code)"
    }
    return (error as NSError).localizedDescription
  }
}

/// Statements on one PostgreSQL connection, waited for on a thread of the pool.
private struct PostgresSession: SQLSession {
  let connection: PostgresConnection
  private static let logger = Logger(label: "maturity.postgres.session")

  @discardableResult
  func execute(_ sql: String, _ arguments: [SQLValue]) throws -> Int {
    try run(sql, arguments).metadata.rows ?? 0
  }

  func query(_ sql: String, _ arguments: [SQLValue]) throws -> [SQLRow] {
    try run(sql, arguments).rows.map { row in SQLRow(try row.map { ($0.columnName, try Self.value($0)) }) }
  }

  private func run(_ sql: String, _ arguments: [SQLValue]) throws -> PostgresQueryResult {
    var binds = PostgresBindings(capacity: arguments.count)
    for argument in arguments {
      switch argument {
      case .null: binds.appendNull()
      case .integer(let number): binds.append(number)
      case .real(let number): binds.append(number)
      case .text(let text): binds.append(text)
      case .blob(let data): try binds.append(data)
      case .bool(let flag): binds.append(flag)
      case .date(let date): binds.append(date)
      }
    }
    do {
      return try connection.query(
        PostgresQuery(unsafeSQL: Self.numberedPlaceholders(sql), binds: binds), logger: Self.logger
      ).wait()
    } catch let error as PSQLError where error.serverInfo?[.sqlState] == "23505" {
      throw SQLFailure.duplicate(error.serverInfo?[.message] ?? "")
    }
  }

  /// `?` placeholders as PostgreSQL's `$1`, `$2`, …; a `?` inside a quoted string is kept.
  static func numberedPlaceholders(_ sql: String) -> String {
    var result = ""
    var number = 0
    var quote: Character?
    for character in sql {
      if let open = quote {
        if character == open { quote = nil }
        result.append(character)
      } else if character == "'" || character == "\"" {
        quote = character
        result.append(character)
      } else if character == "?" {
        number += 1
        result += "$\(number)"
      } else {
        result.append(character)
      }
    }
    return result
  }

  private static func value(_ cell: PostgresCell) throws -> SQLValue {
    guard cell.bytes != nil else { return .null }
    switch cell.dataType {
    case .int2, .int4, .int8: return .integer(try cell.decode(Int64.self))
    case .float4, .float8, .numeric: return .real(try cell.decode(Double.self))
    case .bool: return .bool(try cell.decode(Bool.self))
    case .bytea: return .blob(try cell.decode(Data.self))
    case .timestamptz, .timestamp: return .date(try cell.decode(Date.self))
    default: return .text(try cell.decode(String.self))
    }
  }
}

/// Where a PostgreSQL database is: `postgres://USER@HOST:PORT/DATABASE`. A password in the URL is
/// refused: it would show in the process list and the shell history.
public struct PostgresURL: Sendable, CustomStringConvertible {
  public var user: String
  public var host: String
  public var port: Int
  public var database: String

  /// Whether `location` names a PostgreSQL database rather than a SQLite file.
  public static func isPostgres(_ location: String) -> Bool {
    location.hasPrefix("postgres://") || location.hasPrefix("postgresql://")
  }

  public init(_ text: String) throws(StoreError) {
    guard let components = URLComponents(string: text), let host = components.host, !host.isEmpty else {
      throw .badLocation(text, reason: .malformed)
    }
    if components.password != nil { throw .badLocation(Self.withoutPassword(text), reason: .password) }
    guard let user = components.user, !user.isEmpty else { throw .badLocation(text, reason: .noUser) }
    let database = String(components.path.drop(while: { $0 == "/" }))
    guard !database.isEmpty, !database.contains("/") else { throw .badLocation(text, reason: .noDatabase) }
    self.user = user.removingPercentEncoding ?? user
    self.host = host
    self.port = components.port ?? 5432
    self.database = database.removingPercentEncoding ?? database
  }

  public var description: String {
    "postgres://\(user)@\(host.contains(":") ? "[\(host)]" : host):\(port)/\(database)"
  }

  private static func withoutPassword(_ text: String) -> String {
    guard let password = URLComponents(string: text)?.percentEncodedPassword else { return "postgres://…" }
    return text.replacingOccurrences(of: ":\(password)@", with: ":***@")
  }
}
