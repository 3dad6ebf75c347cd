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

/// What a persona gets from a route.
enum Outcome: Equatable, CustomStringConvertible {
  /// This status (never a redirect).
  case status(HTTPResponse.Status)
  /// 303 to a path starting with this.
  case redirect(String)
  /// 303 to the sign-in page.
  case signIn
  case forbidden
  case notFound

  var description: String {
    switch self {
    case .status(let status): "\(status.code)"
    case .redirect(let path): "303 → \(path)…"
    case .signIn: "303 → /login"
    case .forbidden: "403"
    case .notFound: "404"
    }
  }

  func matches(_ response: TestResponse) -> Bool {
    let location = response.headers[.location] ?? ""
    switch self {
    case .status(let status): return response.status == status
    case .redirect(let path):
      return response.status == .seeOther && location.hasPrefix(path) && !location.hasPrefix("/login?")
    case .signIn: return response.status == .seeOther && location.hasPrefix("/login")
    case .forbidden: return response.status == .forbidden
    case .notFound: return response.status == .notFound
    }
  }
}

/// One row of the matrix: a route, what each persona gets, and how to ask.
struct MatrixRow: Sendable {
  struct Ask: Sendable {
    var uri: String
    var form: [(String, String)] = []
    var multipart: (body: String, boundary: String)? = nil
  }

  let route: String
  let expected: [Persona: Outcome]
  let ask: @Sendable (Persona, NetworkFixture) async throws -> Ask

  /// `allowed` get `outcome`; other signed-in personas `denied`; anonymous visitors `anonymous`.
  init(
    _ route: String, _ allowed: [Persona], _ outcome: Outcome, denied: Outcome, anonymous: Outcome? = nil,
    ask: @escaping @Sendable (Persona, NetworkFixture) async throws -> Ask
  ) {
    self.route = route
    let method = route.split(separator: " ")[0]
    var expected: [Persona: Outcome] = [:]
    for persona in Persona.allCases {
      expected[persona] =
        persona == .anonymous
        ? anonymous ?? (allowed.contains(.anonymous) ? outcome : method == "GET" ? .signIn : .forbidden)
        : allowed.contains(persona) ? outcome : denied
    }
    self.expected = expected
    self.ask = ask
  }

  init(_ route: String, _ allowed: [Persona], _ outcome: Outcome, denied: Outcome, uri: String) {
    self.init(route, allowed, outcome, denied: denied) { _, _ in Ask(uri: uri) }
  }
}

let everyone = Persona.allCases
let signedIn = Persona.allCases.filter { $0 != .anonymous }
/// Of ES-1's assessment: who sees its overview and details…
let readers: [Persona] = [.coordinator, .member, .contributorOwn, .contributorOther, .viewer]
/// …a dimension's answers (a contributor, only those of its dimensions)…
let dimensionReaders: [Persona] = [.coordinator, .member, .contributorOwn, .viewer]
/// …changes them…
let answerers: [Persona] = [.member, .contributorOwn]
/// …and its reports.
let reportReaders: [Persona] = [.coordinator, .member, .contributorOwn, .contributorOther, .viewer, .advisor]

/// The dimension a persona asks about: a contributor's other persona asks about one it was not given.
func dimension(_ persona: Persona, _ fixture: NetworkFixture) -> String {
  persona == .contributorOther ? fixture.otherDimension : fixture.ownDimension
}

func question(_ persona: Persona, _ fixture: NetworkFixture) -> String {
  persona == .contributorOther ? fixture.otherQuestion : fixture.ownQuestion
}

