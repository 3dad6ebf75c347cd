import TestSupport
import Testing

@testable import MaturityKit

/// Gaps are computed once; the report and the plan show the same ones.
@Suite("Gaps")
struct GapsTests {
  @Test("without peers, a level a gate holds back is the target, in the report and in the plan alike")
  func heldBackLevelIsTheTarget() throws {
    var heldBack = 0
    for name in ["region", "mid-size-city-2026", "small-municipality"] {
      let (questionnaire, card) = try PlanTests.example(name)
      let response = try ResponseLoader.load(
        path: Repository.path("Examples/responses/\(name).response.yaml"), questionnaire: questionnaire
      ).response
      let assessment = Assessment(response, on: questionnaire)
      let gaps = assessment.gaps()
      #expect(gaps.target == .nextLevel)
      let report = assessment.report()
      let plan = assessment.plan(Planner())
      for (index, dimension) in card.dimensions.enumerated() {
        #expect(report.dimensions[index].target == gaps.dimensions[index].target)
        #expect(report.dimensions[index].gap == gaps.dimensions[index].gap)
        #expect(plan.gaps[index] == gaps.dimensions[index])
        if let held = dimension.heldBack {
          heldBack += 1
          let level = try #require(questionnaire.levels.first { $0.id == held.level.id })
          #expect(gaps.dimensions[index].target == level.min, "\(name) \(dimension.id)")
        }
      }
      #expect(report.overallGap == gaps.overallGap)
    }
    #expect(heldBack > 0, "no example has a level held back by a gate")
  }

  @Test("a level asked for is the target of every dimension")
  func peerAndLevelTargets() throws {
    let (questionnaire, card) = try PlanTests.example("small-municipality")
    let level = try #require(questionnaire.levels.last)
    let gaps = Gaps(questionnaire, card, comparison: nil, target: .level(level.id))
    for (gap, dimension) in zip(gaps.dimensions, card.dimensions) {
      #expect(gap.target == level.min)
      #expect(gap.gap == dimension.score.map { level.min - $0 })
    }
  }
}
