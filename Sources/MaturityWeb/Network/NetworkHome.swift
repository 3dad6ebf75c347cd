import Accounts
import Foundation
import Hummingbird
import InterfaceText
import MaturityKit
import MaturityStore

extension WebApp {
  /// The home page of someone signed in: each network they belong to, their role there, and the
  /// assessments that role reaches (their authority's, or every member's for a coordinator).
  ///
  /// - Parameters:
  ///   - newLink: an invitation link the member just made for a colleague, shown once.
  ///   - problem: why the invitation could not be made.
  func networkHome(
    _ visitor: Visitor, newLink: String? = nil, problem: String? = nil, request: Request, context: WebContext
  ) async throws -> Hummingbird.Response {
    let texts = context.texts
    var networks: [[String: Any]] = []
    for membership in visitor.memberships {
      let network = try await store.network(membership.networkID)
      let records = try await store.assessments(ofNetwork: network.id).filter { visitor.may(.reports, $0) }
      let rows = records.map { record -> [String: Any] in
        [
          "id": "\(record.id!)", "authority": record.authorityName, "authorityID": record.authorityID,
          "date": record.date.map { ScoreDisplay.date($0, texts) } ?? "—",
          "questionnaire": "\(record.questionnaireID) \(record.questionnaireVersion)",
          "status": texts("web.status.\(record.status.rawValue)"),
          "mayOpen": visitor.may(.read(dimension: nil), record),
        ]
      }
      let withdrawn = try await store.withdrawnAuthorities(of: network.id)
      let today = ISODate.today
      let campaigns = try await store.campaigns(of: network.id).filter { $0.isOpen(on: today) }.map {
        campaign -> [String: Any] in
        [
          "id": "\(campaign.id)", "name": campaign.name,
          "closesOn": ScoreDisplay.date(campaign.closesOn, texts),
        ]
      }
      networks.append([
        "campaigns": membership.role == .member ? campaigns : [],
        "isWithdrawn": membership.authorityID.map(withdrawn.contains) ?? false,
        "id": network.id, "name": network.name, "role": texts("web.role.\(membership.role.rawValue)"),
        "authority": membership.authorityID ?? "", "hasAuthority": membership.authorityID != nil,
        "isCoordinator": membership.role == .coordinator, "isMember": membership.role == .member,
        "assessments": rows, "hasAssessments": !rows.isEmpty,
        "encodedAuthority": membership.authorityID.map(Self.pathComponent) ?? "",
      ])
    }
    return page(
      "network-home", title: texts("web.home"),
      [
        "email": visitor.account.email, "isAdmin": visitor.account.isAdmin, "networks": networks,
        "hasNetworks": !networks.isEmpty, "newLink": newLink ?? "", "hasNewLink": newLink != nil,
        "problem": problem ?? "", "hasProblem": problem != nil,
        "dimensions": shelf.preferred.dimensions.map {
          ["dimensionID": $0.id, "dimensionName": $0.name.text(texts.language)]
        },
      ], request: request, context: context, status: problem == nil ? .ok : .unprocessableContent)
  }
}