/// Every route of the network server × every persona.
let matrix: [MatrixRow] = [
  MatrixRow("GET /", signedIn, .status(.ok), denied: .forbidden, uri: "/"),
  MatrixRow("GET /healthz", everyone, .status(.ok), denied: .forbidden, uri: "/healthz"),
  MatrixRow("GET /readyz", everyone, .status(.ok), denied: .forbidden, uri: "/readyz"),
  MatrixRow("GET /language", everyone, .redirect("/"), denied: .forbidden, uri: "/language?lang=fr&back=/"),
  MatrixRow("GET /static/{file}", everyone, .status(.ok), denied: .forbidden, uri: "/static/app.css"),
  MatrixRow("GET /login", everyone, .status(.ok), denied: .forbidden, uri: "/login"),
  MatrixRow("POST /login", everyone, .status(.unauthorized), denied: .forbidden) { persona, _ in
    .init(
      uri: "/login",
      form: [("email", "\(persona.rawValue)-guess@example.eu"), ("password", "wrong guess 123")])
  },
  MatrixRow("POST /logout", signedIn, .redirect("/login"), denied: .forbidden) { _, _ in .init(uri: "/logout")
  },
  MatrixRow("GET /invitations/{token}", everyone, .status(.ok), denied: .forbidden) { persona, fixture in
    .init(uri: "/invitations/" + (try await invitation(fixture, "\(persona.rawValue)-get")))
  },
  MatrixRow("POST /invitations/{token}", everyone, .redirect("/"), denied: .forbidden) { persona, fixture in
    .init(
      uri: "/invitations/" + (try await invitation(fixture, "\(persona.rawValue)-post")),
      form: [("password", NetworkFixture.password)])
  },
  MatrixRow("GET /admin", [.admin], .status(.ok), denied: .forbidden, uri: "/admin"),
  MatrixRow("POST /admin/networks", [.admin], .redirect("/networks/"), denied: .forbidden) { persona, _ in
    .init(uri: "/admin/networks", form: [("id", "n-\(persona.rawValue.lowercased())"), ("name", "N")])
  },
  MatrixRow(
    "GET /networks/{network}", [.admin, .coordinator], .status(.ok), denied: .forbidden, uri: "/networks/net"),
  MatrixRow("POST /networks/{network}/invitations", [.admin, .coordinator], .status(.ok), denied: .forbidden)
  {
    persona, _ in
    .init(
      uri: "/networks/net/invitations",
      form: [("email", "\(persona.rawValue)-new@example.eu"), ("role", "viewer"), ("authority", "ES-1")])
  },
  MatrixRow(
    "POST /networks/{network}/invitations/{invitation}/revoke", [.admin, .coordinator],
    .redirect("/networks/net"),
    denied: .forbidden
  ) { persona, fixture in
    let made = try await fixture.store.createInvitation(
      tokenDigest: SecretToken.digest(SecretToken.generate()),
      email: "\(persona.rawValue)-revoked@example.eu",
      membership: Membership(networkID: "net", role: .coordinator))
    return .init(uri: "/networks/net/invitations/\(made.id)/revoke")
  },
  MatrixRow(
    "GET /networks/{network}/export", [.admin, .coordinator], .status(.ok), denied: .forbidden,
    uri: "/networks/net/export"),
  MatrixRow(
    "POST /networks/{network}/import", [.admin, .coordinator], .redirect("/networks/net"), denied: .forbidden
  ) { persona, _ in
    var yaml = try String(
      contentsOfFile: Repository.path("Examples/responses/small-municipality.response.yaml"), encoding: .utf8)
    yaml = yaml.replacingOccurrences(of: "id: ES-SYN-0001", with: "id: ES-IMPORT-\(persona.rawValue)")
    let boundary = "import-boundary"
    let body =
      "--\(boundary)\r\nContent-Disposition: form-data; name=\"files\"; filename=\"a.response.yaml\"\r\n\r\n"
      + yaml + "\r\n--\(boundary)--\r\n"
    return .init(uri: "/networks/net/import", multipart: (body, boundary))
  },
  MatrixRow(
    "POST /networks/{network}/campaigns", [.admin, .coordinator], .redirect("/networks/net/campaigns/"),
    denied: .forbidden
  ) { _, _ in
    .init(
      uri: "/networks/net/campaigns",
      form: [("name", "Spring"), ("opensOn", "2026-01-01"), ("closesOn", "2099-12-31")])
  },
  MatrixRow(
    "GET /networks/{network}/campaigns/{campaign}", [.admin, .coordinator], .status(.ok), denied: .forbidden
  ) {
    _, fixture in .init(uri: "/networks/net/campaigns/\(fixture.campaign.id)")
  },
  MatrixRow(
    "POST /networks/{network}/campaigns/{campaign}/close", [.admin, .coordinator],
    .redirect("/networks/net/campaigns/"),
    denied: .forbidden
  ) { _, fixture in .init(uri: "/networks/net/campaigns/\(try await fixture.throwawayCampaign().id)/close") },
  MatrixRow(
    "GET /networks/{network}/campaigns/{campaign}/report", [.admin, .coordinator], .status(.ok),
    denied: .forbidden
  ) {
    _, fixture in .init(uri: "/networks/net/campaigns/\(fixture.campaign.id)/report")
  },
  MatrixRow(
    "GET /networks/{network}/campaigns/{campaign}/peers", [.admin, .coordinator], .status(.ok),
    denied: .forbidden
  ) {
    _, fixture in .init(uri: "/networks/net/campaigns/\(fixture.campaign.id)/peers")
  },
  MatrixRow(
    "POST /networks/{network}/campaigns/{campaign}/publish", [.admin, .coordinator],
    .redirect("/networks/net/campaigns/"), denied: .forbidden
  ) { _, fixture in
    .init(uri: "/networks/net/campaigns/\(try await fixture.throwawayCampaign(closed: true).id)/publish")
  },
  MatrixRow(
    "POST /campaigns/{campaign}/start", [.member, .otherMember], .redirect("/assessments/"),
    denied: .forbidden
  ) {
    _, fixture in .init(uri: "/campaigns/\(fixture.campaign.id)/start")
  },
  MatrixRow("POST /assessments/{id}/submit", [.member], .redirect("/assessments/"), denied: .notFound) {
    _, fixture in
    let campaign = try await fixture.throwawayCampaign()
    let record = try await fixture.store.campaignAssessment(
      campaign.id, authorityID: "ES-1", authorityName: "Villa Uno")
    return .init(uri: "/assessments/\(record.id!)/submit")
  },
  MatrixRow("GET /assessments/{id}/review", [.coordinator], .status(.ok), denied: .notFound) { _, fixture in
    .init(uri: "/assessments/\(fixture.assessment.id!)/review")
  },
  MatrixRow(
    "POST /assessments/{id}/review", [.coordinator], .redirect("/networks/net/campaigns/"), denied: .notFound
  ) {
    _, fixture in
    .init(uri: "/assessments/\(fixture.assessment.id!)/review", form: [("go", "save")])
  },
  MatrixRow(
    "GET /assessments/new", [.member, .otherMember], .status(.ok), denied: .forbidden, uri: "/assessments/new"
  ),
  MatrixRow("POST /assessments", [.member, .otherMember], .redirect("/assessments/"), denied: .forbidden) {
    _, _ in
    .init(uri: "/assessments", form: [("name", "Villa Nueva"), ("date", "2026-11-01")])
  },
  MatrixRow("GET /assessments/{id}", readers, .redirect("/assessments/"), denied: .notFound) { _, fixture in
    .init(uri: "/assessments/\(fixture.assessment.id!)")
  },
  MatrixRow("GET /assessments/{id}/details", readers, .status(.ok), denied: .notFound) { _, fixture in
    .init(uri: "/assessments/\(fixture.assessment.id!)/details")
  },
  MatrixRow("POST /assessments/{id}/details", [.member], .redirect("/assessments/"), denied: .notFound) {
    _, fixture in
    .init(
      uri: "/assessments/\(fixture.assessment.id!)/details",
      form: [("name", "Villa Uno"), ("date", "2026-10-01")])
  },
  MatrixRow("GET /assessments/{id}/dimensions/{dimension}", dimensionReaders, .status(.ok), denied: .notFound)
  {
    persona, fixture in
    .init(uri: "/assessments/\(fixture.assessment.id!)/dimensions/\(dimension(persona, fixture))")
  },
  MatrixRow(
    "POST /assessments/{id}/dimensions/{dimension}", answerers, .redirect("/assessments/"), denied: .notFound
  ) {
    persona, fixture in
    .init(uri: "/assessments/\(fixture.assessment.id!)/dimensions/\(dimension(persona, fixture))")
  },
  MatrixRow("POST /assessments/{id}/answers/{question}", answerers, .status(.ok), denied: .notFound) {
    persona, fixture in
    .init(uri: "/assessments/\(fixture.assessment.id!)/answers/\(question(persona, fixture))")
  },
  MatrixRow("POST /assessments/{id}/duplicate", [.member], .redirect("/assessments/"), denied: .notFound) {
    _, fixture in
    .init(uri: "/assessments/\(try await fixture.throwawayAssessment().id!)/duplicate")
  },
  MatrixRow("GET /assessments/{id}/delete", [.member], .status(.ok), denied: .notFound) { _, fixture in
    .init(uri: "/assessments/\(fixture.assessment.id!)/delete")
  },
  MatrixRow("POST /assessments/{id}/delete", [.member], .redirect("/"), denied: .notFound) { _, fixture in
    .init(uri: "/assessments/\(try await fixture.throwawayAssessment().id!)/delete")
  },
  MatrixRow("GET /assessments/{id}/results", reportReaders, .status(.ok), denied: .notFound) { _, fixture in
    .init(uri: "/assessments/\(fixture.assessment.id!)/results")
  },
  MatrixRow("GET /assessments/{id}/plan", reportReaders, .status(.ok), denied: .notFound) { _, fixture in
    .init(uri: "/assessments/\(fixture.assessment.id!)/plan")
  },
  MatrixRow("POST /assessments/{id}/plan/notes", [.advisor], .redirect("/assessments/"), denied: .notFound) {
    _, fixture in
    .init(
      uri: "/assessments/\(fixture.assessment.id!)/plan/notes", form: [("note.x", "Start with the training")])
  },
  MatrixRow("GET /assessments/{id}/history", reportReaders, .status(.ok), denied: .notFound) { _, fixture in
    .init(uri: "/assessments/\(fixture.assessment.id!)/history")
  },
  MatrixRow("GET /assessments/{id}/download/{file}", reportReaders, .status(.ok), denied: .notFound) {
    _, fixture in
    .init(uri: "/assessments/\(fixture.assessment.id!)/download/response.yaml")
  },
  MatrixRow("POST /authorities/{authority}/contributors", [.member], .status(.ok), denied: .forbidden) {
    persona, _ in
    .init(
      uri: "/authorities/ES-1/contributors",
      form: [("email", "\(persona.rawValue)-colleague@example.eu"), ("dimension", "openness")])
  },
  MatrixRow("POST /authorities/{authority}/withdraw", [.member], .redirect("/"), denied: .forbidden) { _, _ in
    .init(uri: "/authorities/ES-1/withdraw", form: [("withdrawn", "0")])
  },
  MatrixRow(
    "GET /authorities/{authority}/export", [.member], .status(.ok), denied: .forbidden,
    uri: "/authorities/ES-1/export"),
  MatrixRow("GET /authorities/{authority}/delete", [.admin], .status(.ok), denied: .forbidden) { _, fixture in
    _ = try await fixture.throwawayAssessment("ES-9")
    return .init(uri: "/authorities/ES-9/delete")
  },
  MatrixRow("POST /authorities/{authority}/delete", [.admin], .redirect("/"), denied: .forbidden) {
    _, fixture in
    _ = try await fixture.throwawayAssessment("ES-9")
    return .init(uri: "/authorities/ES-9/delete")
  },
  MatrixRow("POST /peers", [.admin], .redirect("/"), denied: .forbidden) { _, _ in
    let csv = try String(
      contentsOfFile: Repository.path("Examples/peers/synthetic-peers-scores.csv"), encoding: .utf8)
    let boundary = "matrix-boundary"
    let body =
      "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"peers.csv\"\r\nContent-Type: text/csv\r\n\r\n"
      + csv + "\r\n--\(boundary)--\r\n"
    return .init(uri: "/peers", multipart: (body, boundary))
  },
  MatrixRow("POST /peers/{peerSet}/delete", [.admin], .redirect("/"), denied: .forbidden) { _, fixture in
    .init(
      uri: "/peers/\(try await fixture.store.addPeerSet(name: "p.csv", content: Data("x".utf8)).id)/delete")
  },
]

