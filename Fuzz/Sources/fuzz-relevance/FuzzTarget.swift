import FuzzSupport
import MaturityKit

/// A skip-logic expression (`relevant:`), parsed, then evaluated against answers of every kind.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  guard
    let expression = try? RelevanceExpression(String(decoding: FuzzInput.bytes(data, size), as: UTF8.self))
  else { return 0 }
  let answers: [AnswerValue] = [.option("yes"), .boolean(true), .options(["a", "b"]), .number(42)]
  let context = AuthorityContext(type: .municipality, population: 50_000, country: "FR")
  for index in answers.indices {
    _ = expression.evaluate(context: context) { id in answers[(id.utf8.count + index) % answers.count] }
  }
  _ = expression.evaluate(context: AuthorityContext()) { _ in nil }
  return 0
}

/// The program's entry point (see `FuzzDriver`).
@_cdecl("fuzz_relevance_main")
func entry(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
  FuzzDriver.run(argc, argv, fuzz)
}
