import Accounts
import Foundation
import Hummingbird
import InterfaceText
import MaturityKit
import MaturityStore

extension WebApp {
  /// The pages of administrators (networks) and coordinators (members, invitations, audit log).
  func addNetworkRoutes(to router: Router<WebContext>, settings: NetworkSettings) {
    router.get("/admin") { request, context in
      try await adminPage(problem: nil, request: request, context: context)
    }

    router.post("/admin/networks") { request, context in
      var request = request
      let form = try await PostedForm.fields(&request)
      do {
        let network = try await store.createNetwork(
          id: form.trimmed("id") ?? "", name: form.trimmed("name") ?? form.trimmed("id") ?? "",
          by: context.visitor?.account.email)
        return Hummingbird.Response.redirect(to: "/networks/\(network.id)", type: .normal)
      } catch let error as NetworkError {
        return try await adminPage(problem: error.message(context.texts), request: request, context: context)
      }
    }

    router.get("/networks/:network") { request, context in
      try await networkPage(try context.parameters.require("network"), request: request, context: context)
    }

    router.post("/networks/:network/invitations") { request, context in
      var request = request
      let networkID = try context.parameters.require("network")
      let form = try await PostedForm.fields(&request)
      guard let role = form["role"].flatMap(NetworkRole.init) else {
        throw WebError.invalidField(field: "role", value: form["role"] ?? "")
      }
      let dimensions = form.all("dimension")
      let membership = Membership(
        networkID: networkID, role: role, authorityID: form.trimmed("authority"),
        dimensions: role == .contributor && !dimensions.isEmpty ? dimensions : nil)
      let token = SecretToken.generate()
      do {
        try await store.createInvitation(
          tokenDigest: SecretToken.digest(token), email: form["email"] ?? "", membership: membership,
          createdBy: context.visitor?.account.id, actor: context.visitor?.account.email)
      } catch let error as NetworkError {
        return try await networkPage(
          networkID, problem: error.message(context.texts), request: request, context: context)
      }
      return try await networkPage(
        networkID, newLink: "\(settings.publicURL)/invitations/\(token)", request: request, context: context)
    }

    // What `maturity network export` writes, as one ZIP: every member's responses, the peer files.
    router.get("/networks/:network/export") { request, context in
      let networkID = try context.parameters.require("network")
      let folder = try TemporaryFolder()
      defer { folder.remove() }
      let export = try await NetworkExport.write(
        store, network: networkID, to: folder.path, questionnaireFolder: shelf.folder ?? "Questionnaires",
        questionnaires: shelf.lookup, actor: context.visitor?.account.email)
      let files = try export.files.map {
        ($0, Array(try Data(contentsOf: URL(fileURLWithPath: folder.path + "/" + $0))))
      }
      return download(
        StoredZip.archive(files), name: "\(FileNames.safe(networkID, ascii: true))-export.zip",
        type: "application/zip")
    }

    // What `maturity network import` loads: response files collected elsewhere, as submitted.
    router.post("/networks/:network/import") { request, context in
      var request = request
      let networkID = try context.parameters.require("network")
      guard let boundary = PostedForm.boundary(request.headers[.contentType] ?? "") else {
        throw WebError.missingField(field: "file")
      }
      let parts = try PostedForm.parts(
        try await request.collectBody(upTo: WebLimits.upload), boundary: boundary
      )
      .filter { $0.name == "files" && $0.body.readableBytes > 0 }
      guard !parts.isEmpty else { throw WebError.missingField(field: "file") }
      let folder = try TemporaryFolder()
      defer { folder.remove() }
      for (index, part) in parts.enumerated() {
        // The name as uploaded, made safe, keeps its extension (the reader goes by it); a name
        // sent twice gets its position in front.
        var name = FileNames.safe(part.fileName ?? "response.yaml", ascii: true)
        if FileManager.default.fileExists(atPath: folder.path + "/" + name) { name = "\(index + 1)-" + name }
        try Data(buffer: part.body).write(to: URL(fileURLWithPath: folder.path + "/" + name))
      }
      do {
        let items = try StoreTransfer.readFolder(folder.path, questionnaires: shelf.lookup)
        try await store.addSubmitted(items, to: networkID, by: context.visitor?.account.email)
      } catch let error as any UserFacingError {
        // Messages name the files as uploaded, not where the server put them.
        let problem = error.report(context.texts).replacingOccurrences(of: folder.path + "/", with: "")
        return try await networkPage(networkID, problem: problem, request: request, context: context)
      }
      return Hummingbird.Response.redirect(to: "/networks/\(networkID)", type: .normal)
    }

    // A member invites colleagues of its own authority, each limited to chosen dimensions.
    router.post("/authorities/:authority/contributors") { request, context in
      var request = request
      let authorityID = try Self.authorityParameter(context)
      let form = try await PostedForm.fields(&request)
      guard
        let membership = context.visitor?.memberships.first(where: {
          $0.role == .member && $0.authorityID == authorityID
        })
      else { throw WebError.forbidden }
      let dimensions = form.all("dimension").filter { id in
        shelf.preferred.dimensions.contains { $0.id == id }
      }
      let token = SecretToken.generate()
      do {
        try await store.createInvitation(
          tokenDigest: SecretToken.digest(token), email: form["email"] ?? "",
          membership: Membership(
            networkID: membership.networkID, role: .contributor, authorityID: authorityID,
            dimensions: dimensions.isEmpty ? nil : dimensions),
          createdBy: context.visitor?.account.id, actor: context.visitor?.account.email)
      } catch let error as NetworkError {
        return try await networkHome(
          context.visitor!, problem: error.message(context.texts), request: request, context: context)
      }
      return try await networkHome(
        context.visitor!, newLink: "\(settings.publicURL)/invitations/\(token)", request: request,
        context: context)
    }

    router.post("/authorities/:authority/withdraw") { request, context in
      var request = request
      let authorityID = try Self.authorityParameter(context)
      let withdrawn = try await PostedForm.fields(&request)["withdrawn"] != "0"
      for membership in context.visitor?.memberships ?? []
      where membership.role == .member
        && membership.authorityID == authorityID
      {
        try await store.setWithdrawn(
          withdrawn, authority: authorityID, network: membership.networkID, by: context.visitor?.account.email
        )
      }
      return Hummingbird.Response.redirect(to: "/", type: .normal)
    }

    router.post("/networks/:network/invitations/:invitation/revoke") { _, context in
      let networkID = try context.parameters.require("network")
      guard let id = context.parameters.get("invitation", as: Int64.self) else { throw WebError.notFound }
      try await store.revokeInvitation(id, of: networkID, by: context.visitor?.account.email)
      return Hummingbird.Response.redirect(to: "/networks/\(networkID)", type: .normal)
    }
  }

