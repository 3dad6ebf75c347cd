import Accounts
import Foundation

extension Store {
  /// Creates a network.
  @discardableResult
  public func createNetwork(id: String, name: String, by actor: String? = nil) async throws -> NetworkRecord {
    guard NetworkRecord.isValidID(id) else { throw NetworkError.invalidNetworkID(id) }
    return try await write { session in
      do {
        guard
          let row = try session.queryOne(
            "INSERT INTO network (id, name, createdAt) VALUES (?, ?, ?) RETURNING id, name, createdAt",
            [.text(id), .text(name), .date(Date())])
        else { throw StoreError.failed(path: "", reason: "no network returned") }
        try Self.audit(.networkCreated, actor: actor, network: id, subject: name, session)
        return try NetworkRecord(row)
      } catch SQLFailure.duplicate {
        throw NetworkError.networkExists(id: id)
      }
    }
  }

  /// The network `id`.
  public func network(_ id: String) async throws -> NetworkRecord {
    try await read { session in try Self.network(id, session) }
  }

  static func network(_ id: String, _ session: any SQLSession) throws -> NetworkRecord {
    guard let row = try session.queryOne("SELECT id, name, createdAt FROM network WHERE id = ?", [.text(id)])
    else {
      throw NetworkError.unknownNetwork(id: id)
    }
    return try NetworkRecord(row)
  }

  /// Every network, by name.
  public func networks() async throws -> [NetworkRecord] {
    try await read { session in
      try session.query("SELECT id, name, createdAt FROM network ORDER BY name, id", []).map(
        NetworkRecord.init)
    }
  }

  /// The networks an account belongs to, and its role in each.
  public func memberships(of accountID: Int64) async throws -> [Membership] {
    try await read { session in
      try session.query(
        "SELECT networkID, role, authorityID, dimensions FROM membership WHERE accountID = ? ORDER BY networkID",
        [.integer(accountID)]
      ).map(Membership.init)
    }
  }

  /// The people of a network: their accounts and memberships, by email.
  public func members(of networkID: String) async throws -> [(account: Account, membership: Membership)] {
    try await read { session in
      try session.query(
        """
        SELECT a.id, a.email, a.isAdmin, a.createdAt, m.networkID, m.role, m.authorityID, m.dimensions
        FROM membership m JOIN account a ON a.id = m.accountID WHERE m.networkID = ? ORDER BY a.email
        """, [.text(networkID)]
      ).map { (try Account($0), try Membership($0)) }
    }
  }

  /// Gives an account its role in a network, replacing the one it had there.
  public func setMembership(_ membership: Membership, of accountID: Int64, by actor: String? = nil)
    async throws
  {
    let membership = try membership.checked()
    try await write { session in
      _ = try Self.network(membership.networkID, session)
      try Self.upsertMembership(membership, of: accountID, session)
      let email = try session.queryOne("SELECT email FROM account WHERE id = ?", [.integer(accountID)])
      try Self.audit(
        .roleChanged, actor: actor, network: membership.networkID,
        subject: "\(try email?.string("email") ?? "\(accountID)"): \(membership.summary)", session)
    }
  }

  static func upsertMembership(_ membership: Membership, of accountID: Int64, _ session: any SQLSession)
    throws
  {
    try session.execute(
      """
      INSERT INTO membership (accountID, networkID, role, authorityID, dimensions) VALUES (?, ?, ?, ?, ?)
      ON CONFLICT (accountID, networkID) DO UPDATE SET role = excluded.role,
        authorityID = excluded.authorityID, dimensions = excluded.dimensions
      """, [.integer(accountID), .text(membership.networkID)] + membership.values)
    if let authorityID = membership.authorityID {
      try session.execute(
        """
        INSERT INTO networkAuthority (networkID, authorityID, name) VALUES (?, ?, ?)
        ON CONFLICT (networkID, authorityID) DO NOTHING
        """, [.text(membership.networkID), .text(authorityID), .text(authorityID)])
    }
  }
}

extension Membership {
  /// `role` or `role of AUTHORITY (dimensions)`, for the audit log.
  var summary: String {
    var text = role.rawValue
    if let authorityID { text += " of \(authorityID)" }
    if let dimensions { text += " (\(dimensions.joined(separator: ", ")))" }
    return text
  }
}
