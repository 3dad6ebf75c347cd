import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import MaturityKit
import MaturityStore
import TestSupport
import Testing

@testable import MaturityWeb

/// A browser's side of a conversation with the app: its cookies and the CSRF token of the pages.
struct Visitor {
  let client: any TestClientProtocol
  var cookies: [String: String] = [:]

  var token: String { cookies["maturity_csrf"] ?? "" }

  private var cookieHeader: HTTPFields {
    cookies.isEmpty
      ? [:] : [.cookie: cookies.map { "\($0.key)=\($0.value)" }.sorted().joined(separator: "; ")]
  }

  @discardableResult
  mutating func get(_ uri: String) async throws -> TestResponse {
    remember(try await client.execute(uri: uri, method: .get, headers: cookieHeader))
  }

  @discardableResult
  mutating func post(_ uri: String, _ form: [(String, String)], token: String? = nil, json: Bool = false)
    async throws
    -> TestResponse
  {
    let fields = [("_csrf", token ?? self.token)] + form
    let body = fields.map { "\(escape($0.0))=\(escape($0.1))" }.joined(separator: "&")
    var headers = cookieHeader
    headers[.contentType] = "application/x-www-form-urlencoded"
    if json { headers[.accept] = "application/json" }
    return remember(
      try await client.execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(string: body)))
  }

  private mutating func remember(_ response: TestResponse) -> TestResponse {
    for value in response.headers[values: .setCookie] {
      let pair = value.split(separator: ";")[0].split(separator: "=", maxSplits: 1).map(String.init)
      if pair.count == 2 { cookies[pair[0]] = pair[1] }
    }
    return response
  }

  private func escape(_ text: String) -> String {
    text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
  }
}

extension TestResponse {
  var text: String { String(buffer: body) }
  var location: String { headers[.location] ?? "" }
}

func makeApp(peerFiles: [String] = []) throws -> (WebApp, Store) {
  let path = FileManager.default.temporaryDirectory.appendingPathComponent("web-\(UUID())/a.sqlite").path
  let store = try Store(path: path)
  let shelf = try QuestionnaireShelf(folder: Repository.path("Questionnaires"))
  return (WebApp(store: store, questionnaires: shelf, peerFiles: peerFiles), store)
}

/// Runs `body` against the app's router, with a visitor that has opened the home page.
func withVisitor(
  peerFiles: [String] = [], _ body: @escaping @Sendable (inout Visitor, Store) async throws -> Void
) async throws {
  let (app, store) = try makeApp(peerFiles: peerFiles)
  let application = Application(router: app.router())
  try await application.test(.router) { client in
    var visitor = Visitor(client: client)
    try await visitor.get("/")
    try await body(&visitor, store)
  }
}

let authorityForm = [
  ("name", "Villa <script>alert(1)</script>"), ("country", "es"), ("population", "4 000"),
  ("type", "municipality"),
  ("date", "2025-10-01"), ("respondentName", "Ana"),
]

@Suite struct WebAppTests {
  @Test func homeSetsATokenAndAPostWithoutItChangesNothing() async throws {
    try await withVisitor { visitor, store in
      #expect(visitor.token.count == 64)
      let refused = try await visitor.post(
        "/assessments", authorityForm, token: String(repeating: "0", count: 64))
      #expect(refused.status == .forbidden)
      #expect(refused.text.contains("This form has expired"))
      await #expect(try store.assessments().isEmpty)
    }
  }

  @Test func theHomePageHasNoAssessmentLinksAndNoDatabasePath() async throws {
    try await withVisitor { visitor, store in
      let home = try await visitor.get("/")
      #expect(home.status == .ok)
      #expect(!home.text.contains("/assessments//"))
      #expect(!home.text.contains("nav class=\"assessment\""))
      #expect(!home.text.contains(store.location))
      #expect(home.text.contains("kept on this computer only"))
      try await visitor.post("/assessments", authorityForm)
      let withOne = try await visitor.get("/")
      #expect(!withOne.text.contains("/assessments//"))
      #expect(!withOne.text.contains("nav class=\"assessment\""))
    }
  }