  private func adminPage(problem: String?, request: Request, context: WebContext) async throws
    -> Hummingbird.Response
  {
    let texts = context.texts
    let networks = try await store.networks().map { ["id": $0.id, "name": $0.name] }
    return page(
      "admin", title: texts("web.admin"),
      [
        "networks": networks, "hasNetworks": !networks.isEmpty, "problem": problem ?? "",
        "hasProblem": problem != nil, "audit": try await auditRows(network: nil, texts: texts),
      ], request: request, context: context, status: problem == nil ? .ok : .unprocessableContent)
  }

  func networkPage(
    _ networkID: String, newLink: String? = nil, problem: String? = nil, request: Request, context: WebContext
  ) async throws -> Hummingbird.Response {
    let texts = context.texts
    let network = try await store.network(networkID)
    let members = try await store.members(of: networkID).map { member -> [String: Any] in
      [
        "email": member.account.email, "role": texts("web.role.\(member.membership.role.rawValue)"),
        "authority": member.membership.authorityID ?? "",
        "dimensions": member.membership.dimensions?.joined(separator: ", ") ?? "",
      ]
    }
    let now = Date()
    let invitations = try await store.invitations(of: networkID).map { invitation -> [String: Any] in
      let state =
        invitation.usedAt != nil
        ? "used" : invitation.revokedAt != nil ? "revoked" : invitation.isOpen(at: now) ? "open" : "expired"
      return [
        "id": "\(invitation.id)", "email": invitation.email,
        "role": texts("web.role.\(invitation.membership.role.rawValue)"),
        "authority": invitation.membership.authorityID ?? "", "state": texts("web.invitationState.\(state)"),
        "open": state == "open", "expires": ScoreDisplay.date(ISODate.string(invitation.expiresAt), texts),
      ]
    }
    let dimensions = shelf.preferred.dimensions.map { ["id": $0.id, "name": $0.name.text(texts.language)] }
    let campaigns = try await store.campaigns(of: networkID).map { campaign -> [String: Any] in
      [
        "id": "\(campaign.id)", "name": campaign.name,
        "dates": ScoreDisplay.date(campaign.opensOn, texts) + " – "
          + ScoreDisplay.date(campaign.closesOn, texts),
        "state": texts(campaign.closedAt == nil ? "web.campaignOpen" : "web.campaignClosed"),
      ]
    }
    let questionnaires = shelf.all.map { questionnaire -> [String: String] in
      [
        "value": "\(questionnaire.id)@\(questionnaire.version)",
        "label": "\(questionnaire.title.text(texts.language)) (\(questionnaire.version))",
      ]
    }
    return page(
      "network", title: network.name,
      [
        "networkID": network.id, "name": network.name, "members": members, "invitations": invitations,
        "roles": NetworkRole.allCases.map { ["id": $0.rawValue, "name": texts("web.role.\($0.rawValue)")] },
        "dimensions": dimensions, "campaigns": campaigns, "questionnaires": questionnaires,
        "today": ISODate.today,
        "newLink": newLink ?? "", "hasNewLink": newLink != nil,
        "problem": problem ?? "", "hasProblem": problem != nil,
        "audit": try await auditRows(network: networkID, texts: texts),
      ], request: request, context: context, status: problem == nil ? .ok : .unprocessableContent)
  }

  private func auditRows(network: String?, texts: TextCatalogue) async throws -> [[String: String]] {
    try await store.auditEvents(network: network, limit: 100).map { event in
      [
        "at": ISODate.timestamp(event.at), "actor": event.actor ?? texts("web.commandLine"),
        "action": texts("web.audit.\(event.action.rawValue)"), "subject": event.subject,
        "network": event.networkID ?? "", "address": event.address ?? "",
      ]
    }
  }
}
