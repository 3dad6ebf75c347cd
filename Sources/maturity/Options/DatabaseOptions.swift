import ArgumentParser
import Foundation
import MaturityStore

/// `--db` and `--db-password-file`: the database of the web app or the network server.
struct DatabaseOptions: ParsableArguments {
  @Option(
    help: ArgumentHelp(
      """
      The SQLite database file (created on first start), or a PostgreSQL database as \
      postgres://USER@HOST:PORT/DATABASE.
      """,
      discussion: """
        Default: MATURITY_DB, else the SQLite file of the local app. The PostgreSQL password \
        comes from --db-password-file (or MATURITY_DB_PASSWORD_FILE) or PGPASSWORD, never from the URL.
        """))
  var db: String?

  @Option(help: "A file holding the PostgreSQL password (its first line).")
  var dbPasswordFile: String?

  /// Opens the database given, else `MATURITY_DB`, else the default SQLite file.
  func open() async throws -> Store {
    try await Store.open(db ?? variables["MATURITY_DB"] ?? Store.defaultPath(), password: try password())
  }

  private var variables: EnvironmentVariables { EnvironmentVariables() }

  private func password() throws -> String? {
    guard let dbPasswordFile = dbPasswordFile ?? variables["MATURITY_DB_PASSWORD_FILE"] else {
      return ProcessInfo.processInfo.environment["PGPASSWORD"]
    }
    guard let text = try? String(contentsOfFile: dbPasswordFile, encoding: .utf8) else {
      throw ValidationError("Cannot read the password file \(dbPasswordFile).")
    }
    return text.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
  }
}