/// A new invitation of `net` for `name@example.eu`; its token.
func invitation(_ fixture: NetworkFixture, _ name: String) async throws -> String {
  let token = SecretToken.generate()
  try await fixture.store.createInvitation(
    tokenDigest: SecretToken.digest(token), email: "\(name)@example.eu",
    membership: Membership(networkID: "net", role: .viewer, authorityID: "ES-1"))
  return token
}

@Suite struct AuthorizationMatrixTests {
  @Test func everyRouteHasARowAndARule() throws {
    let routes = Set(try makeNetworkRouterRoutes())
    #expect(routes == Set(matrix.map(\.route)), "routes without a row, or rows without a route")
    #expect(routes == Set(AccessRules.rules.keys), "routes without a rule, or rules without a route")
    #expect(matrix.allSatisfy { Set($0.expected.keys) == Set(Persona.allCases) })
  }

  @Test(arguments: TestDatabase.available) func everyRouteForEveryPersona(_ database: TestDatabase)
    async throws
  {
    let fixture = try await NetworkFixture.make(database)
    let application = Application(router: fixture.app.router())
    try await application.test(.router) { client in
      for row in matrix {
        let method: HTTPRequest.Method = row.route.hasPrefix("POST") ? .post : .get
        for persona in Persona.allCases {
          let ask = try await row.ask(persona, fixture)
          let request = SignedRequest(client: client, session: try await fixture.session(persona))
          let response =
            if let multipart = ask.multipart {
              try await request.send(
                method, ask.uri, body: ByteBuffer(string: multipart.body),
                contentType: "multipart/form-data; boundary=\(multipart.boundary)")
            } else {
              try await request.send(method, ask.uri, form: ask.form)
            }
          let expected = row.expected[persona]!
          let matched = expected.matches(response)
          #expect(
            matched,
            "\(row.route) as \(persona): expected \(expected), got \(response.status.code) \(response.headers[.location] ?? "")"
          )
          // Whoever may not read ES-1's assessment never sees its name, its respondent or its notes.
          if !readers.contains(persona) && !reportReaders.contains(persona) && persona != .admin {
            let body = String(buffer: response.body)
            for secret in ["Villa Uno", "Respondent of ES-1", "private note of ES-1"] {
              #expect(!body.contains(secret), "\(row.route) as \(persona) shows \(secret)")
            }
          }
        }
      }
    }
    await fixture.store.close()
  }
}

/// The routes of a network server, as the router lists them.
func makeNetworkRouterRoutes() throws -> [String] {
  let store = try Store(
    path: FileManager.default.temporaryDirectory.appendingPathComponent("routes-\(UUID())/a.sqlite").path)
  let shelf = try QuestionnaireShelf(folder: Repository.path("Questionnaires"))
  let app = WebApp(
    store: store, questionnaires: shelf, network: NetworkSettings(publicURL: "http://127.0.0.1:8080"))
  return app.router().routes.map(\.description)
}
