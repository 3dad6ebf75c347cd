import FuzzSupport
import MaturityKit

/// A response file against the bundled questionnaire: YAML when the first byte is even, CSV when
/// it is odd; a response that loads is scored too.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let (selector, rest) = FuzzInput.split(data, size)
  let path = FuzzInput.file(rest, name: selector & 1 == 0 ? "fuzz.response.yaml" : "fuzz.response.csv")
  if let loaded = try? ResponseLoader.load(path: path, questionnaire: FuzzInput.questionnaire) {
    _ = Relevance.relevantQuestions(loaded.response, FuzzInput.questionnaire)
  }
  return 0
}

/// The program's entry point (see `FuzzDriver`).
@_cdecl("fuzz_response_main")
func entry(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
  FuzzDriver.run(argc, argv, fuzz)
}
