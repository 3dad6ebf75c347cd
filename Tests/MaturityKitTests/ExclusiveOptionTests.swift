import Foundation
import InterfaceText
import Testing

@testable import MaturityKit

@Suite("Exclusive options")
struct ExclusiveOptionTests {
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
    let questionnaire = try Fixtures.publishedQuestionnaire()
    for question in questionnaire.questions where question.type == .multi {
      for option in question.options {
        #expect(option.isExclusive == (option.id == "none"), "\(question.id)")
      }
    }
  }

  @Test("'none' alone is an answer; with another tick it is refused, naming the option")
  func refusedWithOthers() throws {
    let questionnaire = try Fixtures.publishedQuestionnaire()
    #expect(try response("[none]", questionnaire).value("eco-business") == .options(["none"]))
    #expect(
      try response("[challenge, cluster]", questionnaire).value("eco-business")
        == .options(["challenge", "cluster"]))
    let error = #expect(throws: Problems.self) { try response("[none, challenge]", questionnaire) }
    #expect(
      error?.all.contains { $0.code == "response.exclusiveWithOthers" && $0.arguments["option"] == "none" }
        == true)
  }

  @Test("filling in at the terminal refuses an exclusive option with other ticks")
  func terminal() throws {
    let yaml = try String(contentsOfFile: Fixtures.testQuestionnairePath, encoding: .utf8)
      .replacingOccurrences(
        of: "- {id: catalogue, label: {en: Catalogue, fr: Catalogue, es: Catálogo}, credit: 0.5}",
        with:
          "- {id: catalogue, label: {en: Catalogue, fr: Catalogue, es: Catálogo}, credit: 0.5, exclusive: true}"
      )
    let questionnairePath = try Fixtures.temporaryFile(yaml, name: "questionnaire.yaml")
    let questionnaire = try QuestionnaireLoader.load(path: questionnairePath).questionnaire
    let path = try Fixtures.temporaryFile("", name: "f.response.yaml")
    let session = FillSession(
      questionnaire: questionnaire,
      response: Response(
        questionnaireID: questionnaire.id, version: questionnaire.version,
        authority: Authority(id: "T", name: "T"),
        file: path), path: path, texts: TextCatalogue(language: .english))
    for answer in ["draft", "no", "cdo"] { _ = try session.handle(answer) }
    #expect(
      try session.handle("catalogue training")
        == .retry("'catalogue' cannot be ticked with other options: give it alone."))
    #expect(
      try session.handle("catalogue")
        != .retry("'catalogue' cannot be ticked with other options: give it alone."))
  }
}
