import Foundation

/// What the audit log records.
public enum AuditAction: String, Sendable, CaseIterable {
  case signIn, signInFailed, signOut
  case accountCreated, networkCreated, roleChanged
  case invitationCreated, invitationAccepted, invitationRevoked
  case campaignOpened, campaignClosed, published
  case imported, submitted, returned, reviewed, annotated, exported, withdrawn, deleted
}

/// One entry of the audit log.
public struct AuditEvent: Sendable, Equatable {
  public var at: Date
  /// The email of who acted, or nil for the operator at the command line.
  public var actor: String?
  public var networkID: String?
  public var action: AuditAction
  /// What it was done to, in words.
  public var subject: String
  /// The address the request came from.
  public var address: String?
}

extension Store {
  /// Adds an entry to the audit log.
  public func audit(
    _ action: AuditAction, actor: String?, network: String? = nil, subject: String = "",
    address: String? = nil
  ) async throws {
    try await write { session in
      try Self.audit(action, actor: actor, network: network, subject: subject, address: address, session)
    }
  }

  static func audit(
    _ action: AuditAction, actor: String?, network: String? = nil, subject: String = "",
    address: String? = nil,
    _ session: any SQLSession
  ) throws {
    try session.execute(
      "INSERT INTO auditEvent (at, actor, networkID, action, subject, address) VALUES (?, ?, ?, ?, ?, ?)",
      [
        .date(Date()), .optional(actor), .optional(network), .text(action.rawValue), .text(subject),
        .optional(address),
      ])
  }

  /// The audit log, the newest first: of one network, or (nil) all of it.
  public func auditEvents(network: String?, limit: Int = 500) async throws -> [AuditEvent] {
    try await read { session in
      let filter = network == nil ? "" : "WHERE networkID = ?"
      return try session.query(
        "SELECT at, actor, networkID, action, subject, address FROM auditEvent \(filter) ORDER BY id DESC LIMIT ?",
        (network.map { [SQLValue.text($0)] } ?? []) + [.integer(Int64(limit))]
      ).map { row in
        let action = try row.string("action")
        guard let known = AuditAction(rawValue: action) else {
          throw StoreError.failed(path: "", reason: "unknown audit action \(action)")
        }
        return AuditEvent(
          at: try row.date("at"), actor: try row.optionalString("actor"),
          networkID: try row.optionalString("networkID"), action: known, subject: try row.string("subject"),
          address: try row.optionalString("address"))
      }
    }
  }
}
