import Foundation
import TestSupport
import Testing

@testable import MaturityKit

/// One reading of a response file decides its questionnaire; its answers are then checked
/// against it.
@Suite("Response files")
struct ResponseFileTests {
  let locator = QuestionnaireLocator(folders: [Repository.path("Questionnaires")])
  let earlier = Repository.path("Tests/Fixtures/responses/edition-2025.1/region.response.yaml")

  @Test("a response is checked against the edition it names, or the questionnaire given instead")
  func namedEditionOrReference() throws {
    let file = try ResponseFile(path: earlier)
    #expect(try file.questionnaire(locator).version == "2025.1")
    #expect(try file.currentEdition(locator).version == "2026.1")
    let given = try file.questionnaire(locator, reference: Fixtures.testQuestionnairePath)
    #expect(given.id == "test-assessment")
    #expect(try file.response(on: file.questionnaire(locator)).response.authority.id == "IT-SYN-0003")
  }

  @Test("a response of an earlier edition is carried over to the current one from the same reading")
  func carriedOver() throws {
    let file = try ResponseFile(path: earlier)
    let loaded = try locator.response(
      in: file, on: file.currentEdition(locator), texts: .init(language: .english))
    #expect(loaded.migrated?.from == "2025.1")
    #expect(loaded.response.version == "2026.1")
  }

  @Test("a response naming no questionnaire is refused with the file's own problems")
  func namesNoQuestionnaire() throws {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("\(UUID()).response.yaml").path
    try "authority: {id: X}\nanswers: {}\n".write(toFile: path, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(atPath: path) }
    let file = try ResponseFile(path: path)
    #expect(throws: Problems.self) { try file.questionnaire(locator) }
    #expect(throws: Problems.self) { try file.currentEdition(locator) }
    #expect(try file.questionnaire(locator, reference: "ai-data-readiness").id == "ai-data-readiness")
  }
}