  @Test func createsAnAssessmentAndEscapesWhatWasTyped() async throws {
    try await withVisitor { visitor, store in
      let created = try await visitor.post("/assessments", authorityForm)
      #expect(created.status == .seeOther)
      #expect(created.location == "/assessments/1/dimensions/ecosystem")
      let record = try await store.assessment(1)
      #expect(record.authorityID == "villa-script-alert-1-script")
      #expect(record.country == "ES")
      #expect(record.population == 4000)
      #expect(record.respondentName == "Ana")
      let home = try await visitor.get("/")
      #expect(!home.text.contains("<script>alert"))
      #expect(home.text.contains("Villa &lt;script&gt;alert(1)&lt;/script&gt;"))
    }
  }

  @Test func aPopulationIsReadAsInAResponseFile() async throws {
    try await withVisitor { visitor, store in
      _ = try await visitor.get("/language?lang=fr&back=%2F")
      var form = authorityForm
      form[2] = ("population", "12.000")
      try await visitor.post("/assessments", form)
      await #expect(try store.assessment(1).population == 12000)
      form[2] = ("population", "12,5")
      let refused = try await visitor.post("/assessments", form)
      #expect(refused.status == .unprocessableContent)
      await #expect(try store.assessments().count == 1)
    }
  }

  @Test func refusesBadDetailsWithTheFieldNamed() async throws {
    try await withVisitor { visitor, store in
      let refused = try await visitor.post(
        "/assessments", [("name", "Town"), ("country", "Spain"), ("date", "2025-02-30")])
      #expect(refused.status == .unprocessableContent)
      #expect(refused.text.contains("Country: “SPAIN” is not a two-letter country code"))
      #expect(refused.text.contains("Date of the assessment: “2025-02-30” is not a date"))
      await #expect(try store.assessments().isEmpty)
    }
  }

