import Accounts
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import MaturityKit
import MaturityStore
import TestSupport
import Testing

@testable import MaturityWeb

/// Sign-in, sessions, invitations and what each role's pages show, on the network server.
@Suite struct NetworkServerTests {
  func withServer(
    _ database: TestDatabase = .sqlite, settings: NetworkSettings? = nil,
    _ body: @escaping @Sendable (any TestClientProtocol, NetworkFixture) async throws -> Void
  ) async throws {
    let fixture = try await NetworkFixture.make(database, settings: settings)
    try await Application(router: fixture.app.router()).test(.router) { client in
      try await body(client, fixture)
    }
    await fixture.store.close()
  }

  func signIn(_ client: any TestClientProtocol, _ email: String, _ password: String, planted: String? = nil)
    async throws -> TestResponse
  {
    try await SignedRequest(client: client, session: planted).send(
      .post, "/login", form: [("email", email), ("password", password), ("back", "/admin")])
  }

  static func cookie(_ response: TestResponse, _ name: String) -> String? {
    response.headers[values: .setCookie].first { $0.hasPrefix(name + "=") }
  }

  static func value(_ cookie: String?) -> String {
    cookie?.split(separator: ";")[0].split(separator: "=", maxSplits: 1).last.map(String.init) ?? ""
  }

