import Accounts
import Foundation

extension Store {
  /// Keeps an invitation under the digest of its token (see ``SecretToken``); the token itself
  /// is given to the inviter only.
  @discardableResult
  public func createInvitation(
    tokenDigest: String, email: String, membership: Membership, createdBy: Int64? = nil, actor: String? = nil,
    at date: Date = Date()
  ) async throws -> Invitation {
    guard let email = Email.normalized(email) else { throw NetworkError.invalidEmail(email) }
    let membership = try membership.checked()
    return try await write { session in
      _ = try Self.network(membership.networkID, session)
      guard
        let row = try session.queryOne(
          """
          INSERT INTO invitation (tokenHash, networkID, email, role, authorityID, dimensions, createdBy, createdAt, expiresAt)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING \(Invitation.columns)
          """,
          [.text(tokenDigest), .text(membership.networkID), .text(email)] + membership.values + [
            .optional(createdBy), .date(date), .date(date.addingTimeInterval(Invitation.lifetime)),
          ])
      else { throw StoreError.failed(path: "", reason: "no invitation returned") }
      try Self.audit(
        .invitationCreated, actor: actor, network: membership.networkID,
        subject: "\(email): \(membership.summary)", session)
      return try Invitation(row)
    }
  }

  /// The invitation of a token digest, in whatever state it is.
  public func invitation(tokenDigest: String) async throws -> Invitation? {
    try await read { session in
      try session.queryOne(
        "SELECT \(Invitation.columns) FROM invitation WHERE tokenHash = ?", [.text(tokenDigest)]
      ).map(Invitation.init)
    }
  }

  /// The invitations of a network, the newest first.
  public func invitations(of networkID: String) async throws -> [Invitation] {
    try await read { session in
      try session.query(
        "SELECT \(Invitation.columns) FROM invitation WHERE networkID = ? ORDER BY id DESC",
        [.text(networkID)]
      ).map(Invitation.init)
    }
  }

  /// Spends an invitation: its email's account (created with `newPasswordHash` when there is
  /// none) gets the membership. Refused when the invitation is used, revoked or expired, or when
  /// an account must be created and no password is given. Returns the account.
  public func acceptInvitation(tokenDigest: String, newPasswordHash: String?, at date: Date = Date())
    async throws -> Account
  {
    try await write { session in
      // Spending first: of two acceptances at once, one changes the row and the other nothing.
      let spent = try session.execute(
        """
        UPDATE invitation SET usedAt = ?
        WHERE tokenHash = ? AND usedAt IS NULL AND revokedAt IS NULL AND expiresAt > ?
        """, [.date(date), .text(tokenDigest), .date(date)])
      guard spent == 1,
        let row = try session.queryOne(
          "SELECT \(Invitation.columns) FROM invitation WHERE tokenHash = ?", [.text(tokenDigest)])
      else { throw NetworkError.invitationNotUsable }
      let invitation = try Invitation(row)
      let account: Account
      if let existing = try session.queryOne(
        "SELECT \(Account.columns) FROM account WHERE email = ?", [.text(invitation.email)])
      {
        account = try Account(existing)
      } else {
        guard let newPasswordHash else { throw NetworkError.unknownAccount(invitation.email) }
        account = try Self.insertAccount(
          invitation.email, passwordHash: newPasswordHash, isAdmin: false, session)
      }
      try Self.upsertMembership(invitation.membership, of: account.id, session)
      try Self.audit(
        .invitationAccepted, actor: account.email, network: invitation.membership.networkID,
        subject: invitation.membership.summary, session)
      return account
    }
  }

  /// Withdraws an unused invitation of a network; returns whether there was one to withdraw.
  @discardableResult
  public func revokeInvitation(_ id: Int64, of networkID: String, by actor: String? = nil) async throws
    -> Bool
  {
    try await write { session in
      let changed = try session.execute(
        "UPDATE invitation SET revokedAt = ? WHERE id = ? AND networkID = ? AND usedAt IS NULL AND revokedAt IS NULL",
        [.date(Date()), .integer(id), .text(networkID)])
      if changed == 1 {
        try Self.audit(
          .invitationRevoked, actor: actor, network: networkID, subject: "invitation \(id)", session)
      }
      return changed == 1
    }
  }
}
