import Foundation
import Testing

/// Files built to hurt (issue 15): each is refused with exit 1 and a short `FILE:LINE:` message,
/// never a crash, a flood of standard error, or a message without its line.
@Suite("hostile input: long conditions, huge values, unknown questionnaires")
struct HostileInputTests {
  let questionnaire = "Tests/Fixtures/questionnaires/test-assessment"

  @Test("validate: a skip-logic condition of 100,000 'or' terms is refused with its line, not a crash")
  func longCondition() throws {
    let folder = try MaturityBinary.temporaryDirectory()
    let path = folder.appendingPathComponent("questionnaire.yaml").path
    let chain = Array(repeating: "q1 == 'yes'", count: 100_000).joined(separator: " or ")
    try Data(
      """
      id: mini
      version: "1"
      languages: [en]
      title: {en: Mini}
      levels:
        - {id: low, name: {en: Low}, min: 0}
      dimensions:
        - id: d1
          name: {en: One}
          questions:
            - id: q1
              type: yesno
              text: {en: Q1}
            - id: q2
              type: yesno
              text: {en: Q2}
              relevant: "\(chain)"

      """.utf8
    ).write(to: URL(fileURLWithPath: path))
    let result = try MaturityBinary.run(["validate", path])
    #expect(result.status == 1)
    #expect(result.stderr.hasPrefix("\(path):17: skip logic of q2"))
    #expect(result.stderr.utf8.count < 10_000)
  }

  @Test("score: a response CSV with megabytes in its cells is refused with short messages")
  func hugeCells() throws {
    let folder = try MaturityBinary.temporaryDirectory()
    let path = folder.appendingPathComponent("huge.csv").path
    let huge = String(repeating: "x", count: 3_000_000)
    let accented = String(repeating: "é", count: 1_000_000)
    let lines = String(repeating: "no\r\n", count: 250_000)
    let csv = """
      question_id,answer,unsure
      @questionnaire,test-assessment,
      @version,1.0,
      @authority.id,X,
      @authority.name,Y,
      @authority.country,\(accented),
      strategy,\(huge),
      \(huge.prefix(1_000_000)),yes,
      uses-ai,yes,"\(lines)"

      """
    try Data(csv.utf8).write(to: URL(fileURLWithPath: path))
    let result = try MaturityBinary.run(["score", path, "--questionnaire", questionnaire])
    #expect(result.status == 1)
    #expect(result.stderr.utf8.count < 10_000, "\(result.stderr.utf8.count) bytes on standard error")
    let messages = result.stderr.split(separator: "\n")
    #expect(messages.count == 4)
    #expect(messages.allSatisfy { $0.hasPrefix("\(path):") })
    #expect(result.stderr.contains("\(path):7: question strategy: 'xxxx"))
  }

  @Test(
    "score and validate: a response naming an unknown questionnaire give the line that names it",
    arguments: ["score", "validate"])
  func unknownQuestionnaire(command: String) throws {
    let folder = try MaturityBinary.temporaryDirectory()
    let yaml = folder.appendingPathComponent("nowhere.response.yaml").path
    try Data(
      """
      # A response for a questionnaire that is not installed.
      questionnaire: nowhere
      version: "1.0"
      authority: {id: X, name: Y}
      answers: {}

      """.utf8
    ).write(to: URL(fileURLWithPath: yaml))
    let csv = folder.appendingPathComponent("nowhere.csv").path
    try Data("question_id,answer\n@authority.id,X\n@questionnaire,nowhere\n@version,1.0\n".utf8).write(
      to: URL(fileURLWithPath: csv))
    let environment = ["MATURITY_QUESTIONNAIRES": "Tests/Fixtures/questionnaires"]
    for (path, line) in [(yaml, 2), (csv, 3)] {
      let result = try MaturityBinary.run([command, path], environment: environment)
      #expect(result.status == 1)
      #expect(result.stderr.hasPrefix("\(path):\(line): "), "\(result.stderr)")
      #expect(result.stderr.contains("nowhere"))
    }
  }
}
