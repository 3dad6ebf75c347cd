import Accounts
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import MaturityKit
import MaturityStore
import TestSupport

@testable import MaturityWeb

/// Who asks, in the authorization matrix: each signed-in persona has its own account.
enum Persona: String, CaseIterable, Sendable {
  case anonymous, admin, coordinator, otherCoordinator, member, otherMember
  /// A contributor of the member's authority, asking about a dimension it was given…
  case contributorOwn
  /// …and about one it was not.
  case contributorOther
  case advisor, otherAdvisor, viewer
}

/// A network server with two networks, two authorities of the first (ES-1 and ES-2, each with an
/// assessment) and an account for every persona.
struct NetworkFixture: Sendable {
  let app: WebApp
  let store: Store
  let accounts: [Persona: Account]
  /// ES-1's assessment, a draft of `net`'s open campaign.
  let assessment: AssessmentRecord
  let campaign: Campaign
  let ownDimension: String
  let otherDimension: String
  let ownQuestion: String
  let otherQuestion: String

  static let password = "correct horse battery"

  static func make(_ database: TestDatabase, settings: NetworkSettings? = nil) async throws -> NetworkFixture
  {
    let store = try await Store.open(try await database.newLocation())
    let shelf = try QuestionnaireShelf(folder: Repository.path("Questionnaires"))
    let settings =
      settings ?? NetworkSettings(publicURL: "https://maturity.example.eu", hasher: PasswordHasher(cost: 4))
    let app = WebApp(store: store, questionnaires: shelf, network: settings)
    try await store.createNetwork(id: "net", name: "Network")
    try await store.createNetwork(id: "other", name: "Other network")
    let questionnaire = shelf.preferred
    let own = questionnaire.dimensions[0]
    let other = questionnaire.dimensions[1]
    let roles: [Persona: Membership?] = [
      .admin: nil,
      .coordinator: Membership(networkID: "net", role: .coordinator),
      .otherCoordinator: Membership(networkID: "other", role: .coordinator),
      .member: Membership(networkID: "net", role: .member, authorityID: "ES-1"),
      .otherMember: Membership(networkID: "net", role: .member, authorityID: "ES-2"),
      .contributorOwn: Membership(
        networkID: "net", role: .contributor, authorityID: "ES-1", dimensions: [own.id]),
      .contributorOther: Membership(
        networkID: "net", role: .contributor, authorityID: "ES-1", dimensions: [own.id]),
      .advisor: Membership(networkID: "net", role: .advisor, authorityID: "ES-1"),
      .otherAdvisor: Membership(networkID: "net", role: .advisor, authorityID: "ES-2"),
      .viewer: Membership(networkID: "net", role: .viewer, authorityID: "ES-1"),
    ]
    let hash = try await settings.hasher.hash(password)
    var accounts: [Persona: Account] = [:]
    for (persona, membership) in roles {
      let account = try await store.addAccount(
        email: "\(persona.rawValue)@example.eu", passwordHash: hash, isAdmin: persona == .admin)
      if let membership { try await store.setMembership(membership, of: account.id) }
      accounts[persona] = account
    }
    let campaign = try await store.createCampaign(
      networkID: "net", name: "2026", questionnaireID: questionnaire.id,
      questionnaireVersion: questionnaire.version,
      opensOn: "2026-01-01", closesOn: "2099-12-31")
    let assessment = try await store.campaignAssessment(
      campaign.id, authorityID: "ES-1", authorityName: "Villa Uno")
    try await store.save(
      [WrittenAnswer(questionID: own.questions[0].id, value: nil, comment: "private note of ES-1")],
      to: assessment.id!)
    try await store.campaignAssessment(campaign.id, authorityID: "ES-2", authorityName: "Villa Dos")
    return NetworkFixture(
      app: app, store: store, accounts: accounts, assessment: assessment, campaign: campaign,
      ownDimension: own.id,
      otherDimension: other.id, ownQuestion: own.questions[0].id, otherQuestion: other.questions[0].id)
  }

  static func record(_ authority: String, _ name: String, _ questionnaire: Questionnaire) -> AssessmentRecord
  {
    AssessmentRecord(
      questionnaireID: questionnaire.id, questionnaireVersion: questionnaire.version, authorityID: authority,
      authorityName: name, country: "ES", population: 4000, authorityType: "municipality", date: "2026-10-01",
      respondentName: "Respondent of \(authority)")
  }

  /// A new session of `persona` (nil for anonymous): the value of its session cookie.
  func session(_ persona: Persona) async throws -> String? {
    guard let account = accounts[persona] else { return nil }
    let token = SecretToken.generate()
    try await store.openSession(digest: SecretToken.digest(token), accountID: account.id, idleLimit: 3600)
    return token
  }

  /// The answers of an example response, so that an assessment has scores and a plan.
  func exampleAnswers() throws -> [WrittenAnswer] {
    try ResponseLoader.load(
      path: Repository.path("Examples/responses/small-municipality.response.yaml"),
      questionnaire: app.shelf.preferred
    ).response.answers.map(WrittenAnswer.init)
  }

  /// A new draft of ES-1 (or of `authority`) in `net`, to be deleted or changed.
  func throwawayAssessment(_ authority: String = "ES-1") async throws -> AssessmentRecord {
    var record = Self.record(authority, "Villa", app.shelf.preferred)
    record.networkID = "net"
    return try await store.create(record)
  }

  /// A new open campaign of `net`, to be closed or published.
  func throwawayCampaign(closed: Bool = false) async throws -> Campaign {
    let campaign = try await store.createCampaign(
      networkID: "net", name: "extra", questionnaireID: self.campaign.questionnaireID,
      questionnaireVersion: self.campaign.questionnaireVersion, opensOn: "2026-01-01", closesOn: "2099-12-31")
    if closed { try await store.closeCampaign(campaign.id) }
    return campaign
  }
}

/// Requests with cookies and the CSRF token in a header, as the app's script sends them.
struct SignedRequest {
  let client: any TestClientProtocol
  let session: String?
  static let csrf = String(repeating: "ab", count: 32)

  func send(
    _ method: HTTPRequest.Method, _ uri: String, form: [(String, String)] = [], body: ByteBuffer? = nil,
    contentType: String = "application/x-www-form-urlencoded", extraCookies: String = ""
  ) async throws -> TestResponse {
    var cookies = "maturity_csrf=\(Self.csrf)" + extraCookies
    if let session { cookies += "; maturity_session=\(session)" }
    var headers: HTTPFields = [.cookie: cookies]
    if method == .post {
      headers[.contentType] = contentType
      headers[HTTPField.Name("X-CSRF-Token")!] = Self.csrf
    }
    let encoded = form.map { pair in
      [pair.0, pair.1].map { $0.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "" }.joined(
        separator: "=")
    }.joined(separator: "&")
    return try await client.execute(
      uri: uri, method: method, headers: headers,
      body: body ?? (method == .post ? ByteBuffer(string: encoded) : nil))
  }
}
