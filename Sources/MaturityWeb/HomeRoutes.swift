import Foundation
import Hummingbird
import InterfaceText
import MaturityKit
import MaturityStore

extension WebApp {
  /// The home page (assessments by authority, peer sets), creating, duplicating and deleting
  /// assessments, and exporting or deleting an authority's data.
  func addHomeRoutes(to router: Router<WebContext>) {
    router.get("/") { request, context in
      if let visitor = context.visitor {
        return try await networkHome(visitor, request: request, context: context)
      }
      let texts = context.texts
      let records = try await store.assessments()
      var authorities: [[String: Any]] = []
      for (authorityID, group) in Dictionary(grouping: records, by: \.authorityID).sorted(by: {
        $0.key < $1.key
      }) {
        let rows = await group.asyncMap { record -> [String: Any] in
          var row: [String: Any] = [
            "id": "\(record.id!)", "date": record.date.map { ScoreDisplay.date($0, texts) } ?? "—",
            "questionnaire": "\(record.questionnaireID) \(record.questionnaireVersion)", "score": "—",
          ]
          // One assessment that cannot be read (its questionnaire is missing) must not hide the others.
          do {
            let loaded = try await loadAssessment(record.id!)
            let card = Assessment(loaded.response, on: loaded.questionnaire).scorecard
            let progress = loaded.progress()
            row["questionnaire"] =
              "\(loaded.questionnaire.title.text(texts.language)) \(record.questionnaireVersion)"
            row["score"] = ScoreDisplay.score(card.overall.score, texts)
            row["level"] = ScoreDisplay.level(card.overall.level, texts.language)
            row["answered"] = "\(progress.map(\.answered).reduce(0, +))/\(progress.map(\.total).reduce(0, +))"
          } catch {
            row["level"] = WebGuard.explain(error, texts: texts).1
          }
          return row
        }
        authorities.append([
          "authorityID": authorityID, "name": group[0].authorityName, "assessments": rows,
          "encodedID": Self.pathComponent(authorityID),
        ])
      }
      let peerSets = try await store.peerSets().map { set -> [String: Any] in
        [
          "id": "\(set.id)", "name": set.name,
          "size": ScoreDisplay.number(Double(set.bytes) / 1024, decimals: 0) + " KiB",
        ]
      }
      return page(
        "home", title: texts("web.home"),
        [
          "authorities": authorities, "hasAssessments": !authorities.isEmpty, "peerSets": peerSets,
          "configuredPeers": peers.files.map { URL(fileURLWithPath: $0).lastPathComponent },
        ], request: request, context: context)
    }

    router.get("/assessments/new") { request, context in
      detailsPage(
        record: context.visitor.map { newRecord(for: $0, questionnaire: shelf.preferred) }, fields: nil,
        errors: [],
        request: request, context: context)
    }

    router.post("/assessments") { request, context in
      var request = request
      let fields = try await PostedForm.fields(&request)
      let questionnaire =
        shelf.all.first { "\($0.id)@\($0.version)" == fields["questionnaire"] } ?? shelf.preferred
      let template =
        context.visitor.map { newRecord(for: $0, questionnaire: questionnaire) }
        ?? AssessmentRecord(
          questionnaireID: questionnaire.id, questionnaireVersion: questionnaire.version, authorityID: "",
          authorityName: "")
      var record = template
      let errors = AuthorityForm.apply(fields, to: &record, texts: context.texts)
      // On the network server, a member's assessments are its own authority's, in its network.
      if template.networkID != nil { record.authorityID = template.authorityID }
      guard errors.isEmpty else {
        return detailsPage(
          record: nil, fields: fields, errors: errors, request: request, context: context,
          status: .unprocessableContent)
      }
      let created = try await store.create(record)
      let first = questionnaire.dimensions.first?.id ?? ""
      return Hummingbird.Response.redirect(
        to: "/assessments/\(created.id!)/dimensions/\(first)", type: .normal)
    }

    router.post("/assessments/:id/duplicate") { _, context in
      let copy = try await store.duplicate(try assessmentID(context), date: ISODate.today)
      return Hummingbird.Response.redirect(to: "/assessments/\(copy.id!)/details", type: .normal)
    }

    router.get("/assessments/:id/delete") { request, context in
      let record = try await store.assessment(try assessmentID(context))
      let texts = context.texts
      return page(
        "confirm", title: texts("web.deleteAssessment"),
        [
          "question": texts(
            "web.confirmDeleteAssessment",
            ["name": record.authorityName, "date": record.date ?? "—"]),
          "action": "/assessments/\(record.id!)/delete", "cancel": "/",
        ], request: request, context: context)
    }

    router.post("/assessments/:id/delete") { _, context in
      let id = try assessmentID(context)
      _ = try await store.assessment(id)  // a missing one is a 404, not a silent success
      try await store.delete(id)
      return Hummingbird.Response.redirect(to: "/", type: .normal)
    }

    router.get("/authorities/:authority/export") { _, context in
      let authorityID = try Self.authorityParameter(context)
      let files = try await StoreTransfer.responseFiles(
        store, authorityID: authorityID, questionnaires: shelf.lookup)
      guard !files.isEmpty else { throw WebError.notFound }
      try await store.audit(
        .exported, actor: context.visitor?.account.email, subject: "all data of \(authorityID)",
        address: context.remoteAddress)
      return download(
        StoredZip.archive(files.map { ($0.name, Array($0.yaml.utf8)) }),
        name: "\(FileNames.safe(authorityID, ascii: true))-all-data.zip",
        type: "application/zip")
    }

    router.get("/authorities/:authority/delete") { request, context in
      let authorityID = try Self.authorityParameter(context)
      let records = try await store.assessments(ofAuthority: authorityID)
      guard let first = records.first else { throw WebError.notFound }
      let texts = context.texts
      return page(
        "confirm", title: texts("web.deleteAuthority"),
        [
          "question": texts(
            "web.confirmDeleteAuthority", ["name": first.authorityName, "count": "\(records.count)"]),
          "action": "/authorities/\(Self.pathComponent(authorityID))/delete", "cancel": "/",
        ], request: request, context: context)
    }

    router.post("/authorities/:authority/delete") { _, context in
      let authorityID = try Self.authorityParameter(context)
      let count = try await store.deleteAuthority(authorityID)
      try await store.audit(
        .deleted, actor: context.visitor?.account.email, subject: "\(count) assessments of \(authorityID)",
        address: context.remoteAddress)
      return Hummingbird.Response.redirect(to: "/", type: .normal)
    }
  }

  /// The `authority` path parameter, decoded.
  static func authorityParameter(_ context: WebContext) throws -> String {
    let raw = try context.parameters.require("authority")
    return raw.removingPercentEncoding ?? raw
  }

  /// `text` escaped for use as one path component.
  /// A new assessment of the visitor's own authority, in its network.
  func newRecord(for visitor: Visitor, questionnaire: Questionnaire) -> AssessmentRecord {
    var record = AssessmentRecord(
      questionnaireID: questionnaire.id, questionnaireVersion: questionnaire.version,
      authorityID: visitor.memberRole?.authorityID ?? "", authorityName: "")
    record.networkID = visitor.memberRole?.networkID
    return record
  }

  static func pathComponent(_ text: String) -> String {
    text.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-_.")))
      ?? text
  }
}
