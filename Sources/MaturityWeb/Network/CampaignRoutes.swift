import Foundation
import Hummingbird
import InterfaceText
import MaturityKit
import MaturityStore

extension WebApp {
  /// Campaigns: the coordinator opens, follows, reviews and closes them; members start, fill in
  /// and submit their authority's assessment.
  func addCampaignRoutes(to router: Router<WebContext>) {
    router.post("/networks/:network/campaigns") { request, context in
      var request = request
      let networkID = try context.parameters.require("network")
      let form = try await PostedForm.fields(&request)
      let questionnaire =
        shelf.all.first { "\($0.id)@\($0.version)" == form["questionnaire"] } ?? shelf.preferred
      do {
        let campaign = try await store.createCampaign(
          networkID: networkID, name: form.trimmed("name") ?? questionnaire.version,
          questionnaireID: questionnaire.id,
          questionnaireVersion: questionnaire.version, opensOn: form["opensOn"] ?? "",
          closesOn: form["closesOn"] ?? "",
          by: context.visitor?.account.email)
        return Hummingbird.Response.redirect(
          to: "/networks/\(networkID)/campaigns/\(campaign.id)", type: .normal)
      } catch let error as NetworkError {
        return try await networkPage(
          networkID, problem: error.message(context.texts), request: request, context: context)
      }
    }

    router.get("/networks/:network/campaigns/:campaign") { request, context in
      let campaign = try await networkCampaign(context)
      let texts = context.texts
      let records = try await store.assessments(ofNetwork: campaign.networkID).filter {
        $0.campaignID == campaign.id
      }
      let byAuthority = Dictionary(grouping: records, by: \.authorityID)
      let authorities = try await store.members(of: campaign.networkID).compactMap(\.membership.authorityID)
      let rows = Set(authorities).union(byAuthority.keys).sorted().map { authorityID -> [String: Any] in
        let record = byAuthority[authorityID]?.first
        return [
          "authority": record?.authorityName ?? authorityID, "authorityID": authorityID,
          "status": record.map { texts("web.status.\($0.status.rawValue)") }
            ?? texts("web.status.notStarted"),
          "id": record.map { "\($0.id!)" } ?? "", "started": record != nil,
          "toReview": record?.status == .submitted && campaign.closedAt == nil,
        ]
      }
      return page(
        "campaign", title: campaign.name,
        [
          "networkID": campaign.networkID, "campaignID": "\(campaign.id)", "name": campaign.name,
          "questionnaire": "\(campaign.questionnaireID) \(campaign.questionnaireVersion)",
          "opensOn": ScoreDisplay.date(campaign.opensOn, texts),
          "closesOn": ScoreDisplay.date(campaign.closesOn, texts),
          "isClosed": campaign.closedAt != nil, "isPublished": campaign.publishedAt != nil,
          "authorities": rows,
          "submitted": "\(records.filter { $0.status == .submitted }.count)", "total": "\(rows.count)",
        ], request: request, context: context)
    }

    router.post("/networks/:network/campaigns/:campaign/close") { _, context in
      let campaign = try await networkCampaign(context)
      try await store.closeCampaign(campaign.id, by: context.visitor?.account.email)
      return Hummingbird.Response.redirect(
        to: "/networks/\(campaign.networkID)/campaigns/\(campaign.id)", type: .normal)
    }

    router.post("/networks/:network/campaigns/:campaign/publish") { _, context in
      let campaign = try await networkCampaign(context)
      try await store.publishCampaign(campaign.id, by: context.visitor?.account.email)
      return Hummingbird.Response.redirect(
        to: "/networks/\(campaign.networkID)/campaigns/\(campaign.id)", type: .normal)
    }

    router.get("/networks/:network/campaigns/:campaign/report") { request, context in
      let campaign = try await networkCampaign(context)
      let query = FormFields(urlEncoded: request.uri.query ?? "")
      let questionnaire = try shelf.questionnaire(campaign.questionnaireID, campaign.questionnaireVersion)
      let inputs = try await store.aggregateInputs(
        network: campaign.networkID, campaign: campaign.id, questionnaireID: questionnaire.id,
        version: questionnaire.version)
      let scored = NetworkPeers.scores(inputs, questionnaire: questionnaire, named: query["anonymous"] != "1")
      let report = NetworkReport(
        questionnaire: questionnaire, peers: scored.peers, anonymous: query["anonymous"] == "1",
        minimumGroup: network?.minimumGroup ?? 5, scorecards: scored.cards)
      let format = query["format"].flatMap(ReportFormat.init) ?? .html
      let bytes = report.rendered(as: format, texts: context.texts)
      try await store.audit(
        .exported, actor: context.visitor?.account.email, network: campaign.networkID,
        subject: "network report of \(campaign.name) (\(format.rawValue))", address: context.remoteAddress)
      if format == .html {
        return Hummingbird.Response(
          status: .ok, headers: [.contentType: "text/html; charset=utf-8"],
          body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
      }
      return download(
        bytes, name: "\(FileNames.safe(campaign.networkID, ascii: true))-network.\(format.fileExtension)",
        type: format == .json
          ? "application/json" : format == .csv ? "text/csv; charset=utf-8" : "text/plain; charset=utf-8")
    }

    router.get("/networks/:network/campaigns/:campaign/peers") { request, context in
      let campaign = try await networkCampaign(context)
      let questionnaire = try shelf.questionnaire(campaign.questionnaireID, campaign.questionnaireVersion)
      let inputs = try await store.aggregateInputs(
        network: campaign.networkID, campaign: campaign.id, questionnaireID: questionnaire.id,
        version: questionnaire.version)
      let shape: PeerSource.Shape =
        FormFields(urlEncoded: request.uri.query ?? "")["shape"] == "answers" ? .answers : .scores
      let responses = try inputs.map {
        try ResponseLoader.assemble(
          $0.record.responseHeader, answers: $0.answers, questionnaire: questionnaire
        ).response
      }
      let bytes = PeerSetBuilder(shape: shape).build(responses, questionnaire: questionnaire).bytes
      try await store.audit(
        .exported, actor: context.visitor?.account.email, network: campaign.networkID,
        subject: "peer file of \(campaign.name) (\(shape.rawValue))", address: context.remoteAddress)
      return download(
        bytes, name: "\(FileNames.safe(campaign.networkID, ascii: true))-peers-\(shape.rawValue).csv",
        type: "text/csv; charset=utf-8")
    }

    router.post("/campaigns/:campaign/start") { _, context in
      guard let id = context.parameters.get("campaign", as: Int64.self),
        let campaign = try? await store.campaign(id),
        let membership = context.visitor?.membership(in: campaign.networkID), membership.role == .member,
        let authorityID = membership.authorityID
      else { throw WebError.notFound }
      let name =
        try await store.assessments(ofNetwork: campaign.networkID).last { $0.authorityID == authorityID }?
        .authorityName ?? authorityID
      let record = try await store.campaignAssessment(
        campaign.id, authorityID: authorityID, authorityName: name)
      return Hummingbird.Response.redirect(to: "/assessments/\(record.id!)", type: .normal)
    }

    router.post("/assessments/:id/submit") { _, context in
      let id = try assessmentID(context)
      try await store.submit(id, by: context.visitor?.account.email)
      return Hummingbird.Response.redirect(to: "/assessments/\(id)/results", type: .normal)
    }

    router.post("/assessments/:id/plan/notes") { request, context in
      var request = request
      let id = try assessmentID(context)
      let form = try await PostedForm.fields(&request)
      let existing = try await store.notes(.plan, of: id)
      for (name, value) in form.pairs where name.hasPrefix("note.") {
        let step = String(name.dropFirst("note.".count))
        let text = value.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !step.isEmpty, text != (existing[step]?.text ?? "") else { continue }
        try await store.setNote(.plan, text, on: step, of: id, by: context.visitor?.account.email)
      }
      return Hummingbird.Response.redirect(to: "/assessments/\(id)/plan#advisor-notes", type: .normal)
    }

    router.get("/assessments/:id/review") { request, context in
      try await reviewPage(try await loadAssessment(context), request: request, context: context)
    }

    router.post("/assessments/:id/review") { request, context in
      var request = request
      let loaded = try await loadAssessment(context)
      let form = try await PostedForm.fields(&request)
      let existing = try await store.notes(.review, of: loaded.id)
      for question in loaded.questionnaire.questions {
        guard let text = form["comment.\(question.id)"]?.trimmingCharacters(in: .whitespacesAndNewlines),
          text != (existing[question.id]?.text ?? "")
        else { continue }
        try await store.setNote(
          .review, text, on: question.id, of: loaded.id, by: context.visitor?.account.email)
      }
      if form["go"] == "return" { try await store.sendBack(loaded.id, by: context.visitor?.account.email) }
      let back =
        loaded.record.campaignID.map { "/networks/\(loaded.record.networkID ?? "")/campaigns/\($0)" } ?? "/"
      return Hummingbird.Response.redirect(to: back, type: .normal)
    }
  }

  /// The `{campaign}` of the route's `{network}`: a campaign of another network is not found.
  private func networkCampaign(_ context: WebContext) async throws -> Campaign {
    let networkID = try context.parameters.require("network")
    guard let id = context.parameters.get("campaign", as: Int64.self),
      let campaign = try? await store.campaign(id),
      campaign.networkID == networkID
    else { throw WebError.notFound }
    return campaign
  }

  /// Every question with its answer and the coordinator's comment box.
  private func reviewPage(_ loaded: LoadedAssessment, request: Request, context: WebContext) async throws
    -> Hummingbird.Response
  {
    let texts = context.texts
    let language = texts.language
    let comments = try await store.notes(.review, of: loaded.id)
    let authors = try await store.answerAuthors(of: loaded.id)
    let answers = Dictionary(
      loaded.answers.map { ($0.questionID, $0) }, uniquingKeysWith: { first, _ in first })
    let dimensions = loaded.questionnaire.dimensions.map { dimension -> [String: Any] in
      [
        "name": dimension.name.text(language),
        "questions": dimension.questions.map { question -> [String: Any] in
          let answer = answers[question.id]
          return [
            "id": question.id, "text": question.text.text(language),
            "answer": answer.map { Self.answerWords($0, question, language) } ?? texts("web.noAnswerYet"),
            "comment": answer?.comment ?? "", "evidence": answer?.evidence ?? "",
            "hasComment": answer?.comment != nil, "hasEvidence": answer?.evidence != nil,
            "review": comments[question.id]?.text ?? "", "author": authors[question.id] ?? "",
            "hasAuthor": authors[question.id] != nil,
          ]
        },
      ]
    }
    return page(
      "review", title: texts("web.review"),
      [
        "assessmentID": "\(loaded.id)", "authority": loaded.record.authorityName, "dimensions": dimensions,
        "canReturn": loaded.record.status == .submitted,
      ], request: request, context: context, assessment: loaded, current: "review")
  }

  /// An answer in words: the labels of the options chosen, else the value as written.
  static func answerWords(_ answer: WrittenAnswer, _ question: Question, _ language: Language) -> String {
    guard let value = answer.value else { return "—" }
    let labels = value.split(separator: "|").map { id in
      question.options.first { $0.id == id }?.label.text(language) ?? String(id)
    }
    return labels.joined(separator: "; ") + (answer.unsure ? " (?)" : "")
  }
}