  @Test(arguments: TestDatabase.available) func signInOpensANewSessionWithSafeCookies(
    _ database: TestDatabase
  )
    async throws
  {
    try await withServer(database) { client, fixture in
      // A session id planted before signing in (session fixation) is closed, never kept.
      let planted = try #require(try await fixture.session(.member))
      let response = try await signIn(client, "Admin@Example.eu", NetworkFixture.password, planted: planted)
      #expect(response.status == .seeOther && response.headers[.location] == "/admin")
      let cookie = try #require(Self.cookie(response, "maturity_session"))
      for flag in ["HttpOnly", "SameSite=Lax", "Secure", "Path=/"] {
        #expect(cookie.contains(flag), "\(cookie)")
      }
      let token = Self.value(cookie)
      #expect(SecretToken.isWellFormed(token) && token != planted)
      #expect(Self.value(Self.cookie(response, "maturity_csrf")) != SignedRequest.csrf)
      let plantedNow = try await SignedRequest(client: client, session: planted).send(.get, "/")
      #expect(plantedNow.status == .seeOther && plantedNow.headers[.location]?.hasPrefix("/login") == true)
      let admin = try await SignedRequest(client: client, session: token).send(.get, "/admin")
      #expect(admin.status == .ok)

      // Signing out ends the session.
      let out = try await SignedRequest(client: client, session: token).send(.post, "/logout")
      #expect(Self.cookie(out, "maturity_session")?.contains("Max-Age=0") == true)
      #expect(
        try await SignedRequest(client: client, session: token).send(.get, "/admin").status == .seeOther)
      let actions = try await fixture.store.auditEvents(network: nil).prefix(2).map(\.action)
      #expect(actions == [.signOut, .signIn])
    }
  }

  @Test func aFormWithoutTheTokenIsRefused() async throws {
    try await withServer { client, _ in
      let response = try await client.execute(
        uri: "/login", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
        body: ByteBuffer(string: "email=admin%40example.eu&password=correct+horse+battery"))
      #expect(response.status == .forbidden)
      #expect(Self.cookie(response, "maturity_session") == nil)
    }
  }

  @Test func failuresSayNothingAboutWhetherAnAccountExistsAndSlowDown() async throws {
    var limits = SignInLimits()
    limits.perAccount = 3
    limits.perAddress = 1000
    let settings = NetworkSettings(
      publicURL: "http://127.0.0.1:8080", hasher: PasswordHasher(cost: 4), signInLimits: limits)
    try await withServer(settings: settings) { client, fixture in
      let known = try await signIn(client, "member@example.eu", "not the password")
      let unknown = try await signIn(client, "nobody@example.eu", "not the password")
      #expect(known.status == .unauthorized && unknown.status == .unauthorized)
      func message(_ response: TestResponse) -> String {
        String(buffer: response.body).components(separatedBy: "class=\"message\">").dropFirst().first?
          .components(separatedBy: "<").first ?? ""
      }
      #expect(message(known) == message(unknown) && message(known).contains("not right"))
      for _ in 0..<2 { _ = try await signIn(client, "member@example.eu", "not the password") }
      // The fourth attempt waits, even with the right password, and says so.
      let waiting = try await signIn(client, "member@example.eu", NetworkFixture.password)
      #expect(waiting.status == .tooManyRequests)
      #expect(String(buffer: waiting.body).contains("Too many attempts"))
      #expect(Self.cookie(waiting, "maturity_session") == nil)
      // Another account is not held up.
      #expect(try await signIn(client, "viewer@example.eu", NetworkFixture.password).status == .seeOther)
      let failures = try await fixture.store.auditEvents(network: nil).filter { $0.action == .signInFailed }
      #expect(failures.count == 4)
    }
  }

  @Test(arguments: TestDatabase.available) func invitationsWorkOnceAndNotAfterSevenDays(
    _ database: TestDatabase
  )
    async throws
  {
    try await withServer(database) { client, fixture in
      let token = try await invitation(fixture, "newcomer")
      let form = try await SignedRequest(client: client, session: nil).send(.get, "/invitations/\(token)")
      #expect(form.status == .ok && String(buffer: form.body).contains("newcomer@example.eu"))
      let weak = try await SignedRequest(client: client, session: nil).send(
        .post, "/invitations/\(token)", form: [("password", "password1234")])
      #expect(weak.status == .unprocessableContent && String(buffer: weak.body).contains("most common"))
      let accepted = try await SignedRequest(client: client, session: nil).send(
        .post, "/invitations/\(token)", form: [("password", "a long and private phrase")])
      #expect(accepted.status == .seeOther && Self.cookie(accepted, "maturity_session") != nil)
      let account = try #require(try await fixture.store.credentials(email: "newcomer@example.eu"))
      #expect(try await fixture.store.memberships(of: account.account.id).map(\.role) == [.viewer])

      for reuse in [HTTPRequest.Method.get, .post] {
        let again = try await SignedRequest(client: client, session: nil).send(
          reuse, "/invitations/\(token)", form: [("password", "another long phrase")])
        #expect(again.status == .notFound && String(buffer: again.body).contains("cannot be used"))
      }
      let old = SecretToken.generate()
      try await fixture.store.createInvitation(
        tokenDigest: SecretToken.digest(old), email: "late@example.eu",
        membership: Membership(networkID: "net", role: .coordinator),
        at: Date().addingTimeInterval(-8 * 86_400))
      #expect(
        try await SignedRequest(client: client, session: nil).send(.get, "/invitations/\(old)").status
          == .notFound)
      let forged = String(repeating: "0", count: 64)
      #expect(
        try await SignedRequest(client: client, session: nil).send(.get, "/invitations/\(forged)").status
          == .notFound)
      #expect(
        try await SignedRequest(client: client, session: nil).send(.get, "/invitations/../admin").status
          != .ok)
    }
  }

  @Test func anExistingAccountAcceptsWithItsOwnPasswordOnly() async throws {
    try await withServer { client, fixture in
      let token = SecretToken.generate()
      try await fixture.store.createInvitation(
        tokenDigest: SecretToken.digest(token), email: "viewer@example.eu",
        membership: Membership(networkID: "other", role: .viewer, authorityID: "FR-1"))
      let page = try await SignedRequest(client: client, session: nil).send(.get, "/invitations/\(token)")
      #expect(String(buffer: page.body).contains("You already have an account"))
      let takeover = try await SignedRequest(client: client, session: nil).send(
        .post, "/invitations/\(token)", form: [("password", "a new password for them")])
      #expect(takeover.status == .unprocessableContent && Self.cookie(takeover, "maturity_session") == nil)
      let accepted = try await SignedRequest(client: client, session: nil).send(
        .post, "/invitations/\(token)", form: [("password", NetworkFixture.password)])
      #expect(accepted.status == .seeOther)
      let account = try #require(fixture.accounts[.viewer])
      #expect(try await fixture.store.memberships(of: account.id).map(\.networkID) == ["net", "other"])
      let hash = try #require(try await fixture.store.credentials(email: "viewer@example.eu")).passwordHash
      #expect(try await PasswordHasher(cost: 4).verify(NetworkFixture.password, hash: hash))
    }
  }

  @Test func eachHomePageListsWhatItsRoleReaches() async throws {
    try await withServer { client, fixture in
      func home(_ persona: Persona) async throws -> String {
        String(
          buffer: try await SignedRequest(client: client, session: try await fixture.session(persona)).send(
            .get, "/"
          ).body)
      }
      let coordinator = try await home(.coordinator)
      #expect(
        coordinator.contains("Villa Uno") && coordinator.contains("Villa Dos")
          && coordinator.contains("/networks/net"))
      let member = try await home(.member)
      #expect(
        member.contains("Villa Uno") && !member.contains("Villa Dos") && member.contains("/assessments/new"))
      let other = try await home(.otherMember)
      #expect(other.contains("Villa Dos") && !other.contains("Villa Uno"))
      let advisor = try await home(.otherAdvisor)
      #expect(
        advisor.contains("Villa Dos") && !advisor.contains("Villa Uno")
          && !advisor.contains("/assessments/new"))
      let outsider = try await home(.otherCoordinator)
      #expect(!outsider.contains("Villa Uno") && !outsider.contains("Villa Dos"))
    }
  }

  @Test func aMembersNewAssessmentIsItsAuthoritysInItsNetwork() async throws {
    try await withServer { client, fixture in
      let session = try await fixture.session(.member)
      let created = try await SignedRequest(client: client, session: session).send(
        .post, "/assessments", form: [("name", "Villa Uno"), ("authorityID", "ES-2"), ("date", "2026-11-02")])
      #expect(created.status == .seeOther)
      let records = try await fixture.store.assessments(ofNetwork: "net").filter { $0.date == "2026-11-02" }
      #expect(records.map(\.authorityID) == ["ES-1"])
      #expect(records.first?.status == .draft)
      let id = try #require(records.first?.id)
      _ = try await SignedRequest(client: client, session: session).send(
        .post, "/assessments/\(id)/details", form: [("name", "Villa Uno"), ("authorityID", "ES-2")])
      #expect(try await fixture.store.assessment(id).authorityID == "ES-1")
    }
  }

  @Test(arguments: TestDatabase.available) func aCampaignRoundTrip(_ database: TestDatabase) async throws {
    try await withServer(database) { client, fixture in
      let member = SignedRequest(client: client, session: try await fixture.session(.member))
      let coordinator = SignedRequest(client: client, session: try await fixture.session(.coordinator))
      let home = String(buffer: try await member.send(.get, "/").body)
      #expect(home.contains("/campaigns/\(fixture.campaign.id)/start"))
      let started = try await member.send(.post, "/campaigns/\(fixture.campaign.id)/start")
      let id = try #require(fixture.assessment.id)
      #expect(started.headers[.location] == "/assessments/\(id)")
      let question = fixture.ownQuestion
      let saved = try await member.send(
        .post, "/assessments/\(id)/answers/\(question)", form: [("present", question)])
      #expect(saved.status == .ok)
      let page = String(buffer: try await member.send(.get, "/assessments/\(id)/details").body)
      #expect(page.contains("/assessments/\(id)/submit"))
      #expect(try await member.send(.post, "/assessments/\(id)/submit").status == .seeOther)

      // Submitted: locked for the member, in the queue of the coordinator.
      let locked = try await member.send(
        .post, "/assessments/\(id)/answers/\(question)", form: [("present", question)])
      #expect(locked.status == .conflict && String(buffer: locked.body).contains("locked"))
      let queue = String(
        buffer: try await coordinator.send(.get, "/networks/net/campaigns/\(fixture.campaign.id)").body)
      #expect(queue.contains("/assessments/\(id)/review"))
      let sentBack = try await coordinator.send(
        .post, "/assessments/\(id)/review",
        form: [("comment.\(question)", "Which council decision?"), ("go", "return")])
      #expect(sentBack.status == .seeOther)
      #expect(try await fixture.store.assessment(id).status == .returned)

      // The member sees the comment beside the question, changes the answer and submits again.
      let dimension = String(
        buffer: try await member.send(.get, "/assessments/\(id)/dimensions/\(fixture.ownDimension)").body)
      #expect(dimension.contains("Which council decision?"))
      #expect(
        try await member.send(.post, "/assessments/\(id)/answers/\(question)", form: [("present", question)])
          .status
          == .ok)
      #expect(try await member.send(.post, "/assessments/\(id)/submit").status == .seeOther)
      #expect(
        try await coordinator.send(.post, "/networks/net/campaigns/\(fixture.campaign.id)/close").status
          == .seeOther)
      // Closed for good: nothing changes, nothing is sent back, the member cannot start again.
      #expect(
        try await coordinator.send(.post, "/assessments/\(id)/review", form: [("go", "return")]).status
          == .conflict)
      #expect(try await fixture.store.assessment(id).status == .submitted)
      let events = try await fixture.store.auditEvents(network: "net").map(\.action)
      #expect(events.prefix(5) == [.campaignClosed, .submitted, .returned, .reviewed, .submitted])
    }
  }

  @Test(arguments: TestDatabase.available) func aggregatesWaitForKOtherMembers(_ database: TestDatabase)
    async throws
  {
    let settings = NetworkSettings(
      publicURL: "http://127.0.0.1:8080", hasher: PasswordHasher(cost: 4), minimumGroup: 2)
    try await withServer(database, settings: settings) { client, fixture in
      let member = SignedRequest(client: client, session: try await fixture.session(.member))
      let id = try #require(fixture.assessment.id)
      func networkSection() async throws -> String {
        let page = String(buffer: try await member.send(.get, "/assessments/\(id)/results").body)
        return page.components(separatedBy: "id=\"network-heading\"").dropFirst().first?
          .components(separatedBy: "</section>").first ?? ""
      }
      // Every authority a Spanish municipality of 4,000 people but PT-3, Portuguese, each with the
      // answers of an example response (so that each has an overall score).
      let example = try fixture.exampleAnswers()
      func described(_ record: AssessmentRecord, country: String = "ES") async throws {
        var record = record
        (record.country, record.population, record.authorityType) = (country, 4000, "municipality")
        try await fixture.store.update(record)
        try await fixture.store.save(example, to: record.id!)
      }
      try await described(fixture.assessment)
      #expect(try await networkSection().contains("Withheld until at least 2 other members"))
      // One other member submits: still one too few.
      let es2 = try #require(
        try await fixture.store.assessments(ofNetwork: "net").first { $0.authorityID == "ES-2" })
      try await described(es2)
      try await fixture.store.submit(es2.id!)
      #expect(try await networkSection().components(separatedBy: "Withheld").count == 5)
      // A third authority of another country submits: the network and its type show, its country does not.
      let es3 = try await fixture.store.campaignAssessment(
        fixture.campaign.id, authorityID: "PT-3", authorityName: "Vila Três")
      try await described(es3, country: "PT")
      try await fixture.store.submit(es3.id!)
      let shown = try await networkSection()
      #expect(shown.contains("The whole network") && shown.contains("Authorities of your type"))
      #expect(shown.components(separatedBy: "Withheld").count == 2)  // ES only: one other
      #expect(!shown.contains("Villa Dos") && !shown.contains("Vila Três"))
      // The coordinator's report names the members, or codes them for publishing; peer files
      // never hold a respondent.
      let coordinator = SignedRequest(client: client, session: try await fixture.session(.coordinator))
      let report = "/networks/net/campaigns/\(fixture.campaign.id)/report"
      let named = String(buffer: try await coordinator.send(.get, report).body)
      #expect(named.contains("Villa Dos") && named.contains("Vila Três"))
      let anonymous = String(buffer: try await coordinator.send(.get, report + "?anonymous=1").body)
      #expect(!anonymous.contains("Villa Dos") && anonymous.contains("M001"))
      let peers = String(
        buffer: try await coordinator.send(
          .get, "/networks/net/campaigns/\(fixture.campaign.id)/peers?shape=answers"
        ).body)
      #expect(peers.contains("PT-3") && !peers.contains("Respondent of"))
      // PT-3 withdraws: its figures leave the aggregates, which are withheld again.
      try await fixture.store.setWithdrawn(true, authority: "PT-3", network: "net", by: nil)
      #expect(try await networkSection().components(separatedBy: "Withheld").count == 5)
    }
  }

  @Test func advisorsAnnotatePlansAndContributorsAreNamedBesideTheirAnswers() async throws {
    try await withServer { client, fixture in
      let id = try #require(fixture.assessment.id)
      try await fixture.store.save(try fixture.exampleAnswers(), to: id)
      let advisor = SignedRequest(client: client, session: try await fixture.session(.advisor))
      let plan = String(buffer: try await advisor.send(.get, "/assessments/\(id)/plan").body)
      let step = try #require(
        plan.components(separatedBy: "name=\"note.").dropFirst().first?.components(separatedBy: "\"").first)
      let noted = try await advisor.send(
        .post, "/assessments/\(id)/plan/notes", form: [("note.\(step)", "Ask the province for the training")])
      #expect(noted.status == .seeOther)
      let member = SignedRequest(client: client, session: try await fixture.session(.member))
      let seen = String(buffer: try await member.send(.get, "/assessments/\(id)/plan").body)
      #expect(seen.contains("Ask the province for the training") && seen.contains("advisor@example.eu"))
      #expect(!seen.contains("name=\"note."))  // the member reads the notes, and does not edit them

      let contributor = SignedRequest(client: client, session: try await fixture.session(.contributorOwn))
      let question = fixture.ownQuestion
      let option = fixture.app.shelf.preferred.question(question)?.options.first?.id ?? "1"
      let answered = try await contributor.send(
        .post, "/assessments/\(id)/answers/\(question)",
        form: [("present", question), ("q.\(question)", option)])
      #expect(answered.status == .ok)
      try await fixture.store.submit(id)
      let coordinator = SignedRequest(client: client, session: try await fixture.session(.coordinator))
      let review = String(buffer: try await coordinator.send(.get, "/assessments/\(id)/review").body)
      #expect(review.contains("by contributorown@example.eu") && !review.contains("(by )"))
      #expect(try await fixture.store.auditEvents(network: "net").contains { $0.action == .annotated })
    }
  }

  @Test func aMemberInvitesAColleagueForChosenDimensionsOfItsOwnAuthority() async throws {
    try await withServer { client, fixture in
      let member = SignedRequest(client: client, session: try await fixture.session(.member))
      let page = try await member.send(
        .post, "/authorities/ES-1/contributors",
        form: [
          ("email", "colleague@villa-uno.es"), ("dimension", fixture.otherDimension),
          ("dimension", "invented"),
        ])
      let body = String(buffer: page.body)
      let token = try #require(
        body.components(separatedBy: "/invitations/").dropFirst().first?.components(separatedBy: "<").first)
      let invitation = try #require(
        try await fixture.store.invitation(tokenDigest: SecretToken.digest(token)))
      #expect(
        invitation.membership
          == Membership(
            networkID: "net", role: .contributor, authorityID: "ES-1", dimensions: [fixture.otherDimension]))
      // Not for another authority.
      let other = try await member.send(
        .post, "/authorities/ES-2/contributors", form: [("email", "spy@villa-uno.es")])
      #expect(other.status == .forbidden)
    }
  }

  @Test func aCoordinatorImportsAndExportsInTheBrowser() async throws {
    try await withServer { client, fixture in
      let coordinator = SignedRequest(client: client, session: try await fixture.session(.coordinator))
      func upload(_ files: [(String, String)]) async throws -> TestResponse {
        let boundary = "b0undary"
        let body =
          files.map { name, text in
            "--\(boundary)\r\nContent-Disposition: form-data; name=\"files\"; filename=\"\(name)\"\r\n\r\n\(text)\r\n"
          }.joined() + "--\(boundary)--\r\n"
        return try await coordinator.send(
          .post, "/networks/net/import", body: ByteBuffer(string: body),
          contentType: "multipart/form-data; boundary=\(boundary)")
      }
      let good = try String(
        contentsOfFile: Repository.path("Examples/responses/region.response.yaml"), encoding: .utf8)
      let bad =
        "questionnaire: ai-data-readiness\nversion: \"2026.1\"\nauthority: {id: X, name: X}\nanswers:\n  opn-policy: maybe\n"
      let refused = try await upload([("region.response.yaml", good), ("bad.response.yaml", bad)])
      #expect(refused.status == .unprocessableContent)
      #expect(String(buffer: refused.body).contains("bad.response.yaml:5"))
      #expect(!String(buffer: refused.body).contains(FileManager.default.temporaryDirectory.path))
      let before = try await fixture.store.assessments(ofNetwork: "net").count
      #expect(try await upload([("region.response.yaml", good)]).status == .seeOther)
      #expect(try await fixture.store.assessments(ofNetwork: "net").count == before + 1)

      let zip = try await coordinator.send(.get, "/networks/net/export")
      #expect(zip.status == .ok && zip.headers[.contentType] == "application/zip")
      let names = String(decoding: Array(buffer: zip.body), as: UTF8.self)
      #expect(names.contains("responses/") && names.contains("net-ai-data-readiness-peers-scores.csv"))
    }
  }
}
