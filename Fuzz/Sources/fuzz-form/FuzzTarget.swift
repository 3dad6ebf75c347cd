import FuzzSupport
import InterfaceText
import MaturityKit
import MaturityStore
import NIOCore

@testable import MaturityWeb

/// The web app's form decoding: a URL-encoded body (first byte even), read as the answer form of
/// every question of the bundled questionnaire and as the authority form; or a multipart body
/// (odd) whose first line is its content type, split into parts as the upload does.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let (selector, rest) = FuzzInput.split(data, size)
  if selector & 1 == 0 {
    let fields = FormFields(urlEncoded: String(decoding: rest, as: UTF8.self))
    for question in FuzzInput.questionnaire.questions {
      _ = QuestionForm.read(fields, question, texts: texts)
    }
    var record = AssessmentRecord(
      questionnaireID: "ai-data-readiness", questionnaireVersion: "2026.1", authorityID: "x",
      authorityName: "X")
    _ = AuthorityForm.apply(fields, to: &record, texts: texts)
  } else {
    let lineEnd = rest.firstIndex(of: 0x0A) ?? rest.endIndex
    let contentType = String(decoding: rest[..<lineEnd], as: UTF8.self)
    guard let boundary = PostedForm.boundary(contentType), !boundary.isEmpty else { return 0 }
    let body = ByteBuffer(bytes: rest[min(lineEnd + 1, rest.endIndex)...])
    _ = try? PostedForm.parts(body, boundary: boundary)
  }
  return 0
}

let texts = TextCatalogue(language: .english)

/// The program's entry point (see `FuzzDriver`).
@_cdecl("fuzz_form_main")
func entry(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
  FuzzDriver.run(argc, argv, fuzz)
}
