import Dispatch
import HTTPTypes
import Hummingbird

/// Logs each request once it is answered, at `info`: method, route, status and duration, with
/// the request id that every line about the request carries, and gives that id to the browser
/// in `X-Request-Id` (for a support request to point at its lines).
///
/// The route is the router's pattern (`/invitations/{token}`), never the path: no token, id or
/// query string of a visitor reaches the log.
struct RequestLog: RouterMiddleware {
  typealias Context = WebContext
  static let idHeader = HTTPField.Name("X-Request-Id")!

  func handle(
    _ request: Request, context: Context, next: (Request, Context) async throws -> Hummingbird.Response
  ) async throws -> Hummingbird.Response {
    let started = DispatchTime.now().uptimeNanoseconds
    var status = HTTPResponse.Status.internalServerError
    defer {
      context.logger.info(
        "request",
        metadata: [
          "method": .string(request.method.rawValue), "route": .string(context.endpointPath ?? "unmatched"),
          "status": .stringConvertible(status.code),
          "duration_ms": .stringConvertible((DispatchTime.now().uptimeNanoseconds - started) / 1_000_000),
        ])
    }
    var response = try await next(request, context)
    status = response.status
    response.headers[Self.idHeader] = context.id
    return response
  }
}
