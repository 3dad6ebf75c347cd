import Foundation
import Hummingbird
import InterfaceText
import MaturityKit
import MaturityStore

/// The local web app of `maturity serve`: fill in an assessment, see its report, compare it and
/// plan, in a browser, with every answer kept in the ``Store``.
///
/// It computes nothing of its own: scores, comparisons, reports and plans come from MaturityKit,
/// exactly as on the command line.
public struct WebApp: Sendable {
  let store: Store
  let shelf: QuestionnaireShelf
  let peers: PeerCatalogue
  /// The network server's settings; nil for the local app, which has no accounts.
  let network: NetworkSettings?
  /// The network's scores for its aggregates, recomputed when submissions change.
  let networkPeers = NetworkPeers()
  let renderer = PageRenderer()

  /// - Parameters:
  ///   - peerFiles: peer CSV files offered for comparison besides the uploaded ones.
  ///   - network: how to run as a network server with accounts (`serve --accounts`), or nil.
  public init(
    store: Store, questionnaires: QuestionnaireShelf, peerFiles: [String] = [],
    network: NetworkSettings? = nil
  ) {
    self.store = store
    self.shelf = questionnaires
    self.peers = PeerCatalogue(files: peerFiles, store: store)
    self.network = network
  }

  /// Every route of the app, logged and measured (``RequestLog``, ``ServerMetrics``), behind the
  /// ``WebGuard`` and, on the network server, the ``NetworkGuard``.
  public func router() -> Router<WebContext> {
    let router = Router(context: WebContext.self)
    router.add(middleware: RequestLog())
    router.add(middleware: MetricsMiddleware())
    router.add(middleware: WebGuard(renderer: renderer))
    if let network {
      router.add(middleware: NetworkGuard(store: store, shelf: shelf, settings: network))
      addSignInRoutes(to: router, settings: network)
      addNetworkRoutes(to: router, settings: network)
      addCampaignRoutes(to: router)
    }
    addHealthRoutes(to: router)
    addHomeRoutes(to: router)
    addFillRoutes(to: router)
    addResultRoutes(to: router)
    addPeerRoutes(to: router)
    router.get("/language") { request, _ in
      let query = FormFields(urlEncoded: request.uri.query ?? "")
      var response = Hummingbird.Response.redirect(to: Self.localPath(query["back"]), type: .normal)
      if let language = query["lang"].flatMap(Language.init) {
        response.setCookie(Self.languageCookie(language))
      }
      return response
    }
    router.get("/static/:file") { _, context in
      let name = try context.parameters.require("file")
      guard let asset = StaticAssets.files[name] else { throw WebError.notFound }
      return Hummingbird.Response(
        status: .ok, headers: [.contentType: asset.type, .cacheControl: "no-cache"],
        body: .init(byteBuffer: ByteBuffer(string: asset.text)))
    }
    return router
  }

  /// The application serving the app on `host:port`; `onServerRunning` is told once it listens.
  public func application(
    host: String, port: Int, onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
  )
    -> some ApplicationProtocol
  {
    Application(
      router: router(),
      configuration: .init(address: .hostname(host, port: port), serverName: "maturity"),
      onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? port) })
  }

  /// The cookie that keeps the language chosen for a year.
  static func languageCookie(_ language: Language) -> Cookie {
    Cookie(
      name: WebGuard.languageCookie, value: language.code, maxAge: 365 * 86_400, path: "/", sameSite: .lax)
  }

  /// `path` if it is a path of this site, else `/` (never another site: no open redirect, even
  /// through the tabs and backslashes browsers drop or turn into slashes).
  static func localPath(_ path: String?) -> String {
    guard let path, path.hasPrefix("/"), !path.hasPrefix("//"), !path.contains("\\"),
      path.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7F })
    else { return "/" }
    return path
  }

  // MARK: Responses

  func html(_ text: String, status: HTTPResponse.Status = .ok) -> Hummingbird.Response {
    Hummingbird.Response(
      status: status, headers: [.contentType: "text/html; charset=utf-8"],
      body: .init(byteBuffer: ByteBuffer(string: text)))
  }

  /// A page of the app.
  func page(
    _ template: String, title: String, _ pageContext: [String: Any], request: Request, context: WebContext,
    assessment: LoadedAssessment? = nil, current: String = "", linkQuery: String = "",
    status: HTTPResponse.Status = .ok
  ) -> Hummingbird.Response {
    let path = request.uri.path + (request.uri.query.map { "?" + $0 } ?? "")
    var navigation = assessment?.navigation(
      current: current, language: context.texts.language, linkQuery: linkQuery)
    if let record = assessment?.record, let visitor = context.visitor {
      navigation?.isLocked = record.status == .submitted
      navigation?.canSubmit =
        record.campaignID != nil && record.status != .submitted && visitor.may(.manage, record)
      navigation?.canReview = record.status == .submitted && visitor.may(.review, record)
    }
    return html(
      renderer.page(
        template, title: title, context: pageContext, texts: context.texts, csrf: context.csrfToken,
        path: path, account: context.visitor?.account.email, assessment: navigation),
      status: status)
  }

  /// A file to download.
  func download(_ bytes: [UInt8], name: String, type: String) -> Hummingbird.Response {
    Hummingbird.Response(
      status: .ok,
      headers: [.contentType: type, .contentDisposition: "attachment; filename=\"\(name)\""],
      body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
  }

  // MARK: Assessments

  /// The assessment numbered by the `id` path parameter, with its questionnaire and response.
  func loadAssessment(_ context: WebContext) async throws -> LoadedAssessment {
    try await loadAssessment(try assessmentID(context))
  }

  /// The `id` path parameter.
  func assessmentID(_ context: WebContext) throws -> Int64 {
    guard let id = context.parameters.get("id", as: Int64.self) else { throw WebError.notFound }
    return id
  }

  func loadAssessment(_ id: Int64) async throws -> LoadedAssessment {
    let record = try await store.assessment(id)
    let questionnaire = try shelf.questionnaire(record.questionnaireID, record.questionnaireVersion)
    let answers = try await store.answers(of: id)
    let response = try ResponseLoader.assemble(
      record.responseHeader, answers: answers, questionnaire: questionnaire
    ).response
    return LoadedAssessment(
      record: record, questionnaire: questionnaire, answers: answers, response: response)
  }
}

/// A stored assessment with what the pages need of it.
struct LoadedAssessment {
  var record: AssessmentRecord
  var questionnaire: Questionnaire
  var answers: [WrittenAnswer]
  var response: MaturityKit.Response

  var id: Int64 { record.id! }

  /// Relevant questions answered and relevant questions, per dimension.
  func progress() -> [(id: String, answered: Int, total: Int)] {
    let relevant = Relevance.relevantQuestions(response, questionnaire)
    let answered = Set(response.answers.filter { $0.value != nil }.map(\.questionID))
    return questionnaire.dimensions.map { dimension in
      let asked = dimension.questions.filter { relevant[$0.id] ?? true }
      return (dimension.id, asked.filter { answered.contains($0.id) }.count, asked.count)
    }
  }

  /// - Parameter linkQuery: the comparison (`?peers=…`) the results and plan links keep.
  func navigation(current: String, language: Language, linkQuery: String = "") -> AssessmentNavigation {
    let progress = progress()
    return AssessmentNavigation(
      id: id, name: record.authorityName,
      dimensions: zip(questionnaire.dimensions, progress).map {
        ($0.id, $0.name.text(language), $1.answered, $1.total)
      },
      current: current, linkQuery: linkQuery)
  }
}
