import Accounts
import Foundation

/// A person who signs in to the network server.
public struct Account: Sendable, Equatable, Identifiable {
  public var id: Int64
  /// In lower case (see ``Email``).
  public var email: String
  /// A server administrator: creates networks, sees every audit event.
  public var isAdmin: Bool
  public var createdAt: Date

  init(_ row: SQLRow) throws {
    id = try row.int64("id")
    email = try row.string("email")
    isAdmin = try row.bool("isAdmin")
    createdAt = try row.date("createdAt")
  }

  static let columns = "id, email, isAdmin, createdAt"
}

/// A network of authorities that runs assessment campaigns for its members.
public struct NetworkRecord: Sendable, Equatable, Identifiable {
  /// Short and plain: it appears in links and file names.
  public var id: String
  public var name: String
  public var createdAt: Date

  init(_ row: SQLRow) throws {
    id = try row.string("id")
    name = try row.string("name")
    createdAt = try row.date("createdAt")
  }

  /// Whether `id` may name a network: 1 to 64 lower-case letters, digits and hyphens, starting
  /// with a letter or digit.
  public static func isValidID(_ id: String) -> Bool {
    guard let first = id.utf8.first, id.utf8.count <= 64 else { return false }
    func plain(_ byte: UInt8) -> Bool { (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte) }
    return plain(first) && id.utf8.allSatisfy { plain($0) || $0 == 0x2D }
  }
}

/// A one-time link that makes its holder a member of a network, in the role it was made for.
public struct Invitation: Sendable, Equatable, Identifiable {
  public var id: Int64
  public var email: String
  public var membership: Membership
  public var createdAt: Date
  public var expiresAt: Date
  public var usedAt: Date?
  public var revokedAt: Date?

  /// How long a link can be used.
  public static let lifetime: TimeInterval = 7 * 86_400

  /// Whether the link can still be used at `date`.
  public func isOpen(at date: Date) -> Bool { usedAt == nil && revokedAt == nil && date < expiresAt }

  static let columns =
    "id, networkID, email, role, authorityID, dimensions, createdAt, expiresAt, usedAt, revokedAt"

  init(_ row: SQLRow) throws {
    id = try row.int64("id")
    email = try row.string("email")
    membership = try Membership(row)
    createdAt = try row.date("createdAt")
    expiresAt = try row.date("expiresAt")
    usedAt = try row.optionalDate("usedAt")
    revokedAt = try row.optionalDate("revokedAt")
  }
}

extension Membership {
  init(_ row: SQLRow) throws {
    let role = try row.string("role")
    guard let known = NetworkRole(rawValue: role) else {
      throw StoreError.failed(path: "", reason: "unknown role \(role)")
    }
    self.init(
      networkID: try row.string("networkID"), role: known, authorityID: try row.optionalString("authorityID"),
      dimensions: try row.optionalString("dimensions").map { $0.split(separator: ",").map(String.init) })
  }

  /// The values of `role, authorityID, dimensions`.
  var values: [SQLValue] {
    [.text(role.rawValue), .optional(authorityID), .optional(dimensions?.joined(separator: ","))]
  }

  /// Refuses an authority where the role has none, and the reverse, and dimensions for any role
  /// but contributor.
  func checked() throws(NetworkError) -> Membership {
    if role.isTiedToAuthority != (authorityID != nil) && role != .advisor {
      throw .authorityRequired(role: role)
    }
    if dimensions != nil && role != .contributor { throw .dimensionsForContributorsOnly }
    return self
  }
}
