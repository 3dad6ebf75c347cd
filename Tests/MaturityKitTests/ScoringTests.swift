import Foundation
import Testing

@testable import MaturityKit

@Suite("Scoring")
struct ScoringTests {
  /// The worked example of docs/scoring.md, computed by hand there.
  @Test("the worked example scores as computed by hand")
  func workedExample() throws {
    let questionnaire = try Fixtures.testQuestionnaire()
    let response = try ResponseLoader.load(
      path: Fixtures.path("responses/worked-example.response.yaml"), questionnaire: questionnaire
    ).response
    let card = Scorer.score(response, with: questionnaire)
    let governance = card.dimension("governance")
    #expect(governance.totals.points == 45)
    #expect(governance.totals.maxPoints == 75)
    #expect(governance.score == 60)
    #expect(close(governance.confirmedScore, 100.0 * 25 / 75))
    #expect(governance.totals.coverage == 1)
    #expect(governance.totals.unknown == 1)
    #expect(governance.totals.unsure == 1)
    #expect(governance.level?.id == "developing")
    #expect(governance.sections.map(\.totals.points) == [25, 20])
    #expect(governance.sections.map(\.totals.maxPoints) == [45, 30])
    let data = card.dimension("data")
    #expect(data.totals.points == 17.5)
    #expect(data.totals.maxPoints == 30)
    #expect(close(data.score, 100.0 * 17.5 / 30))
    let dataScore: Double = 100 * 17.5 / 30
    let governanceConfirmed: Double = 100 * 25 / 75
    let expectedOverall: Double = (2 * 60 + dataScore) / 3
    let expectedConfirmed: Double = (2 * governanceConfirmed + dataScore) / 3
    #expect(close(card.overall.score, expectedOverall))
    #expect(close(card.overall.confirmedScore, expectedConfirmed))
    #expect(card.overall.level?.id == "developing")
    #expect(card.question("practices").credit == 1)  // 3 × 0.5, capped at 1
    #expect(card.question("paper-forms").credit == 1)  // inverted item: "no" is full credit
    #expect(card.question("owner").status == .unknown)
    #expect(card.question("datasets").points == 0)  // weight 0: scored, worth nothing
    #expect(card.question("datasets").maxPoints == 0)
    #expect(card.question("notes").status == .unscored)
    #expect(card.question("ai-share").credit == 0.5)
    #expect(card.question("ai-register").status == .na)
    #expect(card.question("ai-register").points == 0)  // na: zero
    #expect(card.question("ai-register").maxPoints == 5)
  }

  @Test("aggregation by points: sum of points over sum of maxima")
  func pointsAggregation() throws {
    var questionnaire = try Fixtures.testQuestionnaire()
    questionnaire.aggregation = .points
    let response = try ResponseLoader.load(
      path: Fixtures.path("responses/worked-example.response.yaml"), questionnaire: questionnaire
    ).response
    let card = Scorer.score(response, with: questionnaire)
    #expect(close(card.overall.score, 100.0 * 62.5 / 105))
    #expect(card.overall.points == 62.5)
    #expect(card.overall.maxPoints == 105)
  }

  @Test("not applicable: full credit, excluded, or zero, as the question says")
  func notApplicablePolicies() throws {
    let card = try Fixtures.score(
      """
        strategy: na
        owner: na
        uses-ai: "no"
        practices: [catalogue]
        ai-register: na
      """)
    #expect(card.question("strategy").credit == 1)
    #expect(card.question("strategy").points == 40)
    #expect(card.question("owner").status == .na)
    #expect(card.question("owner").maxPoints == nil)
    #expect(card.question("ai-register").points == 0)
    let governance = card.dimension("governance")
    // strategy 40/40, practices 10/20, paper-forms blank (0/5), datasets blank (weight 0); owner excluded.
    #expect(governance.totals.points == 50)
    #expect(governance.totals.maxPoints == 65)
    #expect(card.question("paper-forms").points == 0)
    #expect(card.question("paper-forms").maxPoints == 5)
    #expect(governance.totals.applicable == 4)
    #expect(governance.totals.answered == 2)
  }