  @Test func aDimensionPageSavesValidAnswersAndNamesTheInvalidOne() async throws {
    try await withVisitor { visitor, store in
      try await visitor.post("/assessments", authorityForm)
      let saved = try await visitor.post(
        "/assessments/1/dimensions/ecosystem",
        [
          ("present", "eco-digital-staff"), ("q.eco-digital-staff", "3,5"), ("present", "eco-ai-strategy"),
          ("q.eco-ai-strategy", "draft"), ("u.eco-ai-strategy", "1"), ("c.eco-ai-strategy", "by the council"),
          ("present", "eco-needs"), ("q.eco-needs", "bogus"), ("go", "next"),
        ])
      #expect(saved.status == .unprocessableContent)
      #expect(
        saved.text.contains("&#39;bogus&#39; is not one of its options")
          || saved.text.contains("'bogus' is not one of its options"))
      await #expect(
        Set(try store.answers(of: 1)) == [
          WrittenAnswer(questionID: "eco-digital-staff", value: "3.5"),
          WrittenAnswer(
            questionID: "eco-ai-strategy", value: "draft", unsure: true, comment: "by the council"),
        ])
      let next = try await visitor.post(
        "/assessments/1/dimensions/ecosystem", [("present", "eco-needs"), ("q.eco-needs", "list")])
      #expect(next.location == "/assessments/1/dimensions/openness")
      // Resuming: the page shows what was saved.
      let page = try await visitor.get("/assessments/1/dimensions/ecosystem")
      #expect(page.text.contains(#"name="q.eco-ai-strategy" value="draft" checked"#))
      #expect(page.text.contains("by the council"))
    }
  }

  @Test func twoConcurrentSavesOfTheSameAssessmentBothLand() async throws {
    try await withVisitor { visitor, store in
      try await visitor.post("/assessments", authorityForm)
      let first = visitor
      let second = visitor
      async let a = {
        var v = first;
        return try await v.post(
          "/assessments/1/answers/opn-policy", [("q.opn-policy", "adopted")], json: true)
      }()
      async let b = {
        var v = second;
        return try await v.post("/assessments/1/answers/eco-needs", [("q.eco-needs", "list")], json: true)
      }()
      let (savedA, savedB) = try await (a, b)
      #expect(savedA.status == .ok)
      #expect(savedB.status == .ok)
      await #expect(Set(try store.answers(of: 1).map(\.questionID)) == ["opn-policy", "eco-needs"])
      #expect(savedB.text.contains(#""saved": true"#))
    }
  }

  @Test func aCommentWithoutAnAnswerIsStoredAndShown() async throws {
    try await withVisitor { visitor, store in
      try await visitor.post("/assessments", authorityForm)
      let reply = try await visitor.post(
        "/assessments/1/answers/opn-policy",
        [("c.opn-policy", "Waiting for the council"), ("u.opn-policy", "1")],
        json: true)
      #expect(reply.status == .ok)
      #expect(reply.text.contains(#""saved": true"#))
      await #expect(
        try store.answers(of: 1) == [
          WrittenAnswer(
            questionID: "opn-policy", value: nil, unsure: true, comment: "Waiting for the council")
        ])
      let page = try await visitor.get("/assessments/1/dimensions/openness")
      #expect(page.text.contains("Waiting for the council"))
      // Still unanswered: the progress does not count it.
      #expect(reply.text.contains("\"openness\": {\n      \"answered\": 0,"))
      let typed = try await visitor.post(
        "/assessments/1/answers/eco-digital-staff", [("q.eco-digital-staff", "1 200")], json: true)
      #expect(typed.status == .ok)
      await #expect(try store.answers(of: 1).last?.value == "1200")
    }
  }

  @Test func skipLogicIsShownInWordsWithOptionLabels() async throws {
    try await withVisitor { visitor, _ in
      try await visitor.post("/assessments", authorityForm)
      let page = try await visitor.get("/assessments/1/dimensions/ecosystem")
      #expect(!page.text.contains("Asked only if"))
      #expect(!page.text.contains("in [&#39;pilot&#39;"))
      #expect(
        page.text.contains(
          "Asked because you answered “We are testing AI in one or more pilots”, “At least one AI system is part"
        ))
      #expect(page.text.contains("“Several AI systems are in daily use and managed together” to question 5."))
      // A question of another page is named with its page.
      let funding = try await visitor.get("/assessments/1/dimensions/sustainability")
      #expect(funding.text.contains("Asked because you answered question "))
      #expect(funding.text.contains(" and you did not tick “"))
      let french = try await visitor.get("/language?lang=fr&back=%2F")
      #expect(french.status == .seeOther)
      #expect(
        try await visitor.get("/assessments/1/dimensions/ecosystem").text.contains(
          "Posée parce que vous avez répondu « "))
    }
  }

  @Test func theSaveEndpointAppliesSkipLogicAndRefusesBadValues() async throws {
    try await withVisitor { visitor, _ in
      try await visitor.post("/assessments", authorityForm)
      let before = try await visitor.get("/assessments/1/dimensions/ecosystem")
      #expect(
        before.text.contains(#"id="question-eco-ai-areas" data-question="eco-ai-areas" disabled hidden"#))
      let reply = try await visitor.post(
        "/assessments/1/answers/eco-ai-use", [("q.eco-ai-use", "production")], json: true)
      #expect(reply.status == .ok)
      #expect(reply.text.contains(#""eco-ai-areas": true"#))
      let bad = try await visitor.post(
        "/assessments/1/answers/eco-digital-staff", [("q.eco-digital-staff", "many")], json: true)
      #expect(bad.status == .unprocessableContent)
      #expect(bad.text.contains(#""saved": false"#))
    }
  }

  @Test func resultsCompareWithPeersAndEnforceTheMinimumGroup() async throws {
    let peers = Repository.path("Examples/peers/synthetic-peers-scores.csv")
    try await withVisitor(peerFiles: [peers]) { visitor, _ in
      try await visitor.post("/assessments", authorityForm)
      let results = try await visitor.get("/assessments/1/results?peers=file:0&band=auto")
      #expect(results.status == .ok)
      #expect(results.text.contains("Compared with 145 peer authorities"))
      // The legal baseline, and gaps in words.
      #expect(results.text.contains(#"<h2 id="legal">Legal baseline</h2>"#))
      #expect(results.text.contains("AI literacy of the staff who use AI"))
      #expect(results.text.contains("behind by") || results.text.contains("ahead by"))
      let tooFew = try await visitor.get("/assessments/1/results?peers=file:0&band=auto&min-group=100000")
      #expect(tooFew.text.contains("fewer than the 100000 needed to protect their privacy"))
      #expect(tooFew.text.contains("No peer comparison"))
      let plan = try await visitor.get("/assessments/1/plan?peers=file:0")
      #expect(plan.status == .ok)
      // The nearest by context, with a column of the peer file compared too.
      let similar = try await visitor.get(
        "/assessments/1/results?peers=file:0&similar=8&similar-on=network%3Dx")
      #expect(similar.text.contains("Compared with 8 peer authorities (similar=8, similarOn=network=x)"))
      #expect(similar.text.contains("name=\"similar-on\" value=\"network=x\""))
      #expect(similar.text.contains("With 8 peers, one more or one fewer can move the percentile rank"))
    }
  }

  @Test func theOnlyPeerSetIsComparedByDefaultAndEveryLinkKeepsTheComparison() async throws {
    let peers = Repository.path("Examples/peers/synthetic-peers-scores.csv")
    try await withVisitor(peerFiles: [peers]) { visitor, _ in
      try await visitor.post("/assessments", authorityForm)
      // The middle option of every choice question: a town with a score.
      let questionnaire = try QuestionnaireShelf(folder: Repository.path("Questionnaires")).preferred
      for question in questionnaire.questions where !question.options.isEmpty {
        let option = question.options[question.options.count / 2].id
        try await visitor.post(
          "/assessments/1/answers/\(question.id)", [("q.\(question.id)", option)], json: true)
      }
      let results = try await visitor.get("/assessments/1/results")
      #expect(results.text.contains("Compared with "))
      // The own band (under 5,000 inhabitants) or, when it is too small a group, every band.
      let widened = results.text.contains("fewer than the 5 needed to keep them anonymous")
      #expect(widened != results.text.contains("(population &lt;5k)"))
      // One plain sentence first, linked to the plan with the same comparison.
      #expect(
        results.text.contains(#"<p class="summary">Villa &lt;script&gt;alert(1)&lt;/script&gt; scores"#))
      #expect(results.text.contains("similar authorities compared. Next step: "))
      #expect(
        results.text.contains(#"<a href="/assessments/1/plan?peers=file:0&amp;band=auto">See the plan</a>"#))
      #expect(results.text.contains(#"href="/assessments/1/plan?peers=file:0&amp;band=auto""#))
      #expect(results.text.contains("/download/report.html?peers=file:0&amp;band=auto"))
      // Every headline figure has a line of plain words; the method is folded; answers by label.
      #expect(results.text.contains("Share of the questions that apply that have an answer."))
      #expect(results.text.contains("Out of 100 peers like you, how many score lower."))
      #expect(results.text.contains("<summary>How this is computed</summary>"))
      #expect(results.text.contains(" points)</li>") && !results.text.contains(" / 10.0)"))
      // The other filters wait under "More options", closed.
      #expect(results.text.contains(#"<details class="more">"#))
      // "No comparison" is a choice that is kept.
      let none = try await visitor.get("/assessments/1/results?peers=")
      #expect(!none.text.contains("Compared with "))
      #expect(none.text.contains(#"href="/assessments/1/plan?peers=""#))
      // The downloaded report has the comparison of the page.
      let report = try await visitor.get("/assessments/1/download/report.md?peers=file:0&band=auto")
      #expect(report.text.contains("Compared with "))
    }
  }

  @Test func thePlanPageHasACapacityFieldDefaultingToTheStaffRule() async throws {
    try await withVisitor { visitor, _ in
      try await visitor.post("/assessments", authorityForm)
      let unknown = try await visitor.get("/assessments/1/plan")
      #expect(unknown.text.contains(#"name="capacity" value="""#))
      #expect(unknown.text.contains("answer on digital staff is missing"))
      try await visitor.post(
        "/assessments/1/answers/eco-digital-staff", [("q.eco-digital-staff", "2")], json: true)
      // 2 staff × 220 working days × 10 % × 6/12 = 22 person-days.
      let suggested = try await visitor.get("/assessments/1/plan")
      #expect(suggested.text.contains(#"name="capacity" value="22.0""#))
      #expect(suggested.text.contains("10% of the working time of 2.0 full-time staff"))
      let given = try await visitor.get("/assessments/1/plan?capacity=3")
      #expect(given.text.contains(#"name="capacity" value="3""#))
      #expect(given.text.contains("Capacity: 3 person-days per horizon"))
      #expect(given.text.contains(#"href="/assessments/1/results?capacity=3""#))
      let bad = try await visitor.get("/assessments/1/plan?capacity=lots")
      #expect(bad.text.contains("“lots” is not usable") || bad.text.contains("lots"))
      #expect(bad.status != .ok)
    }
  }

  @Test func withoutTheScriptSaveShowsTheFollowUpQuestionsAndTheLanguageSwitchSavesFirst() async throws {
    try await withVisitor { visitor, store in
      try await visitor.post("/assessments", authorityForm)
      let page = try await visitor.get("/assessments/1/dimensions/ecosystem")
      #expect(page.text.contains("Press “Save” to keep your answers"))
      #expect(page.text.contains(#"<button type="submit" form="answers" name="go" value="language:fr""#))
      let next = try await visitor.post(
        "/assessments/1/dimensions/ecosystem",
        [("present", "eco-ai-use"), ("q.eco-ai-use", "production"), ("go", "next")])
      #expect(next.location.hasPrefix("/assessments/1/dimensions/ecosystem?appeared="))
      #expect(next.location.hasSuffix("#question-eco-ai-areas"))
      let shown = try await visitor.get(String(next.location.split(separator: "#")[0]))
      #expect(shown.text.contains("more question(s) on this page"))
      #expect(
        !shown.text.contains(#"id="question-eco-ai-areas" data-question="eco-ai-areas" disabled hidden"#))
      // Continuing once they are there moves on.
      let onward = try await visitor.post(
        "/assessments/1/dimensions/ecosystem", [("present", "eco-ai-use"), ("q.eco-ai-use", "production")])
      #expect(onward.location == "/assessments/1/dimensions/openness")
      let french = try await visitor.post(
        "/assessments/1/dimensions/ecosystem",
        [("present", "eco-digital-staff"), ("q.eco-digital-staff", "4"), ("go", "language:fr")])
      #expect(french.location == "/assessments/1/dimensions/ecosystem")
      await #expect(
        try store.answers(of: 1).contains { $0.questionID == "eco-digital-staff" && $0.value == "4" })
      #expect(
        try await visitor.get("/assessments/1/dimensions/ecosystem").text.contains("<html lang=\"fr\">"))
    }
  }

  @Test func downloadsReadBackAsTheSameResponse() async throws {
    try await withVisitor { visitor, store in
      try await visitor.post("/assessments", authorityForm)
      try await visitor.post(
        "/assessments/1/answers/opn-policy",
        [("q.opn-policy", "adopted"), ("e.opn-policy", "https://x.example")], json: true)
      let yaml = try await visitor.get("/assessments/1/download/response.yaml")
      #expect(
        yaml.headers[.contentDisposition]
          == #"attachment; filename="villa-script-alert-1-script-2025-10-01.response.yaml""#)
      let questionnaire = try QuestionnaireShelf(folder: Repository.path("Questionnaires")).preferred
      let fromYAML = try ResponseLoader.load(yaml: yaml.text, file: "d.yaml", questionnaire: questionnaire)
        .response
      await #expect(fromYAML.answers.map(WrittenAnswer.init) == (try store.answers(of: 1)))
      #expect(fromYAML.respondent?.name == "Ana")
      let csv = try await visitor.get("/assessments/1/download/response.csv")
      let path = FileManager.default.temporaryDirectory.appendingPathComponent("d-\(UUID()).csv").path
      try Data(buffer: csv.body).write(to: URL(fileURLWithPath: path))
      let fromCSV = try ResponseLoader.load(path: path, questionnaire: questionnaire).response
      #expect(fromCSV.answers.map(WrittenAnswer.init) == fromYAML.answers.map(WrittenAnswer.init))
      #expect(fromCSV.authority == fromYAML.authority)
      #expect(fromCSV.respondent == fromYAML.respondent)
      for file in [
        "report.html", "report.md", "report.json", "report.csv", "plan.html", "plan.md", "plan.json",
        "plan.csv",
      ] {
        #expect(try await visitor.get("/assessments/1/download/\(file)").status == .ok, "\(file)")
      }
      let json = try await visitor.get("/assessments/1/download/report.json")
      let card = Scorer.score(fromYAML, with: questionnaire)
      let report = try JSONSerialization.jsonObject(with: Data(buffer: json.body)) as! [String: Any]
      let overall = (report["overall"] as? [String: Any])?["score"] as? Double
      #expect(overall == card.overall.score)
    }
  }

  @Test func anUploadedPeerFileWithBadRowsIsRefusedWithItsLines() async throws {
    try await withVisitor { visitor, store in
      let boundary = "----b"
      func multipart(_ content: String) -> String {
        "--\(boundary)\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n\(visitor.token)\r\n"
          + "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"network.csv\"\r\nContent-Type: text/csv\r\n\r\n\(content)\r\n--\(boundary)--\r\n"
      }
      var headers: HTTPFields = [.contentType: "multipart/form-data; boundary=\(boundary)"]
      headers[.cookie] = "maturity_csrf=\(visitor.token)"
      let bad =
        "authority_id,year,overall,ecosystem,openness,interoperability,sustainability,ethics\nA,2025,50,50,50,50,50,50\nB,2025,abc,50,50,50,50,50\n"
      let refused = try await visitor.client.execute(
        uri: "/peers", method: .post, headers: headers, body: ByteBuffer(string: multipart(bad)))
      #expect(refused.status == .unprocessableContent)
      #expect(String(buffer: refused.body).contains("network.csv:3"))
      #expect(!String(buffer: refused.body).contains("maturity-upload-"))
      await #expect(try store.peerSets().isEmpty)
      let good = try String(
        contentsOfFile: Repository.path("Examples/peers/synthetic-peers-scores.csv"), encoding: .utf8)
      let kept = try await visitor.client.execute(
        uri: "/peers", method: .post, headers: headers, body: ByteBuffer(string: multipart(good)))
      #expect(kept.status == .seeOther)
      await #expect(try store.peerSets().map(\.name) == ["network.csv"])
    }
  }

  @Test func aFormOverTheLimitIsRefused() async throws {
    try await withVisitor { visitor, store in
      let huge = String(repeating: "a", count: WebLimits.form + 10)
      let refused = try await visitor.post("/assessments", [("name", huge)])
      #expect(refused.status == .contentTooLarge)
      await #expect(try store.assessments().isEmpty)
    }
  }

  @Test func anAssessmentOfAMissingQuestionnaireDoesNotHideTheOthers() async throws {
    try await withVisitor { visitor, store in
      try await visitor.post("/assessments", authorityForm)
      try await store.create(
        AssessmentRecord(
          questionnaireID: "retired", questionnaireVersion: "1", authorityID: "OLD", authorityName: "Old town"
        ))
      let home = try await visitor.get("/")
      #expect(home.status == .ok)
      #expect(home.text.contains("the questionnaire retired 1 is not available here"))
      #expect(home.text.contains("Villa &lt;script&gt;"))
      #expect(try await visitor.get("/assessments/2/results").status == .unprocessableContent)
      #expect(try await visitor.get("/assessments/2/delete").status == .ok)
      try await visitor.post("/assessments/2/delete", [])
      await #expect(try store.assessments().map(\.authorityID) == ["villa-script-alert-1-script"])
    }
  }

  @Test func theBrowsersLanguageIsUsedUntilOneIsChosen() async throws {
    let (app, _) = try makeApp()
    try await Application(router: app.router()).test(.router) { client in
      for (header, title) in [
        ("es-ES,es;q=0.9,en;q=0.8", "Sus evaluaciones"), ("de-DE, fr;q=0.5", "Vos évaluations"),
        (";,-,;-,", "Your assessments"), ("", "Your assessments"),
      ] {
        let page = try await client.execute(uri: "/", method: .get, headers: [.acceptLanguage: header])
        #expect(String(buffer: page.body).contains(title), "\(header)")
      }
    }
  }

  @Test func theLanguageIsRememberedAndErrorsAreExplained() async throws {
    try await withVisitor { visitor, _ in
      let switched = try await visitor.get("/language?lang=fr&back=%2F")
      #expect(switched.location == "/")
      #expect(try await visitor.get("/").text.contains("Vos évaluations"))
      let missing = try await visitor.get("/assessments/42/results")
      #expect(missing.status == .notFound)
      #expect(missing.text.contains("il n’y a pas d’évaluation numéro 42"))
      for back in ["https://evil.example", "//evil.example", "/%09/evil.example", "/%5Cevil.example"] {
        #expect(try await visitor.get("/language?lang=es&back=\(back)").location == "/", "\(back)")
      }
    }
  }

  @Test func deletingAnAuthorityRemovesItsDataAndExportHasItAll() async throws {
    try await withVisitor { visitor, store in
      try await visitor.post("/assessments", authorityForm)
      try await visitor.post("/assessments/1/duplicate", [])
      let export = try await visitor.get("/authorities/villa-script-alert-1-script/export")
      #expect(export.status == .ok)
      #expect(export.headers[.contentType] == "application/zip")
      #expect(export.text.contains("respondent:"))
      let confirm = try await visitor.get("/authorities/villa-script-alert-1-script/delete")
      #expect(confirm.text.contains("2 assessments"))
      await #expect(try store.assessments().count == 2)
      try await visitor.post("/authorities/villa-script-alert-1-script/delete", [])
      await #expect(try store.assessments().isEmpty)
    }
  }

  @Test func noInputMakesTheServerFail() async throws {
    try await withVisitor(peerFiles: [Repository.path("Examples/peers/synthetic-peers-scores.csv")]) {
      visitor, _ in
      try await visitor.post("/assessments", authorityForm)
      let junk: [[(String, String)]] = [
        [], [("present", "eco-needs")], [("present", "nope"), ("q.nope", "x")],
        [("present", "eco-digital-staff"), ("q.eco-digital-staff", "1e999")],
        [("present", "eco-digital-staff"), ("q.eco-digital-staff", "-0x1p-1074")],
        [("present", "eco-ai-areas"), ("q.eco-ai-areas", "||||"), ("x.eco-ai-areas", "na")],
        [
          ("name", String(repeating: "é", count: 5000)), ("population", "99999999999999999999999"),
          ("date", "0000-00-00"),
        ],
        [("q.opn-policy", "\u{0}\u{FFFF}"), ("present", "opn-policy")],
      ]
      for form in junk {
        for path in [
          "/assessments", "/assessments/1/details", "/assessments/1/dimensions/ecosystem",
          "/assessments/1/dimensions/nope", "/assessments/1/answers/opn-policy",
          "/assessments/1/answers/nope",
          "/assessments/999/delete", "/assessments/x/duplicate", "/peers", "/peers/7/delete",
          "/authorities/%FF/delete",
        ] {
          let response = try await visitor.post(path, form)
          #expect(response.status.code < 500, "POST \(path) \(form): \(response.status)")
        }
      }
      for query in [
        "peers=file:9", "peers=upload:-1", "peers=x", "peers=file:0&band=nope", "peers=file:0&year=abc",
        "peers=file:0&similar=0", "peers=file:0&where=novalue", "peers=file:0&target=p101",
        "peers=file:0&min-group=-5",
        "peers=file:0&similar=99999999999999999999", "%%%", "peers=file:0&type=city",
        "peers=file:0&similar-on=network", "peers=file:0&similar=3&similar-on==x",
      ] {
        for page in ["results", "plan", "download/report.json", "download/nope"] {
          let response = try await visitor.get("/assessments/1/\(page)?\(query)")
          #expect(response.status.code < 500, "GET \(page)?\(query): \(response.status)")
        }
      }
    }
  }

  @Test func aPeerFilterThatCannotBeUsedIsExplainedAsOnTheCommandLine() async throws {
    try await withVisitor(peerFiles: [Repository.path("Examples/peers/synthetic-peers-scores.csv")]) {
      visitor, _ in
      try await visitor.post("/assessments", authorityForm)
      let page = try await visitor.get("/assessments/1/results?peers=file:0&type=city")
      #expect(page.status.code == 200)
      #expect(page.text.contains("The type “city” is not one of municipality, region or other."))
    }
  }
}
