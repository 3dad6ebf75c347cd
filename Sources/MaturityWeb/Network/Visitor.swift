import Accounts
import MaturityStore

/// The person signed in to the network server: the account and its roles in networks.
public struct Visitor: Sendable {
  public var account: Account
  public var memberships: [Membership]

  public init(account: Account, memberships: [Membership]) {
    self.account = account
    self.memberships = memberships
  }

  /// The visitor's role in `networkID`, if any.
  func membership(in networkID: String?) -> Membership? {
    guard let networkID else { return nil }
    return memberships.first { $0.networkID == networkID }
  }

  /// Whether the visitor may run the network `networkID`: its coordinator, or a server admin.
  func manages(_ networkID: String) -> Bool {
    account.isAdmin || membership(in: networkID)?.role == .coordinator
  }

  /// The membership in which the visitor fills in its own authority's assessments, if any.
  var memberRole: Membership? { memberships.first { $0.role == .member } }

  /// Whether the visitor may do `right` to `record`. Only assessments of a network are reachable
  /// on the network server, and only through a role in that network.
  func may(_ right: AssessmentRight, _ record: AssessmentRecord) -> Bool {
    guard let membership = membership(in: record.networkID) else { return false }
    let own = membership.authorityID == record.authorityID
    switch (right, membership.role) {
    case (.read, .coordinator), (.reports, .coordinator), (.review, .coordinator): return true
    case (.manage, .member), (.answer, .member), (.read, .member), (.reports, .member): return own
    case (.read(let dimension), .contributor), (.answer(let dimension), .contributor):
      return own && (dimension.map(membership.mayAnswer(dimension:)) ?? true)
    case (.reports, .contributor), (.read, .viewer), (.reports, .viewer), (.reports, .advisor),
      (.annotate, .advisor):
      return own
    default: return false
    }
  }
}

/// What a route does to an assessment.
enum AssessmentRight: Equatable {
  /// See its answers: of one dimension, or (nil) its overview and details.
  case read(dimension: String?)
  /// Change its answers of a dimension (nil: the question's dimension is not known yet).
  case answer(dimension: String?)
  /// Change its details, duplicate or delete it.
  case manage
  /// See its results, plan, history and downloads.
  case reports
  /// Comment on its answers and send it back for changes: the coordinator's review.
  case review
  /// Note on the steps of its plan: the assigned advisor's part.
  case annotate
}
