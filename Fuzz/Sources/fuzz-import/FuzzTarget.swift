import FuzzSupport
import MaturityKit

/// The survey-tool imports: the first byte chooses an import mapping YAML (0) or an export of one
/// of the tools (LimeSurvey, KoboToolbox, ODK, EUSurvey), read through the test fixtures' mapping.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let (selector, rest) = FuzzInput.split(data, size)
  let tool = Int(selector) % (mappings.count + 1)
  if tool == 0 {
    let path = FuzzInput.file(rest, name: "fuzz-mapping.yaml")
    if let mapping = try? ImportMapping.load(path: path) {
      // A mapping that loads is used on the fixture's export of its tool.
      let export = FuzzInput.root + "/Tests/Fixtures/imports/\(mapping.source.rawValue)-export.csv"
      _ = try? SurveyImporter(mapping: mapping, questionnaire: FuzzInput.testQuestionnaire).run([export])
    }
  } else {
    let path = FuzzInput.file(rest, name: "fuzz-export.csv")
    var importer = SurveyImporter(mapping: mappings[tool - 1], questionnaire: FuzzInput.testQuestionnaire)
    importer.merge = selector & 0x80 != 0
    importer.completeOnly = selector & 0x40 != 0
    _ = try? importer.run([path])
  }
  return 0
}

/// The fixtures' mapping of each tool.
let mappings = ["limesurvey", "kobo", "odk", "eusurvey"].map { tool in
  do {
    return try ImportMapping.load(path: FuzzInput.root + "/Tests/Fixtures/imports/\(tool)-mapping.yaml")
  } catch {
    fatalError("fuzz setup: \(tool) mapping: \(error)")
  }
}

/// The program's entry point (see `FuzzDriver`).
@_cdecl("fuzz_import_main")
func entry(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
  FuzzDriver.run(argc, argv, fuzz)
}
