import FuzzSupport
import MaturityKit

/// A questionnaire YAML file, loaded and checked as `maturity validate` does.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let path = FuzzInput.file(FuzzInput.bytes(data, size), name: "questionnaire.yaml")
  _ = try? QuestionnaireLoader.load(path: path)
  return 0
}

/// The program's entry point (see `FuzzDriver`).
@_cdecl("fuzz_questionnaire_main")
func entry(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
  FuzzDriver.run(argc, argv, fuzz)
}
