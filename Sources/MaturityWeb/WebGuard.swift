import Foundation
import HTTPTypes
import Hummingbird
import InterfaceText
import MaturityKit
import MaturityStore
import NIOCore

/// The boundary between the browser and the app: it picks the language, checks the CSRF token
/// of every POST, adds the security headers, and turns every error into a page (or JSON for
/// scripts) that explains it without a stack trace or an SQL message.
struct WebGuard: RouterMiddleware {
  typealias Context = WebContext
  let renderer: PageRenderer

  static let csrfCookie = "maturity_csrf"
  static let languageCookie = "maturity_lang"
  static let csrfHeader = HTTPField.Name("X-CSRF-Token")!

  func handle(
    _ request: Request, context: Context, next: (Request, Context) async throws -> Hummingbird.Response
  )
    async throws
    -> Hummingbird.Response
  {
    var context = context
    context.texts = TextCatalogue(language: Self.language(request))
    let existing = request.cookies[Self.csrfCookie]?.value.filter(\.isHexDigit)
    let token = existing.flatMap { $0.count == 64 ? $0 : nil } ?? Self.newToken()
    context.csrfToken = token
    var response: Hummingbird.Response
    do {
      var request = request
      if request.method == .post { try await Self.checkToken(&request, expected: existing) }
      response = try await next(request, context)
    } catch {
      response = errorResponse(error, request: request, context: context)
    }
    if existing != token {
      response.setCookie(
        Cookie(name: Self.csrfCookie, value: token, path: "/", httpOnly: true, sameSite: .strict))
    }
    response.headers[.contentSecurityPolicy] =
      "default-src 'none'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; script-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
    response.headers[.xContentTypeOptions] = "nosniff"
    response.headers[HTTPField.Name("Referrer-Policy")!] = "no-referrer"
    return response
  }

  /// The `lang` cookie, else the first language of `Accept-Language` the app speaks, else English.
  static func language(_ request: Request) -> Language {
    if let code = request.cookies[languageCookie]?.value, let language = Language(code) { return language }
    let accepted = request.headers[.acceptLanguage] ?? ""
    for part in accepted.split(separator: ",") {
      let tag = part.split(separator: ";").first?.split(separator: "-").first ?? ""
      if let language = Language(tag.trimmingCharacters(in: .whitespaces).lowercased()) { return language }
    }
    return .english
  }

  static func newToken() -> String {
    var generator = SystemRandomNumberGenerator()
    return (0..<4).map { _ in
      let hex = String(generator.next() as UInt64, radix: 16)
      return String(repeating: "0", count: 16 - hex.count) + hex
    }.joined()
  }

  /// Refuses a POST whose token (header `X-CSRF-Token`, or form field `_csrf`) is not the cookie's.
  private static func checkToken(_ request: inout Request, expected: String?) async throws {
    var sent = request.headers[csrfHeader]
    if sent == nil {
      let contentType = request.headers[.contentType] ?? ""
      let limit = contentType.hasPrefix("multipart/form-data") ? WebLimits.upload : WebLimits.form
      let body = try await request.collectBody(upTo: limit)
      if let boundary = PostedForm.boundary(contentType) {
        sent = (try? PostedForm.parts(body, boundary: boundary))?.first { $0.name == "_csrf" }.map {
          String(buffer: $0.body)
        }
      } else {
        sent = FormFields(urlEncoded: String(buffer: body))["_csrf"]
      }
    }
    guard let expected, expected.count == 64, let sent, Array(sent.utf8).elementsEqual(Array(expected.utf8))
    else {
      throw WebError.csrf
    }
  }

  private func errorResponse(_ error: any Error, request: Request, context: Context) -> Hummingbird.Response {
    let texts = context.texts
    let (status, message) = Self.explain(error, texts: texts)
    if status == .internalServerError {
      context.logger.error("\(request.method) \(request.uri.path): \(error)")
    }
    let wantsJSON = (request.headers[.accept] ?? "").contains("application/json")
    if wantsJSON {
      return Hummingbird.Response(
        status: status, headers: [.contentType: "application/json; charset=utf-8"],
        body: .init(byteBuffer: ByteBuffer(string: JSONValue.object([("error", .string(message))]).text)))
    }
    let html = renderer.page(
      "error", title: texts("web.errorTitle"), context: ["message": message, "status": "\(status.code)"],
      texts: texts,
      csrf: context.csrfToken, path: "/")
    return Hummingbird.Response(
      status: status, headers: [.contentType: "text/html; charset=utf-8"],
      body: .init(byteBuffer: ByteBuffer(string: html)))
  }

  /// The status and the words for `error`. Failures of the machine itself are not detailed.
  static func explain(_ error: any Error, texts: TextCatalogue) -> (HTTPResponse.Status, String) {
    if error is NIOTooManyBytesError || (error as? HTTPError)?.status == .contentTooLarge {
      return (.contentTooLarge, texts("web.tooLarge", ["limit": "\(WebLimits.upload >> 20) MiB"]))
    }
    switch error {
    case WebError.csrf, WebError.forbidden: return (.forbidden, (error as! WebError).message(texts))
    case WebError.notFound, StoreError.assessmentNotFound, StoreError.peerSetNotFound,
      NetworkError.invitationNotUsable, NetworkError.unknownNetwork:
      return (.notFound, (error as! any UserFacingError).message(texts))
    case NetworkError.assessmentLocked, NetworkError.campaignNotOpen, NetworkError.notSubmitted,
      NetworkError.campaignNotClosed:
      return (.conflict, (error as! any UserFacingError).message(texts))
    case NetworkError.unknownCampaign: return (.notFound, (error as! any UserFacingError).message(texts))
    case StoreError.failed, StoreError.cannotOpen, StoreError.newerSchema:
      return (.internalServerError, texts("web.storeFailed"))
    case let error as any UserFacingError: return (.unprocessableContent, error.report(texts))
    case let error as HTTPError:
      switch error.status {
      case .notFound: return (.notFound, texts("web.notFound"))
      case .methodNotAllowed: return (.methodNotAllowed, texts("web.notFound"))
      default: return (error.status, texts("web.badRequest"))
      }
    default: return (.internalServerError, texts("web.internalError"))
    }
  }
}