  @Test("skip logic turns questions on and off as answers change")
  func skipLogic() throws {
    let off = try Fixtures.score("  uses-ai: \"no\"\n  practices: [quality]\n")
    #expect(off.question("ai-share").status == .notRelevant)
    #expect(off.question("ai-register").status == .notRelevant)
    // Skipped follow-ups score zero and stay in the maximum (skipped: zero, the default).
    #expect(off.dimension("data").totals.maxPoints == 30)
    #expect(off.question("ai-share").points == 0)
    #expect(off.dimension("data").totals.applicable == 1)  // coverage counts only what was asked
    let on = try Fixtures.score("  uses-ai: \"yes\"\n  ai-share: 80\n")
    #expect(on.question("ai-share").status == .answered)
    #expect(on.question("ai-register").status == .missing)  // relevant through ai-share >= 50
    let viaMulti = try Fixtures.score("  uses-ai: \"no\"\n  practices: [catalogue]\n")
    #expect(viaMulti.question("ai-register").status == .missing)
  }

  @Test("a question skipped by the authority's context is out of the maximum when it says exclude")
  func contextSkip() throws {
    let questionnaire = try Fixtures.testQuestionnaire()
    func card(_ type: String) throws -> Scorecard {
      let yaml = """
        questionnaire: test-assessment
        version: "1.0"
        authority: {id: T-1, name: Test, type: \(type)}
        answers:
          uses-ai: "yes"
          ai-share: 80
          regional-hub: "yes"
        """
      return Scorer.score(
        try ResponseLoader.load(yaml: yaml, file: "r.yaml", questionnaire: questionnaire).response,
        with: questionnaire)
    }
    let municipality = try card("municipality")
    #expect(municipality.question("regional-hub").status == .notRelevant)
    #expect(municipality.question("regional-hub").maxPoints == nil)
    #expect(municipality.dimension("data").totals.maxPoints == 30)
    let region = try card("region")
    #expect(region.question("regional-hub").points == 5)
    #expect(region.dimension("data").totals.maxPoints == 35)
  }

  @Test("an answer to a question that does not apply is ignored, with a warning")
  func irrelevantAnswerWarns() throws {
    let questionnaire = try Fixtures.testQuestionnaire()
    let yaml = """
      questionnaire: test-assessment
      version: "1.0"
      authority: {id: T-1, name: Test}
      answers:
        uses-ai: "no"
        ai-share: 90
      """
    let loaded = try ResponseLoader.load(yaml: yaml, file: "r.yaml", questionnaire: questionnaire)
    #expect(loaded.warnings.map(\.code) == ["response.notRelevant"])
    #expect(loaded.warnings.first?.location.line == 6)
    let card = Scorer.score(loaded.response, with: questionnaire)
    #expect(card.question("ai-share").status == .notRelevant)
    #expect(card.question("ai-share").points == 0)
  }

  @Test("coverage under the floor: no score, no level, and no overall score until every dimension has enough")
  func coverageFloor() throws {
    let card = try Fixtures.score(
      """
        strategy: adopted
        uses-ai: "yes"
        ai-share: 90
        ai-register: published
      """)
    let governance = card.dimension("governance")
    #expect(close(governance.totals.coverage, 1.0 / 5))
    #expect(!governance.sufficientData)
    #expect(governance.score == nil)
    #expect(governance.level == nil)
    #expect(card.dimension("data").score == 100)
    // Leaving governance out would let an authority raise its overall score by answering less.
    #expect(card.overall.score == nil)
    #expect(card.overall.level == nil)
  }

