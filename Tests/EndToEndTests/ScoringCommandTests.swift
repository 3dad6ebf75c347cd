import Foundation
import Testing

@Suite("maturity validate, template and score")
struct ScoringCommandTests {
  let questionnaire = "Tests/Fixtures/questionnaires/test-assessment"
  let response = "Tests/Fixtures/responses/worked-example.response.yaml"

  @Test("validate: a valid questionnaire and response exit 0")
  func validateValid() throws {
    let result = try MaturityBinary.run([
      "validate", "\(questionnaire)/questionnaire.yaml", response, "--questionnaire", questionnaire,
    ])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("valid questionnaire") && result.stdout.contains("valid response"))
  }

  @Test("validate: every problem as FILE:LINE: message, exit 1, in the chosen language")
  func validateProblems() throws {
    let folder = try MaturityBinary.temporaryDirectory()
    let bad = folder.appendingPathComponent("bad.response.yaml").path
    try Data(
      """
      questionnaire: test-assessment
      version: "1.0"
      authority: {id: X, name: Y}
      answers:
        strategy: adoptd
        uses-ai: "no"
        ai-share: 50
        colour: blue

      """.utf8
    ).write(to: URL(fileURLWithPath: bad))
    let result = try MaturityBinary.run(["validate", bad, "--questionnaire", questionnaire])
    #expect(result.status == 1)
    let lines = result.stderr.split(separator: "\n").map(String.init)
    #expect(lines.count == 3)
    #expect(
      lines[0] == "\(bad):5: question strategy: 'adoptd' is not one of its options; did you mean 'adopted'?")
    #expect(lines[1].hasPrefix("\(bad):7: warning: question ai-share is answered but does not apply"))
    #expect(lines[2].hasPrefix("\(bad):8: 'colour' is not a question"))
    let french = try MaturityBinary.run(["validate", bad, "--questionnaire", questionnaire, "--lang", "fr"])
    #expect(french.stderr.contains("adoptd") && !french.stderr.contains("is not one of"))
  }

  @Test("score: the text view shows each dimension with a bar, score, level and coverage")
  func scoreText() throws {
    let result = try MaturityBinary.run(["score", response, "--questionnaire", questionnaire])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("Governance    ████████████░░░░░░░░   60.0  Developing  · 100% answered"))
    #expect(result.stdout.contains("Overall       ████████████░░░░░░░░   59.4  Developing"))
    #expect(result.stdout.contains("41.7"))
    #expect(!result.stdout.contains("\u{1B}["))  // no colour when piped
  }

  @Test("score finds the questionnaire by the response's id and version in MATURITY_QUESTIONNAIRES")
  func scoreFindsQuestionnaire() throws {
    let result = try MaturityBinary.run(
      ["score", response], environment: ["MATURITY_QUESTIONNAIRES": "Tests/Fixtures/questionnaires"])
    #expect(result.status == 0, "\(result.stderr)")
    let missing = try MaturityBinary.run(
      ["score", response], environment: ["MATURITY_QUESTIONNAIRES": "/nonexistent"])
    #expect(missing.status == 1)
    #expect(missing.stderr.contains("test-assessment"))
  }

  @Test(
    "score in every format and language", arguments: ["text", "json", "csv", "markdown"], ["en", "fr", "es"])
  func everyFormat(format: String, language: String) throws {
    let result = try MaturityBinary.run([
      "score", response, "--questionnaire", questionnaire, "--format", format, "--lang", language,
    ])
    #expect(result.status == 0, "\(result.stderr)")
    let name = ["en": "Governance", "fr": "Gouvernance", "es": "Gobernanza"][language]!
    if format != "csv" { #expect(result.stdout.contains(name)) }
    if format == "csv" { #expect(result.stdout.hasPrefix("authority_id,level_of_detail,dimension")) }
    if format == "markdown" { #expect(result.stdout.contains("| `strategy` |")) }
  }

  @Test("the JSON output follows its JSON Schema, and the check can fail")
  func jsonSchema() throws {
    let folder = try MaturityBinary.temporaryDirectory()
    let output = folder.appendingPathComponent("score.json").path
    let result = try MaturityBinary.run([
      "score", response, "--questionnaire", questionnaire, "--format", "json", "--output", output,
    ])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(try Self.schemaCheck(output) == 0)
    let broken = folder.appendingPathComponent("broken.json").path
    let text = try String(contentsOfFile: output, encoding: .utf8).replacingOccurrences(
      of: "\"status\": \"answered\"", with: "\"status\": \"done\"")
    try Data(text.utf8).write(to: URL(fileURLWithPath: broken))
    #expect(try Self.schemaCheck(broken) == 1)
  }

  static func schemaCheck(_ path: String) throws -> Int32 {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", "scripts/validate-json", "schemas/scorecard.schema.json", path]
    process.currentDirectoryURL = MaturityBinary.packageRoot
    process.standardError = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    return process.terminationStatus
  }

  @Test("template: YAML and CSV in each language, read back by score", arguments: ["en", "fr", "es"])
  func template(language: String) throws {
    let folder = try MaturityBinary.temporaryDirectory()
    for format in ["yaml", "csv"] {
      let path = folder.appendingPathComponent(
        "blank-\(language).\(format == "yaml" ? "response.yaml" : "csv")"
      ).path
      let made = try MaturityBinary.run([
        "template", questionnaire, "--format", format, "--lang", language, "--output", path,
      ])
      #expect(made.status == 0, "\(made.stderr)")
      var text = try String(contentsOfFile: path, encoding: .utf8)
      if format == "yaml" {
        text = text.replacingOccurrences(of: "  id: \"\"", with: "  id: \"T-1\"")
          .replacingOccurrences(of: "\n  strategy:\n", with: "\n  strategy: adopted\n")
      } else {
        text = text.replacingOccurrences(of: "@authority.id,,", with: "@authority.id,T-1,")
          .replacingOccurrences(of: "\nstrategy,,", with: "\nstrategy,adopted,")
      }
      try Data(text.utf8).write(to: URL(fileURLWithPath: path))
      let scored = try MaturityBinary.run([
        "score", path, "--questionnaire", questionnaire, "--format", "json",
      ])
      #expect(scored.status == 0, "\(scored.stderr)")
      #expect(scored.stdout.contains("\"points\": 40"))
    }
  }

  @Test("a missing or hostile response exits 1 naming the file")
  func badFiles() throws {
    let missing = try MaturityBinary.run(["score", "nope.response.yaml", "--questionnaire", questionnaire])
    #expect(missing.status == 1)
    #expect(missing.stderr.hasPrefix("nope.response.yaml: "))
    let folder = try MaturityBinary.temporaryDirectory()
    let garbage = folder.appendingPathComponent("garbage.response.yaml")
    try Data((0..<2000).map { UInt8(truncatingIfNeeded: $0 &* 37) }).write(to: garbage)
    let result = try MaturityBinary.run(["score", garbage.path, "--questionnaire", questionnaire])
    #expect(result.status == 1)
    #expect(result.stderr.hasPrefix(garbage.path))
  }
}
