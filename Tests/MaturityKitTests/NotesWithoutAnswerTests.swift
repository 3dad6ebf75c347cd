import Foundation
import InterfaceText
import Testing

@testable import MaturityKit

@Suite("Notes without an answer")
struct NotesWithoutAnswerTests {
  let header =
    "questionnaire: test-assessment\nversion: \"1.0\"\nauthority: {id: T-1, name: Test}\nanswers:\n"

  @Test("a YAML entry with a comment, evidence or unsure mark and no value is kept, and scores as blank")
  func yamlKeepsNotes() throws {
    let questionnaire = try Fixtures.testQuestionnaire()
    let yaml =
      header
      + "  strategy: {comment: \"Waiting for the council\", unsure: true}\n  uses-ai: {evidence: \"https://x.example\"}\n"
    let response = try ResponseLoader.load(yaml: yaml, file: "r.yaml", questionnaire: questionnaire).response
    #expect(response.answer("strategy")?.comment == "Waiting for the council")
    #expect(response.answer("strategy")?.value == nil)
    #expect(response.answer("uses-ai")?.evidence == "https://x.example")
    #expect(response.value("strategy") == nil)
    let blank = try ResponseLoader.load(yaml: header, file: "b.yaml", questionnaire: questionnaire).response
    let noted = Scorer.score(response, with: questionnaire)
    let plain = Scorer.score(blank, with: questionnaire)
    #expect(noted.overall == plain.overall)
    #expect(noted.dimensions.map(\.totals) == plain.dimensions.map(\.totals))
    #expect(noted.dimensions[0].questions[0].status == .missing)
  }

  @Test("written back to YAML without a value, and read back the same")
  func yamlRoundTrip() throws {
    let questionnaire = try Fixtures.testQuestionnaire()
    let yaml = header + "  strategy: {comment: \"Waiting\", unsure: true}\n  paper-forms: \"no\"\n"
    let response = try ResponseLoader.load(yaml: yaml, file: "r.yaml", questionnaire: questionnaire).response
    let written = ResponseYAMLWriter.yaml(response, questionnaire: questionnaire)
    #expect(written.contains("  strategy:\n    unsure: true\n    comment: \"Waiting\"\n"))
    let again = try ResponseLoader.load(yaml: written, file: "w.yaml", questionnaire: questionnaire).response
    #expect(again.answers.map(\.value) == response.answers.map(\.value))
    #expect(again.answer("strategy")?.comment == "Waiting")
  }

  @Test("a CSV row with an empty answer and a comment keeps the comment; the template writes it back")
  func csvKeepsNotes() throws {
    let questionnaire = try Fixtures.testQuestionnaire()
    let csv = try Fixtures.temporaryFile(
      "question_id,answer,unsure,comment,evidence\n@questionnaire,test-assessment,,,\n@version,1.0,,,\n@authority.id,T,,,\nstrategy,,x,Ask the mayor,\nowner,,,,\n",
      name: "r.csv")
    let response = try ResponseLoader.load(path: csv, questionnaire: questionnaire).response
    #expect(response.answers.count == 1)
    #expect(response.answer("strategy")?.comment == "Ask the mayor")
    #expect(response.answer("strategy")?.unsure == true)
    let template = String(
      decoding: ResponseTemplate.csv(
        questionnaire, texts: TextCatalogue(language: .english), response: response), as: UTF8.self)
    #expect(template.contains("strategy,,yes,Ask the mayor,"))
  }

  @Test("a survey-tool comment without an answer is kept through the import")
  func writtenAnswersKeepNotes() throws {
    let questionnaire = try Fixtures.testQuestionnaire()
    let header = Response(
      questionnaireID: "test-assessment", version: "1.0", authority: Authority(id: "T", name: "T"))
    let assembled = try ResponseLoader.assemble(
      header, answers: [WrittenAnswer(questionID: "strategy", value: nil, comment: "later")],
      questionnaire: questionnaire)
    #expect(assembled.response.answer("strategy")?.comment == "later")
    #expect(WrittenAnswer(assembled.response.answers[0]).value == nil)
  }
}
