import Hummingbird
import MaturityKit
import MaturityStore
import NIOCore

extension WebApp {
  /// `GET /healthz`: the process answers. `GET /readyz`: it can serve, its database reachable
  /// with this build's schema (503 otherwise, for a load balancer to send requests elsewhere).
  func addHealthRoutes(to router: Router<WebContext>) {
    router.get("/healthz") { _, _ in Self.json(.object([("status", .string("ok"))]), status: .ok) }
    router.get("/readyz") { _, context in
      do {
        let schema = try await store.schemaStatus()
        let body: JSONValue = .object([
          ("status", .string(schema.isCurrent ? "ready" : "not ready")), ("database", .string("reachable")),
          ("pendingMigrations", .array(schema.pending.map { .string($0) })),
          ("unknownMigrations", .array(schema.unknown.map { .string($0) })),
        ])
        return Self.json(body, status: schema.isCurrent ? .ok : .serviceUnavailable)
      } catch {
        context.logger.error("readiness: the database cannot be read: \(error)")
        let body: JSONValue = .object([
          ("status", .string("not ready")), ("database", .string("unreachable")),
        ])
        return Self.json(body, status: .serviceUnavailable)
      }
    }
  }

  static func json(_ body: JSONValue, status: HTTPResponse.Status) -> Hummingbird.Response {
    Hummingbird.Response(
      status: status, headers: [.contentType: "application/json; charset=utf-8", .cacheControl: "no-store"],
      body: .init(byteBuffer: ByteBuffer(string: body.text)))
  }
}
