import Foundation
import TestSupport
import Testing

@testable import MaturityKit

@Suite("The compiled scoring plan")
struct ScoringPlanTests {
  static func questionnaires() throws -> [Questionnaire] {
    let defaultPath = Repository.root.appendingPathComponent(
      "Questionnaires/ai-data-readiness/questionnaire.yaml"
    ).path
    var points = try Fixtures.testQuestionnaire()
    points.aggregation = .points
    return [
      try Fixtures.testQuestionnaire(), points, try QuestionnaireLoader.load(path: defaultPath).questionnaire,
    ]
  }

  @Test("scores exactly what the engine scores, on thousands of synthetic responses")
  func planEqualsEngine() throws {
    for questionnaire in try Self.questionnaires() {
      let plan = ScoringPlan(questionnaire)
      let width = questionnaire.dimensions.count + 1
      var compared = 0
      try SyntheticPeers(questionnaire: questionnaire, count: 1500, seed: 99).forEach { assessment in
        let card = Scorer.score(assessment.response, with: questionnaire)
        var fromAnswers = [ScoringPlan.Code](repeating: .missing, count: plan.questionCount)
        var fromBytes = fromAnswers
        for answer in assessment.response.answers {
          let index = try #require(plan.index(of: answer.questionID))
          fromAnswers[index] = try #require(plan.encode(answer))
          var text = try #require(answer.value).formatted
          fromBytes[index] = try text.withUTF8 {
            try plan.encode($0, question: index, unsure: answer.unsure).get()
          }
        }
        #expect(fromBytes == fromAnswers)
        var output = [Double](repeating: 0, count: width)
        var relevant = [Bool](repeating: false, count: plan.questionCount)
        fromAnswers.withUnsafeBufferPointer { codes in
          relevant.withUnsafeMutableBufferPointer { scratch in
            output.withUnsafeMutableBufferPointer {
              plan.score(
                codes, context: AuthorityContext(assessment.response.authority), relevant: scratch, into: $0)
            }
          }
        }
        let expected = card.dimensions.map(\.score) + [card.overall.score]
        for (got, want) in zip(output, expected) {
          #expect(
            got.isNaN ? want == nil : got == want,
            "\(assessment.response.authority.id): \(output) vs \(expected)")
        }
        compared += 1
      }
      #expect(compared > 1500)
    }
  }

  @Test("answers that are not valid for their question are refused with the reason")
  func encodingFailures() throws {
    let plan = ScoringPlan(try Fixtures.testQuestionnaire())
    func encode(_ text: String, _ question: String) -> Result<ScoringPlan.Code, ScoringPlan.EncodingFailure> {
      var text = text
      return text.withUTF8 { plan.encode($0, question: plan.index(of: question)!) }
    }
    #expect(encode("nope", "strategy") == .failure(.unknownOption("nope")))
    #expect(encode("na", "paper-forms") == .failure(.notApplicableNotAllowed))
    #expect(encode("unknown", "strategy") == .failure(.unknownNotAllowed))
    #expect(encode("maybe", "uses-ai") == .failure(.notYesNo))
    #expect(encode("12a", "datasets") == .failure(.notNumber))
    #expect(encode("101", "ai-share") == .failure(.percentRange))
    #expect(encode("catalogue|bogus", "practices") == .failure(.unknownOption("bogus")))
    #expect(
      encode(" 40,5 ", "ai-share")
        == .success(ScoringPlan.Code(kind: .value, unsure: false, bits: 40.5.bitPattern)))
    #expect(encode("YES", "uses-ai") == .success(ScoringPlan.Code(kind: .value, unsure: false, bits: 1)))
  }
}
