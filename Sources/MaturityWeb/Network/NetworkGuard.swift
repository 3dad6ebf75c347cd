import Accounts
import Foundation
import HTTPTypes
import Hummingbird
import MaturityKit
import MaturityStore

/// The door of the network server: it finds who is signed in (the session cookie), then checks
/// the route's rule in ``AccessRules`` before the handler runs. Anonymous visitors of a page are
/// sent to sign in; a signed-in visitor without the right gets 403, or 404 for an assessment
/// that is not theirs (its existence is not revealed).
struct NetworkGuard: RouterMiddleware {
  typealias Context = WebContext
  let store: Store
  let shelf: QuestionnaireShelf
  let settings: NetworkSettings

  static let sessionCookie = "maturity_session"
  static let forwardedFor = HTTPField.Name("X-Forwarded-For")!

  func handle(
    _ request: Request, context: Context, next: (Request, Context) async throws -> Hummingbird.Response
  ) async throws -> Hummingbird.Response {
    var context = context
    context.remoteAddress = settings.clientAddress(
      peer: context.remoteAddress, forwardedFor: request.headers[values: Self.forwardedFor])
    if let token = request.cookies[Self.sessionCookie]?.value, SecretToken.isWellFormed(token),
      let account = try await store.sessionAccount(
        digest: SecretToken.digest(token), idleLimit: settings.sessionIdleLimit)
    {
      context.visitor = Visitor(account: account, memberships: try await store.memberships(of: account.id))
    }
    let route = "\(request.method) \(context.endpointPath ?? "")"
    guard let access = AccessRules.rules[route] else { throw WebError.forbidden }
    if access != .anyone && context.visitor == nil {
      guard request.method == .get else { throw WebError.forbidden }
      let back = request.uri.path + (request.uri.query.map { "?" + $0 } ?? "")
      let query =
        back == "/"
        ? "" : "?back=" + (back.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")
      return .redirect(to: "/login" + query, type: .normal)
    }
    if let visitor = context.visitor { try await authorize(access, visitor, context) }
    return try await next(request, context)
  }

  private func authorize(_ access: Access, _ visitor: Visitor, _ context: Context) async throws {
    switch access {
    case .anyone, .signedIn: return
    case .admin: if !visitor.account.isAdmin { throw WebError.forbidden }
    case .member: if visitor.memberRole == nil { throw WebError.forbidden }
    case .network:
      if !visitor.manages(try context.parameters.require("network")) { throw WebError.forbidden }
    case .authority:
      let authority = try context.parameters.require("authority")
      if !visitor.memberships.contains(where: { $0.role == .member && $0.authorityID == authority }) {
        throw WebError.forbidden
      }
    case .assessment(let kind):
      guard let id = context.parameters.get("id", as: Int64.self),
        let record = try? await store.assessment(id),
        visitor.may(try right(kind, record, context), record)
      else { throw WebError.notFound }
    }
  }

  /// The right a route asks for, narrowed to the dimension it reads or writes.
  private func right(_ kind: Access.AssessmentAccess, _ record: AssessmentRecord, _ context: Context) throws
    -> AssessmentRight
  {
    var dimension = context.parameters.get("dimension")
    if let question = context.parameters.get("question") {
      let questionnaire = try shelf.questionnaire(record.questionnaireID, record.questionnaireVersion)
      dimension = questionnaire.dimensions.first { $0.questions.contains { $0.id == question } }?.id ?? ""
    }
    switch kind {
    case .read: return .read(dimension: dimension)
    case .answer: return .answer(dimension: dimension)
    case .manage: return .manage
    case .reports: return .reports
    case .review: return .review
    case .annotate: return .annotate
    }
  }
}
