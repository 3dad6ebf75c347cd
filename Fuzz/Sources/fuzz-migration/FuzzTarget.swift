import FuzzSupport
import MaturityKit

/// An edition migration file between two editions: the bundled questionnaire's (first byte even)
/// or the test questionnaire's (odd).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let (selector, rest) = FuzzInput.split(data, size)
  let (source, target) =
    selector & 1 == 0
    ? (FuzzInput.earlierEdition, FuzzInput.questionnaire)
    : (FuzzInput.testQuestionnaire, FuzzInput.testNextEdition)
  _ = try? EditionMigrationLoader.load(
    yaml: String(decoding: rest, as: UTF8.self), file: "fuzz-migration.yaml", source: source, target: target)
  return 0
}

/// The program's entry point (see `FuzzDriver`).
@_cdecl("fuzz_migration_main")
func entry(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
  FuzzDriver.run(argc, argv, fuzz)
}