  @Test("levels follow thresholds; a gate holds a level back")
  func levelsAndGates() throws {
    let questionnaireLevelName = try Fixtures.testQuestionnaire().levels[2].name
    let full = """
        strategy: adopted
        paper-forms: "no"
        owner: cdo
        practices: [catalogue, quality]
        datasets: 50
        ai-share: 90
        ai-register: published
      """
    var lightData = try Fixtures.testQuestionnaire()
    lightData.dimensions[1].weight = 0.2
    let gated = try Fixtures.score(full + "\n  uses-ai: \"no\"\n", questionnaire: lightData)
    #expect(gated.dimension("governance").level?.id == "advanced")  // the gate is on a data question
    #expect(close(gated.dimension("data").score, 100.0 * 5 / 30))  // ai-share skipped: 0 of 15
    #expect(gated.dimension("data").level?.id == "basic")
    #expect(gated.overall.score! >= 75)
    #expect(gated.overall.level?.id == "developing")  // the overall level needs every gate
    #expect(
      gated.overall.heldBack
        == HeldBackLevel(
          level: LevelReached(id: "advanced", name: questionnaireLevelName), questions: ["uses-ai"]))
    #expect(gated.dimension("governance").heldBack == nil)
    let passed = try Fixtures.score(full + "\n  uses-ai: \"yes\"\n")
    #expect(passed.dimension("data").score == 100)
    #expect(passed.dimension("data").level?.id == "advanced")
    #expect(passed.overall.level?.id == "advanced")
    var questionnaire = try Fixtures.testQuestionnaire()
    questionnaire.levels[2].gate = [Gate(question: "ai-share", minCredit: 1)]
    let heldBack = try Fixtures.score(
      full.replacingOccurrences(of: "ai-share: 90", with: "ai-share: 60") + "\n  uses-ai: \"yes\"\n",
      questionnaire: questionnaire)
    #expect(heldBack.dimension("data").score! >= 75)
    #expect(heldBack.dimension("data").level?.id == "developing")
    #expect(heldBack.overall.level?.id != "advanced")
  }

  @Test(
    "the legal baseline: met, not met, unanswered, not yet applicable, not applicable, on the assessment's date"
  )
  func legalBaseline() throws {
    let questionnaire = try Fixtures.testQuestionnaire()
    func baseline(_ date: String, _ answers: String) throws -> [String: LegalDutyStatus.Status] {
      let yaml = """
        questionnaire: test-assessment
        version: "1.0"
        authority: {id: T-1, name: Test}
        date: \(date)
        answers:
        \(answers)
        """
      let response = try ResponseLoader.load(yaml: yaml, file: "r.yaml", questionnaire: questionnaire)
        .response
      let card = Scorer.score(response, with: questionnaire)
      return Dictionary(
        uniqueKeysWithValues: card.legalBaseline.map { ("\($0.questionID)/\($0.optionID ?? "")", $0.status) })
    }
    let aiUse = "  uses-ai: \"yes\"\n  ai-share: 80\n"
    #expect(
      try baseline("2025-10-15", aiUse + "  ai-register: published\n") == [
        "ai-register/": .met, "practices/quality": .notYetApplicable,
      ])
    #expect(try baseline("2025-10-15", aiUse + "  ai-register: none\n")["ai-register/"] == .notMet)
    #expect(try baseline("2025-10-15", aiUse)["ai-register/"] == .unanswered)
    #expect(try baseline("2025-10-15", aiUse + "  ai-register: na\n")["ai-register/"] == .notApplicable)
    #expect(try baseline("2025-10-15", "  uses-ai: \"no\"\n")["ai-register/"] == .notApplicable)  // skipped
    #expect(
      try baseline("2024-12-31", aiUse + "  ai-register: published\n")["ai-register/"] == .notYetApplicable)
    #expect(try baseline("2030-06-01", "  practices: [catalogue, quality]\n")["practices/quality"] == .met)
    #expect(try baseline("2030-06-01", "  practices: [catalogue]\n")["practices/quality"] == .notMet)
    // The duty ended before the assessment.
    #expect(try baseline("2032-01-01", "  practices: [catalogue]\n")["practices/quality"] == .notApplicable)
  }

  @Test("every question type gives its credit")
  func questionTypes() throws {
    let questionnaire = try Fixtures.testQuestionnaire()
    func credit(_ id: String, _ value: AnswerValue) -> Double? {
      Scorer.credit(of: value, for: questionnaire.question(id)!)
    }
    #expect(credit("strategy", .option("draft")) == 0.5)
    #expect(credit("owner", .option("it")) == 1)  // several options give full credit
    #expect(credit("paper-forms", .boolean(true)) == 0)
    #expect(credit("uses-ai", .boolean(true)) == 1)
    #expect(credit("uses-ai", .boolean(false)) == 0)
    #expect(credit("practices", .options(["catalogue"])) == 0.5)
    #expect(credit("practices", .options([])) == 0)
    #expect(credit("ai-share", .number(24.9)) == 0)
    #expect(credit("ai-share", .number(25)) == 0.5)
    #expect(credit("ai-share", .number(100)) == 1)
    #expect(credit("datasets", .number(-3)) == 0)
    #expect(credit("notes", .text("x")) == nil)
  }

  @Test("nothing answered: no scores, zero coverage")
  func emptyResponse() throws {
    let card = try Fixtures.score("  {}")
    #expect(card.overall.score == nil)
    #expect(card.overall.level == nil)
    #expect(card.overall.totals.coverage == 0)
    #expect(card.dimensions.allSatisfy { !$0.sufficientData })
  }
}
