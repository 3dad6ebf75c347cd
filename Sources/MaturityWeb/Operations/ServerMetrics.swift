import Foundation
import Hummingbird
import MaturityStore
import Metrics
import NIOCore
import Prometheus

/// The server's metrics in Prometheus's text format, at `/metrics` on the address given by
/// `maturity serve --metrics-address` (never on the app's own address).
///
/// Requests by route and status with their latency (Hummingbird's `MetricsMiddleware`), answers
/// saved, sign-ins, active sessions, and the database's operations and connections.
public enum ServerMetrics {
  /// The registry of this process, set up as swift-metrics' backend the first time it is used.
  static let registry: PrometheusCollectorRegistry = {
    let registry = PrometheusCollectorRegistry()
    var factory = PrometheusMetricsFactory(registry: registry)
    factory.nameAndLabelSanitizer = { name, labels in
      (prometheusNames[name] ?? name, labels.map { (prometheusLabels[$0.0] ?? $0.0, $0.1) })
    }
    MetricsSystem.bootstrap(factory)
    return registry
  }()

  /// Hummingbird's metric names, as Prometheus names them.
  private static let prometheusNames = [
    "hb.requests": "http_server_requests_total",
    "hb.request.errors": "http_server_request_errors_total",
    "http.server.request.duration": "http_server_request_duration_seconds",
    "http.server.active_requests": "http_server_active_requests",
  ]
  private static let prometheusLabels = [
    "http.route": "route", "http.request.method": "method", "http.response.status_code": "status",
    "error.type": "status",
  ]

  /// Starts recording: call before the app handles its first request.
  public static func enable() { _ = registry }

  /// Answers saved, from a form or one at a time.
  static func answersSaved(_ count: Int) {
    Counter(label: "maturity_answers_saved_total").increment(by: count)
  }

  /// A sign-in, `succeeded` or not.
  static func signIn(succeeded: Bool) {
    Counter(label: "maturity_sign_ins_total", dimensions: [("result", succeeded ? "success" : "failure")])
      .increment()
  }

  /// The application serving `/metrics` on `host:port`: the metrics of this process, with the
  /// number of active sessions read from `store` at each scrape.
  public static func application(
    host: String, port: Int, store: Store, sessionIdleLimit: TimeInterval?,
    onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
  ) -> some ApplicationProtocol {
    let router = Router()
    router.get("/metrics") { _, context in
      if let sessionIdleLimit {
        do {
          let count = try await store.activeSessionCount(idleLimit: sessionIdleLimit)
          Gauge(label: "maturity_sessions_active").record(count)
        } catch {
          context.logger.error("metrics: the sessions cannot be counted: \(error)")
        }
      }
      var buffer: [UInt8] = []
      registry.emit(into: &buffer)
      return Response(
        status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
        body: .init(byteBuffer: ByteBuffer(bytes: buffer)))
    }
    return Application(
      router: router,
      configuration: .init(address: .hostname(host, port: port), serverName: "maturity-metrics"),
      onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? port) })
  }
}
