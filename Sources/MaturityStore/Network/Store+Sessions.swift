import Foundation

extension Store {
  /// Opens a session for an account under the digest of its id; sessions idle for longer than
  /// `idleLimit` are cleared on the way.
  public func openSession(digest: String, accountID: Int64, idleLimit: TimeInterval, at date: Date = Date())
    async throws
  {
    try await write { session in
      try session.execute(
        "DELETE FROM signInSession WHERE lastSeenAt < ?", [.date(date.addingTimeInterval(-idleLimit))])
      try session.execute(
        "INSERT INTO signInSession (idHash, accountID, createdAt, lastSeenAt) VALUES (?, ?, ?, ?)",
        [.text(digest), .integer(accountID), .date(date), .date(date)])
    }
  }

  /// The account of a session that has been used within `idleLimit`, marking it used now; nil
  /// for an unknown or idle session (which is ended).
  public func sessionAccount(digest: String, idleLimit: TimeInterval, at date: Date = Date()) async throws
    -> Account?
  {
    // Read first: most requests change nothing, and a read takes no write lock.
    let found = try await read { session in
      try session.queryOne(
        """
        SELECT a.id, a.email, a.isAdmin, a.createdAt, s.lastSeenAt FROM signInSession s
        JOIN account a ON a.id = s.accountID WHERE s.idHash = ?
        """, [.text(digest)]
      ).map { (account: try Account($0), lastSeen: try $0.date("lastSeenAt")) }
    }
    guard let found else { return nil }
    if found.lastSeen < date.addingTimeInterval(-idleLimit) {
      try await closeSession(digest: digest)
      return nil
    }
    // Written at most once a minute, so that reading pages does not write on every request.
    if found.lastSeen < date.addingTimeInterval(-60) {
      try await write { session in
        try session.execute(
          "UPDATE signInSession SET lastSeenAt = ? WHERE idHash = ?", [.date(date), .text(digest)])
      }
    }
    return found.account
  }

  /// Ends a session.
  public func closeSession(digest: String) async throws {
    try await write { session in
      try session.execute("DELETE FROM signInSession WHERE idHash = ?", [.text(digest)])
    }
  }

  // MARK: Sign-in failures

  /// Records a failed sign-in under each key (the email, the address it came from).
  public func recordSignInFailure(keys: [String], at date: Date = Date()) async throws {
    try await write { session in
      for key in keys {
        try session.execute("INSERT INTO signInFailure (key, at) VALUES (?, ?)", [.text(key), .date(date)])
      }
    }
  }

  /// The failed sign-ins under `key` since `date`: how many, and the last one's time.
  public func signInFailures(key: String, since date: Date) async throws -> (count: Int, last: Date?) {
    try await read { session in
      let row = try session.queryOne(
        "SELECT count(*) AS failures, max(at) AS last FROM signInFailure WHERE key = ? AND at >= ?",
        [.text(key), .date(date)])
      return (Int(try row?.int64("failures") ?? 0), try row?.optionalDate("last"))
    }
  }

  /// Forgets the failures under `key` (after a successful sign-in), and every failure older
  /// than `horizon`.
  public func clearSignInFailures(key: String, olderThan horizon: Date) async throws {
    try await write { session in
      try session.execute("DELETE FROM signInFailure WHERE key = ? OR at < ?", [.text(key), .date(horizon)])
    }
  }
}
