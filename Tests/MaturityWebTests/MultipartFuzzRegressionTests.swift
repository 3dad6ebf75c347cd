import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import MaturityWeb

/// Crashes the `form` fuzz target found (Fuzz/, docs/reliability.md), kept as tests.
@Suite struct MultipartFuzzRegressionTests {
  /// A part whose header name holds a byte of 0x80 or more (here from the fuzzer's input: the
  /// bytes 0x8B 0x8C in "Content-Disposition"). MultipartKit indexes a 128-entry table with it.
  static func body(headerName: [UInt8], boundary: String) -> ByteBuffer {
    var bytes =
      Array("--\(boundary)\r\n".utf8) + headerName + Array(": form-data; name=\"file\"\r\n\r\n".utf8)
    bytes += Array("authority_id,country\r\na,FR\r\n--\(boundary)--\r\n".utf8)
    return ByteBuffer(bytes: bytes)
  }

  static let crashingName: [UInt8] =
    Array("Content-Disp".utf8) + [0x8B, 0x8C, 0x96, 0x8B] + Array("ion".utf8)

  @Test func aHeaderNameWithANonASCIIByteIsRefusedNotATrap() throws {
    #expect(throws: PostedForm.Unreadable.self) {
      try PostedForm.parts(Self.body(headerName: Self.crashingName, boundary: "b"), boundary: "b")
    }
  }

  @Test func nonASCIIInHeaderValuesAndBodiesStillReads() throws {
    let boundary = "----x1"
    let text =
      "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"données.csv\"\r\n\r\n"
      + "Émile: été\r\n--\(boundary)\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nça\r\n--\(boundary)--\r\n"
    let parts = try PostedForm.parts(ByteBuffer(string: text), boundary: boundary)
    #expect(parts.map(\.name) == ["file", "note"])
    #expect(parts.first?.fileName == "données.csv")
    #expect(parts.first.map { String(buffer: $0.body) } == "Émile: été")
  }

  /// Through the app: the multipart body is read for its CSRF token before anything else, so
  /// this reached any visitor; now the upload is refused and the server goes on.
  @Test func anUploadWithSuchAHeaderIsRefusedAndTheAppGoesOn() async throws {
    try await withVisitor { visitor, store in
      var headers: HTTPFields = [.contentType: "multipart/form-data; boundary=b"]
      headers[.cookie] = "maturity_csrf=\(visitor.token)"
      headers[HTTPField.Name("X-CSRF-Token")!] = visitor.token
      let refused = try await visitor.client.execute(
        uri: "/peers", method: .post, headers: headers,
        body: Self.body(headerName: Self.crashingName, boundary: "b"))
      #expect(refused.status == .unprocessableContent)
      await #expect(try store.peerSets().isEmpty)
      let without = try await visitor.client.execute(
        uri: "/peers", method: .post, headers: [.contentType: "multipart/form-data; boundary=b"],
        body: Self.body(headerName: Self.crashingName, boundary: "b"))
      #expect(without.status == .forbidden)
      #expect(try await visitor.get("/").status == .ok)
    }
  }
}
