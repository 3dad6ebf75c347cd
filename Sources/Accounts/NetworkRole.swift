/// What a person may do in one network (DESIGN.md, "Network server"). A server `admin` is not a
/// network role: it is a mark on the account.
public enum NetworkRole: String, Codable, Sendable, CaseIterable {
  /// Invites, runs campaigns, reviews every member's answers, sees the network report.
  case coordinator
  /// Fills in and submits its own authority's assessments; sees them against the network's aggregates.
  case member
  /// Reads and annotates the plans of the members assigned to it.
  case advisor
  /// A colleague of a member: answers the questions of chosen dimensions of that authority.
  case contributor
  /// Reads one authority's reports.
  case viewer

  /// Whether the role acts for one authority (and so needs an authority id).
  public var isTiedToAuthority: Bool { [.member, .contributor, .viewer].contains(self) }
}

/// A person's place in one network: its role, and for the roles tied to an authority, which one.
public struct Membership: Codable, Sendable, Equatable {
  public var networkID: String
  public var role: NetworkRole
  /// The authority a member, contributor or viewer acts for.
  public var authorityID: String?
  /// The dimensions a contributor may answer; nil for every dimension.
  public var dimensions: [String]?

  public init(networkID: String, role: NetworkRole, authorityID: String? = nil, dimensions: [String]? = nil) {
    self.networkID = networkID
    self.role = role
    self.authorityID = authorityID
    self.dimensions = dimensions
  }

  /// Whether the membership may change the answers of `dimension`.
  public func mayAnswer(dimension: String) -> Bool {
    switch role {
    case .member: true
    case .contributor: dimensions.map { $0.contains(dimension) } ?? true
    case .coordinator, .advisor, .viewer: false
    }
  }
}
