import Foundation
import Hummingbird
import MultipartKit

/// Reading what a browser posted.
enum PostedForm {
  /// The fields of a URL-encoded form, at most ``WebLimits/form`` bytes.
  static func fields(_ request: inout Request) async throws -> FormFields {
    FormFields(urlEncoded: String(buffer: try await request.collectBody(upTo: WebLimits.form)))
  }

  /// The boundary of a `multipart/form-data` content type, if it is one.
  static func boundary(_ contentType: String) -> String? {
    guard contentType.lowercased().hasPrefix("multipart/form-data") else { return nil }
    return parameter("boundary", in: contentType)
  }

  /// One part of a multipart form: its field name, its file name if it is a file, its bytes.
  struct Part {
    var name: String?
    var fileName: String?
    var body: ByteBuffer
  }

  /// A multipart body that cannot be read.
  struct Unreadable: Error {}

  /// The parts of a multipart body; throws when it cannot be read.
  static func parts(_ body: ByteBuffer, boundary: String) throws -> [Part] {
    guard MultipartHeaderNames.areASCII(body, boundary: boundary) else { throw Unreadable() }
    let parser = MultipartParser(boundary: boundary)
    var parts: [Part] = []
    var disposition = ""
    var content = ByteBuffer()
    parser.onHeader = { field, value in
      if field.lowercased() == "content-disposition" { disposition = value }
    }
    parser.onBody = { chunk in content.writeBuffer(&chunk) }
    parser.onPartComplete = {
      parts.append(
        Part(
          name: parameter("name", in: disposition), fileName: parameter("filename", in: disposition),
          body: content))
      disposition = ""
      content = ByteBuffer()
    }
    try parser.execute(body)
    return parts
  }

  /// The file of a multipart upload form (field `file`), at most ``WebLimits/upload`` bytes.
  static func upload(_ request: inout Request) async throws -> (name: String, content: Data) {
    guard let boundary = boundary(request.headers[.contentType] ?? "") else {
      throw WebError.missingField(field: "file")
    }
    let body = try await request.collectBody(upTo: WebLimits.upload)
    guard let file = (try? parts(body, boundary: boundary))?.first(where: { $0.name == "file" }),
      file.body.readableBytes > 0
    else { throw WebError.missingField(field: "file") }
    let name = URL(fileURLWithPath: file.fileName ?? "peers.csv").lastPathComponent
    return (name, Data(buffer: file.body))
  }

  /// The value of `key=value` or `key="value"` among the `;`-separated parameters of a header.
  static func parameter(_ key: String, in header: String) -> String? {
    for item in header.split(separator: ";").dropFirst() {
      let parts = item.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
      if parts.count == 2, parts[0].lowercased() == key { return parts[1].trimmingCharacters(in: ["\""]) }
    }
    return nil
  }
}
