import Foundation
import Testing

@testable import MaturityKit

@Suite("Exclusive options")
struct ExclusiveOptionTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  func questionnaire() throws -> Questionnaire {
    try QuestionnaireLoader.load(
      path: Self.root.appendingPathComponent("Questionnaires/ai-data-readiness/questionnaire.yaml").path
    ).questionnaire
  }

  func response(_ answer: String, _ questionnaire: Questionnaire) throws -> Response {
    try ResponseLoader.load(
      yaml: """
        questionnaire: \(questionnaire.id)
        version: "\(questionnaire.version)"
        authority: {id: T-1, name: Test}
        answers:
          eco-business: \(answer)
        """, file: "r.yaml", questionnaire: questionnaire
    ).response
  }

  @Test("every multiple choice of the 2026 edition marks its 'none' exclusive")
  func marked() throws {
    let questionnaire = try questionnaire()
    for question in questionnaire.questions where question.type == .multi {
      for option in question.options {
        #expect(option.isExclusive == (option.id == "none"), "\(question.id)")
      }
    }
  }

  @Test("'none' alone is an answer; with another tick it is refused, naming the option")
  func refusedWithOthers() throws {
    let questionnaire = try questionnaire()
    #expect(try response("[none]", questionnaire).value("eco-business") == .options(["none"]))
    #expect(
      try response("[challenge, cluster]", questionnaire).value("eco-business")
        == .options(["challenge", "cluster"]))
    let error = #expect(throws: Problems.self) { try response("[none, challenge]", questionnaire) }
    #expect(
      error?.all.contains { $0.code == "response.exclusiveWithOthers" && $0.arguments["option"] == "none" }
        == true)
  }
}
