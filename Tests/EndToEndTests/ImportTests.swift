import Foundation
import Testing

@Suite("maturity import")
struct ImportTests {
  let environment = ["MATURITY_QUESTIONNAIRES": "Tests/Fixtures/questionnaires"]

  func importing(_ source: String, _ extra: [String] = [], export: String? = nil) throws -> (
    MaturityBinary.Result, URL
  ) {
    let folder = try MaturityBinary.temporaryDirectory().appendingPathComponent("out")
    let result = try MaturityBinary.run(
      [
        "import", "--from", source, export ?? "Tests/Fixtures/imports/\(source)-export.csv", "--mapping",
        "Tests/Fixtures/imports/\(source)-mapping.yaml", "--output", folder.path,
      ] + extra, environment: environment)
    return (result, folder)
  }

  func overall(_ path: String) throws -> String {
    let result = try MaturityBinary.run(["score", path, "--format", "json"], environment: environment)
    #expect(result.status == 0, "\(result.stderr)")
    return String(result.stdout.split(separator: "\"overall\"")[1].split(separator: "\"level\"")[0])
  }

  @Test(
    "LimeSurvey: answer codes, Y columns per option, 'other' as a comment, the newest complete response per authority"
  )
  func limesurvey() throws {
    let (result, folder) = try importing("limesurvey")
    #expect(result.status == 0, "\(result.stderr)")
    #expect(
      result.stderr.contains(
        "limesurvey-export.csv:2: warning: authority ES-TEST-1 has several responses (lines 2, 4)"))
    let imported = folder.appendingPathComponent("ES-TEST-1.response.yaml").path
    let text = try String(contentsOfFile: imported, encoding: .utf8)
    #expect(text.contains("comment: \"and training plans\""))
    // The same answers as the worked example (without its unsure mark): the same points.
    #expect(try overall(imported).contains("\"points\": 62.5"))
    // The incomplete response of ES-TEST-2 is imported as such, or left out with --complete-only.
    #expect(
      FileManager.default.fileExists(atPath: folder.appendingPathComponent("ES-TEST-2.response.yaml").path))
    let (completeOnly, second) = try importing("limesurvey", ["--complete-only"])
    #expect(completeOnly.status == 0)
    #expect(
      !FileManager.default.fileExists(atPath: second.appendingPathComponent("ES-TEST-2.response.yaml").path))
    let (merged, third) = try importing("limesurvey", ["--merge"])
    #expect(merged.stderr.contains("they are merged"))
    #expect(
      FileManager.default.fileExists(atPath: third.appendingPathComponent("ES-TEST-1.response.yaml").path))
  }

  @Test("a survey comment without an answer is imported as a note without an answer, and scores as blank")
  func commentWithoutAnswer() throws {
    let export = try MaturityBinary.temporaryFile(
      "export.csv",
      """
      "id","submitdate","AUTH","NAME","POP","Q1","Q2","Q3","Q4[SQ001]","Q4[SQ002]","Q4[SQ003]","Q4[other]","Q5","Q6","Q7","Q8"
      "1","2025-10-15 10:01:02","ES-TEST-7","Villa","4000","A2","N","A9","","","","a plan for 2026","12","N","",""

      """)
    let (result, folder) = try importing("limesurvey", export: export)
    #expect(result.status == 0, "\(result.stderr)")
    let text = try String(
      contentsOfFile: folder.appendingPathComponent("ES-TEST-7.response.yaml").path, encoding: .utf8)
    #expect(text.contains("  practices:\n    comment: \"a plan for 2026\"\n"))
    let score = try MaturityBinary.run(
      ["score", folder.appendingPathComponent("ES-TEST-7.response.yaml").path, "--format", "json"],
      environment: environment)
    #expect(score.stdout.contains("\"id\": \"practices\""))
    #expect(
      score.stdout.split(separator: "\"id\": \"practices\"")[1].prefix(400).contains(
        "\"status\": \"missing\""))
  }

  @Test(
    "Kobo (0/1 option columns, semicolons), ODK (space-separated multi), EUSurvey or any CSV",
    arguments: [
      ("kobo", "FR-TEST-9", "catalogue\", \"quality"), ("odk", "IT-TEST-3", "catalogue\", \"training"),
      ("eusurvey", "BE-TEST-4", "catalogue\", \"quality"),
    ])
  func otherTools(source: String, authority: String, practices: String) throws {
    let (result, folder) = try importing(source)
    #expect(result.status == 0, "\(result.stderr)")
    let text = try String(
      contentsOfFile: folder.appendingPathComponent("\(authority).response.yaml").path, encoding: .utf8)
    #expect(text.contains(practices))
    #expect(
      try MaturityBinary.run(
        ["validate", folder.appendingPathComponent("\(authority).response.yaml").path],
        environment: environment
      ).status == 0)
  }

  @Test("a bad export: every problem with line and column, and nothing written")
  func badExport() throws {
    let (result, folder) = try importing(
      "limesurvey", [], export: "Tests/Fixtures/imports/limesurvey-bad.csv")
    #expect(result.status == 1)
    let file = "Tests/Fixtures/imports/limesurvey-bad.csv"
    #expect(result.stderr.contains("\(file):2:6: question strategy: 'A7' is not one of its options"))
    #expect(result.stderr.contains("\(file):2: column 'Q4[SQ002]': 'maybe' is neither ticked"))
    #expect(result.stderr.contains("\(file):2:15: question ai-share: '140' is not a percentage"))
    #expect(!FileManager.default.fileExists(atPath: folder.path))
  }

  @Test("--dry-run says what it would write and writes nothing")
  func dryRun() throws {
    let (result, folder) = try importing("kobo", ["--dry-run"])
    #expect(result.status == 0)
    #expect(result.stdout.contains("would write") && result.stdout.contains("FR-TEST-9.response.yaml"))
    #expect(!FileManager.default.fileExists(atPath: folder.path))
  }

  @Test("--suggest-mapping matches group/question and question/option columns, and lists the rest")
  func suggestMapping() throws {
    let result = try MaturityBinary.run(
      [
        "import", "--from", "kobo", "Tests/Fixtures/imports/kobo-export.csv", "--suggest-mapping",
        "--questionnaire",
        "test-assessment",
      ], environment: environment)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("  strategy: \"gov/strategy\""))
    #expect(result.stdout.contains("  id: \"authority/id\""))
    #expect(
      result.stdout.contains("      catalogue: \"gov/practices/catalogue\"")
        || result.stdout.contains("  practices: \"gov/practices\""))
    #expect(result.stdout.contains("# Questions without a column yet:"))
    #expect(result.stdout.contains("date: \"_submission_time\""))
  }
}

@Suite("Reporting every problem")
struct EveryProblemTests {
  @Test("a command that fails on a file prints every problem, not only the first (regression)")
  func allLines() throws {
    let folder = try MaturityBinary.temporaryDirectory()
    let path = folder.appendingPathComponent("two.response.yaml").path
    try Data(
      "questionnaire: test-assessment\nversion: \"1.0\"\nauthority: {id: X, name: Y}\nanswers:\n  strategy: A7\n  uses-ai: \"yes\"\n  ai-share: 140\n"
        .utf8
    )
    .write(to: URL(fileURLWithPath: path))
    let result = try MaturityBinary.run([
      "score", path, "--questionnaire", "Tests/Fixtures/questionnaires/test-assessment",
    ])
    #expect(result.status == 1)
    #expect(result.stderr.split(separator: "\n").count == 2)
    #expect(result.stderr.contains("\(path):5:") && result.stderr.contains("\(path):7:"))
  }
}
