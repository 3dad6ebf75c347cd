import Foundation
import Testing

@testable import MaturityKit

@Suite("Survey imports read answers as validate does")
struct SurveyImportTests {
  @Test("a multiple choice answered 'na', 'don't know' or by option labels, in one column")
  func specialAnswersOfMultipleChoices() throws {
    let questionnaire = try Fixtures.publishedQuestionnaire()
    let question = try #require(questionnaire.question("opn-hvd"))
    #expect(SurveyImporter.value("na", of: question, codes: [:], separator: " ") == .scalar("na"))
    #expect(
      SurveyImporter.value("Sans objet", of: question, codes: [:], separator: " ") == .scalar("Sans objet"))
    // A whole label with spaces is one option; ids are split at the separator.
    #expect(
      SurveyImporter.value(
        "Weather measurements from our own stations", of: question, codes: [:], separator: " ")
        == .list(["Weather measurements from our own stations"]))
    #expect(
      SurveyImporter.value("geospatial mobility", of: question, codes: [:], separator: " ")
        == .list(["geospatial", "mobility"]))
    #expect(
      SurveyImporter.value(
        "A1;A3", of: question, codes: ["A1": "geospatial", "A3": "mobility"], separator: ";")
        == .list(["geospatial", "mobility"]))
  }

  @Test("an export answering 'na' to a multiple choice imports as validate reads it")
  func importsNotApplicable() throws {
    let questionnaire = try Fixtures.publishedQuestionnaire()
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let export = folder.appendingPathComponent("export.csv").path
    try Data(
      "SubmissionDate,authority-authority_id,authority-authority_name,opn-opn-hvd\n2025-10-01T08:00:00Z,ES-1,Villa,na\n"
        .utf8
    )
    .write(to: URL(fileURLWithPath: export))
    let mapping = ImportMapping(
      questionnaire: questionnaire.id, version: questionnaire.version, source: .odk,
      authorityColumns: ["id": "authority-authority_id", "name": "authority-authority_name"],
      authorityValues: [:],
      dateColumn: nil, completeColumn: nil,
      questions: [
        .init(
          questionID: "opn-hvd", column: "opn-opn-hvd", optionColumns: [:], codes: [:], separator: " ",
          commentColumns: [])
      ])
    let result = try SurveyImporter(mapping: mapping, questionnaire: questionnaire).run([export])
    #expect(result.responses.count == 1)
    #expect(result.responses.first?.answer("opn-hvd")?.value == .notApplicable)
    #expect(result.responses.first?.date == "2025-10-01")
  }
}
