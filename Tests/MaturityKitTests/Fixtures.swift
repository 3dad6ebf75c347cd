import Foundation
import TestSupport

@testable import MaturityKit

/// The shared test files under `Tests/Fixtures`.
enum Fixtures {
  static let root = Repository.url("Tests/Fixtures")

  static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

  static let testQuestionnairePath = path("questionnaires/test-assessment/questionnaire.yaml")

  static func testQuestionnaire() throws -> Questionnaire {
    try QuestionnaireLoader.load(path: testQuestionnairePath).questionnaire
  }

  /// The published questionnaire, `Questionnaires/ai-data-readiness`, in its current edition.
  static func publishedQuestionnaire() throws -> Questionnaire {
    try QuestionnaireLoader.load(
      path: Repository.path("Questionnaires/ai-data-readiness/questionnaire.yaml")
    ).questionnaire
  }

  /// Scores a YAML response body (the `answers:` block is added) against the test questionnaire.
  static func score(_ answers: String, questionnaire: Questionnaire? = nil) throws -> Scorecard {
    let questionnaire = try questionnaire ?? testQuestionnaire()
    let yaml = """
      questionnaire: \(questionnaire.id)
      version: "\(questionnaire.version)"
      authority: {id: T-1, name: Test}
      answers:
      \(answers)
      """
    let response = try ResponseLoader.load(yaml: yaml, file: "r.yaml", questionnaire: questionnaire).response
    return Scorer.score(response, with: questionnaire)
  }

  /// A temporary file with `contents`.
  static func temporaryFile(_ contents: String, name: String = "file.yaml") throws -> String {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mk-\(UUID())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let url = folder.appendingPathComponent(name)
    try Data(contents.utf8).write(to: url)
    return url.path
  }
}

extension Scorecard {
  func dimension(_ id: String) -> DimensionScore { dimensions.first { $0.id == id }! }
  func question(_ id: String) -> QuestionScore { dimensions.flatMap(\.questions).first { $0.id == id }! }
}

/// Compares floating-point results computed in different orders.
func close(_ a: Double?, _ b: Double?, tolerance: Double = 1e-9) -> Bool {
  guard let a, let b else { return a == nil && b == nil }
  return abs(a - b) <= tolerance
}
