import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import MaturityStore
import TestSupport
import Testing

@testable import MaturityWeb

/// What an operator's tools read: health, readiness, metrics and the JSON log.
@Suite struct OperationsTests {
  @Test(arguments: TestDatabase.available) func readinessFollowsTheDatabase(_ database: TestDatabase)
    async throws
  {
    let fixture = try await NetworkFixture.make(database)
    try await Application(router: fixture.app.router()).test(.router) { client in
      let ready = try await client.execute(uri: "/readyz", method: .get)
      #expect(ready.status == .ok && String(buffer: ready.body).contains("\"ready\""))
      #expect(ready.headers[HTTPField.Name("X-Request-Id")!]?.isEmpty == false)
      // The database gone: not ready, while the process still answers.
      await fixture.store.close()
      let gone = try await client.execute(uri: "/readyz", method: .get)
      #expect(gone.status == .serviceUnavailable && String(buffer: gone.body).contains("unreachable"))
      let health = try await client.execute(uri: "/healthz", method: .get)
      #expect(health.status == .ok)
    }
  }

  @Test func metricsCountRequestsByRouteAndStatusAndSessions() async throws {
    ServerMetrics.enable()
    let fixture = try await NetworkFixture.make(.sqlite)
    _ = try await fixture.session(.member)
    try await Application(router: fixture.app.router()).test(.router) { client in
      _ = try await client.execute(uri: "/healthz", method: .get)
      _ = try await client.execute(uri: "/invitations/\(String(repeating: "0", count: 64))", method: .get)
    }
    let metrics = ServerMetrics.application(
      host: "127.0.0.1", port: 0, store: fixture.store, sessionIdleLimit: 3600)
    try await metrics.test(.router) { client in
      let response = try await client.execute(uri: "/metrics", method: .get)
      #expect(response.status == .ok)
      #expect(response.headers[.contentType]?.hasPrefix("text/plain; version=0.0.4") == true)
      let text = String(buffer: response.body)
      #expect(text.contains(#"route="/healthz""#))
      // The route's pattern, never the token of the path.
      #expect(text.contains(#"route="/invitations/{token}""#) && !text.contains("0000000000"))
      #expect(text.contains("maturity_sessions_active 1"))
      #expect(text.contains("# TYPE http_server_request_duration_seconds histogram"))
    }
    await fixture.store.close()
  }

  @Test func aJSONLogLineIsOneObjectWithTheRequestID() throws {
    let event = LogEvent(
      level: .info, message: "first\nsecond \"quoted\"", error: nil, metadata: nil, source: "test",
      file: #fileID, function: #function, line: #line)
    let line = JSONLogHandler.line(
      event: event, label: "Hummingbird",
      metadata: ["hb.request.id": "7f3a", "route": "/assessments/{id}", "tags": ["a", "b"]],
      at: Date(timeIntervalSince1970: 1_796_400_000.25))
    #expect(!line.contains("\n"))
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
    #expect(object["time"] as? String == "2026-12-04T16:00:00.250Z")
    #expect(object["level"] as? String == "info" && object["logger"] as? String == "Hummingbird")
    #expect(object["message"] as? String == "first\nsecond \"quoted\"")
    #expect(object["request_id"] as? String == "7f3a" && object["hb.request.id"] == nil)
    #expect(object["route"] as? String == "/assessments/{id}" && object["tags"] as? [String] == ["a", "b"])
  }

  @Test func theVisitorsAddressComesFromTrustedProxiesOnly() {
    let settings = NetworkSettings(
      publicURL: "https://m.example.eu", trustedProxies: ["127.0.0.1", "10.0.0.2"])
    // A visitor's own header is not believed…
    #expect(settings.clientAddress(peer: "198.51.100.4", forwardedFor: ["6.6.6.6"]) == "198.51.100.4")
    // …nor what it put first in a header that proxies then appended to.
    #expect(
      settings.clientAddress(peer: "127.0.0.1", forwardedFor: ["6.6.6.6, 203.0.113.7", "10.0.0.2"])
        == "203.0.113.7")
    #expect(settings.clientAddress(peer: "127.0.0.1", forwardedFor: []) == "127.0.0.1")
    #expect(
      NetworkSettings(publicURL: "https://m.example.eu").clientAddress(
        peer: "127.0.0.1", forwardedFor: ["203.0.113.7"]) == "127.0.0.1")
  }
}
