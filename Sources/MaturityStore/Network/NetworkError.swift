import Accounts
import InterfaceText

/// Why an action on accounts, networks or invitations was refused.
public enum NetworkError: UserFacingError, Equatable {
  /// An account with this email exists.
  case accountExists(email: String)
  /// No account has this email or number.
  case unknownAccount(String)
  /// A network with this id exists.
  case networkExists(id: String)
  /// No network has this id.
  case unknownNetwork(id: String)
  /// A network id must be short and plain, as it appears in links and file names.
  case invalidNetworkID(String)
  /// Not an email address.
  case invalidEmail(String)
  /// The role needs an authority (member, contributor, viewer), or may not have one.
  case authorityRequired(role: NetworkRole)
  /// Dimensions are chosen for contributors only.
  case dimensionsForContributorsOnly
  /// The password breaks the policy.
  case weakPassword(PasswordProblem)
  /// The invitation was used, revoked or has expired, or never existed: the same words for all,
  /// so that a guessed link learns nothing.
  case invitationNotUsable
  /// A campaign's dates are not days, or it closes before it opens.
  case invalidCampaignDates(opensOn: String, closesOn: String)
  /// No campaign has this number.
  case unknownCampaign(id: Int64)
  /// The campaign is closed, or its dates do not include today.
  case campaignNotOpen(name: String)
  /// The network report is published once the campaign is closed.
  case campaignNotClosed(name: String)
  /// The assessment was submitted: it changes only after the coordinator sends it back.
  case assessmentLocked(id: Int64)
  /// Only a submitted assessment can be sent back.
  case notSubmitted(id: Int64)

  public var location: SourceLocation? { nil }

  public func message(_ texts: TextCatalogue) -> String {
    switch self {
    case .accountExists(let email): texts("network.accountExists", ["email": email])
    case .unknownAccount(let account): texts("network.unknownAccount", ["account": account])
    case .networkExists(let id): texts("network.networkExists", ["id": id])
    case .unknownNetwork(let id): texts("network.unknownNetwork", ["id": id])
    case .invalidNetworkID(let id): texts("network.invalidNetworkID", ["id": id])
    case .invalidEmail(let email): texts("network.invalidEmail", ["email": email])
    case .authorityRequired(let role): texts("network.authorityRequired", ["role": role.rawValue])
    case .dimensionsForContributorsOnly: texts("network.dimensionsForContributorsOnly")
    case .weakPassword(let problem):
      switch problem {
      case .tooShort(let minimum): texts("password.tooShort", ["minimum": "\(minimum)"])
      case .tooLong(let bytes): texts("password.tooLong", ["bytes": "\(bytes)"])
      case .controlCharacter: texts("password.controlCharacter")
      case .common: texts("password.common")
      case .containsEmail: texts("password.containsEmail")
      }
    case .invitationNotUsable: texts("network.invitationNotUsable")
    case .invalidCampaignDates(let opens, let closes):
      texts("network.invalidCampaignDates", ["opens": opens, "closes": closes])
    case .unknownCampaign(let id): texts("network.unknownCampaign", ["id": "\(id)"])
    case .campaignNotOpen(let name): texts("network.campaignNotOpen", ["name": name])
    case .campaignNotClosed(let name): texts("network.campaignNotClosed", ["name": name])
    case .assessmentLocked: texts("network.assessmentLocked")
    case .notSubmitted: texts("network.notSubmitted")
    }
  }
}
