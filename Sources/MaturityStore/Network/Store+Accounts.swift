import Accounts
import Foundation

extension Store {
  /// Creates an account; its email must be new.
  @discardableResult
  public func addAccount(email: String, passwordHash: String, isAdmin: Bool = false, by actor: String? = nil)
    async throws -> Account
  {
    guard let email = Email.normalized(email) else { throw NetworkError.invalidEmail(email) }
    return try await write { session in
      let account = try Self.insertAccount(email, passwordHash: passwordHash, isAdmin: isAdmin, session)
      try Self.audit(.accountCreated, actor: actor, subject: email + (isAdmin ? " (admin)" : ""), session)
      return account
    }
  }

  static func insertAccount(_ email: String, passwordHash: String, isAdmin: Bool, _ session: any SQLSession)
    throws -> Account
  {
    do {
      guard
        let row = try session.queryOne(
          "INSERT INTO account (email, passwordHash, isAdmin, createdAt) VALUES (?, ?, ?, ?) RETURNING \(Account.columns)",
          [.text(email), .text(passwordHash), .bool(isAdmin), .date(Date())])
      else { throw StoreError.failed(path: "", reason: "no account returned") }
      return try Account(row)
    } catch SQLFailure.duplicate {
      throw NetworkError.accountExists(email: email)
    }
  }

  /// The account with this email and its password hash, if there is one.
  public func credentials(email: String) async throws -> (account: Account, passwordHash: String)? {
    guard let email = Email.normalized(email) else { return nil }
    return try await read { session in
      try session.queryOne(
        "SELECT \(Account.columns), passwordHash FROM account WHERE email = ?", [.text(email)]
      ).map { (try Account($0), try $0.string("passwordHash")) }
    }
  }

  /// The account numbered `id`, if it still exists.
  public func account(_ id: Int64) async throws -> Account? {
    try await read { session in
      try session.queryOne("SELECT \(Account.columns) FROM account WHERE id = ?", [.integer(id)]).map(
        Account.init)
    }
  }

  /// Every account, by email.
  public func accounts() async throws -> [Account] {
    try await read { session in
      try session.query("SELECT \(Account.columns) FROM account ORDER BY email", []).map(Account.init)
    }
  }

  /// Replaces an account's password and ends its sessions.
  public func setPassword(of accountID: Int64, hash: String) async throws {
    try await write { session in
      let changed = try session.execute(
        "UPDATE account SET passwordHash = ? WHERE id = ?", [.text(hash), .integer(accountID)])
      if changed == 0 { throw NetworkError.unknownAccount("\(accountID)") }
      try session.execute("DELETE FROM signInSession WHERE accountID = ?", [.integer(accountID)])
    }
  }
}
