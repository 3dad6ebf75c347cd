import Foundation
import InterfaceText
import TestSupport
import Testing

@testable import MaturityKit

@Suite("Plans")
struct PlanTests {
  func workedExample(capacity: Double? = nil, target: GapTarget? = .level("advanced")) throws -> Plan {
    let questionnaire = try Fixtures.testQuestionnaire()
    let response = try ResponseLoader.load(
      path: Fixtures.path("responses/worked-example.response.yaml"), questionnaire: questionnaire
    ).response
    return Planner(target: target, capacity: capacity).plan(
      questionnaire, scorecard: Scorer.score(response, with: questionnaire))
  }

  @Test("the worked example of docs/plans.md")
  func worked() throws {
    let plan = try workedExample()
    #expect(plan.steps.map(\.id) == ["find-out-owner", "name-data-owner", "write-strategy"])
    let expectedGaps: [Double?] = [15, 75 - 100 * 17.5 / 30]
    #expect(plan.gaps.map(\.gap) == expectedGaps)
    let owner = plan.steps[1]
    #expect(abs(owner.impact - 100.0 * 10 / 75) < 1e-12)
    #expect(abs(owner.priority - 100.0 * 10 / 75 / 5) < 1e-12)
    #expect(owner.quickWin)
    #expect(owner.prerequisites == ["find-out-owner"])
    let strategy = plan.steps[2]
    #expect(abs(strategy.fullImpact - 100.0 * 40 * 0.5 / 75) < 1e-12)
    #expect(abs(strategy.impact - (15 - 100.0 * 10 / 75)) < 1e-12)  // capped at what is left of the gap
    #expect(!strategy.quickWin)
    #expect(plan.steps.map(\.horizon) == [0, 0, 1])
  }

  @Test("capacity per horizon: what does not fit is carried over")
  func capacity() throws {
    let plan = try workedExample(capacity: 8)
    #expect(plan.steps.map(\.horizon) == [0, 1, nil])
    #expect(plan.horizons.map(\.days) == [5, 5, 0])
  }

  @Test("a dimension at or above its target gets no action; only 'find out' steps")
  func aboveTarget() throws {
    let plan = try workedExample(target: .level("developing"))
    #expect(plan.gaps.allSatisfy { ($0.gap ?? 0) <= 0 })
    #expect(plan.steps.map(\.id) == ["find-out-owner"])
  }

  @Test("prerequisites come first and join the plan when not done; done ones are not waited for")
  func prerequisites() throws {
    let questionnaire = try Fixtures.testQuestionnaire()
    let yaml = """
      questionnaire: test-assessment
      version: "1.0"
      authority: {id: T-1, name: Test}
      answers:
        strategy: none
        paper-forms: "no"
        owner: cdo
        practices: [catalogue, quality]
        datasets: 20
        uses-ai: "no"
        ai-register: published
      """
    let response = try ResponseLoader.load(yaml: yaml, file: "r.yaml", questionnaire: questionnaire).response
    let card = Scorer.score(response, with: questionnaire)
    let plan = Planner(target: .level("advanced")).plan(questionnaire, scorecard: card)
    let ids = plan.steps.map(\.id)
    #expect(ids.contains("pilot-ai") && ids.contains("write-strategy"))
    #expect(ids.firstIndex(of: "write-strategy")! < ids.firstIndex(of: "pilot-ai")!)
    #expect(
      plan.steps.first { $0.id == "pilot-ai" }?.horizon ?? 0 >= plan.steps.first {
        $0.id == "write-strategy"
      }?.horizon ?? 0)
    // With the strategy adopted, the pilot no longer waits for it.
    let adopted = try ResponseLoader.load(
      yaml: yaml.replacingOccurrences(of: "strategy: none", with: "strategy: adopted"), file: "r.yaml",
      questionnaire: questionnaire
    ).response
    let later = Planner(target: .level("advanced")).plan(
      questionnaire, scorecard: Scorer.score(adopted, with: questionnaire))
    #expect(later.steps.first { $0.id == "pilot-ai" }?.prerequisites == [])
    #expect(!later.steps.contains { $0.id == "write-strategy" })
    // Progress: the strategy written since the earlier plan is reported as done.
    let progress = Planner(target: .level("advanced")).plan(
      questionnaire, scorecard: Scorer.score(adopted, with: questionnaire), previous: card)
    #expect(progress.achieved.map(\.id).contains("write-strategy"))
  }

  @Test("a cohort ranks shared actions by how many members need them, then total impact")
  func cohort() throws {
    let a = try workedExample()
    var b = a
    b.authority = Authority(id: "B", name: "Second")
    b.steps = b.steps.filter { $0.id != "name-data-owner" }
    let cohort = CohortPlan(plans: [a, b], anonymous: false)
    #expect(cohort.actions.map(\.step.id) == ["write-strategy", "name-data-owner"])
    #expect(cohort.actions[0].members == ["Villa de Prueba", "Second"])
    #expect(CohortPlan(plans: [a, b], anonymous: true).actions[0].members == ["M001", "M002"])
  }

  @Test(
    "every example authority's plan starts with its largest weighted gaps",
    arguments: ["small-municipality", "mid-size-city-2026", "region"])
  func examples(name: String) throws {
    let (questionnaire, card) = try Self.example(name)
    let plan = Planner().plan(questionnaire, scorecard: card)
    // Actions on a level's gate question come first in their dimension (rule 8 of docs/plans.md).
    let gateQuestions = Set(questionnaire.levels.flatMap { $0.gate.map(\.question) })
    let gapSteps = plan.steps.filter { $0.reason == .gap && !gateQuestions.contains($0.questionID) }
    #expect(!gapSteps.isEmpty)
    // The action with the best points per person-day is among the first five that close gaps.
    let best = try #require(gapSteps.max { $0.priority < $1.priority })
    #expect(gapSteps.prefix(5).contains { $0.id == best.id }, "\(gapSteps.prefix(5).map(\.id)) vs \(best.id)")
  }

  static func example(_ name: String) throws -> (Questionnaire, Scorecard) {
    let questionnaire = try QuestionnaireLoader.load(
      path: Repository.root.appendingPathComponent(
        "Questionnaires/ai-data-readiness/questionnaire.yaml"
      ).path
    ).questionnaire
    let response = try ResponseLoader.load(
      path: Repository.root.appendingPathComponent("Examples/responses/\(name).response.yaml")
        .path,
      questionnaire: questionnaire
    ).response
    return (questionnaire, Scorer.score(response, with: questionnaire))
  }

  @Test("an unmet legal duty comes before every action ranked by points, and says why")
  func legalDutiesFirst() throws {
    let (questionnaire, card) = try Self.example("small-municipality")
    #expect(card.legalBaseline.contains { $0.questionID == "eth-literacy" && $0.status == .notMet })
    let plan = Planner().plan(questionnaire, scorecard: card)
    let literacy = try #require(plan.steps.firstIndex { $0.questionID == "eth-literacy" })
    guard case .legalDuty(let duty) = plan.steps[literacy].reason else {
      Issue.record("the AI-literacy action is in the plan for \(plan.steps[literacy].reason)")
      return
    }
    #expect(duty.article.text(.english) == "Art. 4")
    let firstRanked = try #require(plan.steps.firstIndex { $0.reason == .gap })
    #expect(literacy < firstRanked)
    let text = PlanRenderer.reason(plan.steps[literacy], plan, TextCatalogue(language: .english))
    #expect(text.contains("AI Act") && text.contains("Art. 4") && text.contains("2 February 2025"), "\(text)")
  }

  @Test("the region's plan starts with the action that lifts the gate holding its ethics level back")
  func gateFirst() throws {
    let (questionnaire, card) = try Self.example("region")
    let ethics = try #require(card.dimensions.first { $0.id == "ethics" })
    let heldBack = try #require(ethics.heldBack)
    let plan = Planner(target: .level("advanced")).plan(questionnaire, scorecard: card)
    let first = try #require(plan.steps.first)
    #expect(heldBack.questions.contains(first.questionID))
    #expect(first.reason == .gate(dimensionID: "ethics", reached: ethics.level, heldBack: heldBack.level))
    let text = PlanRenderer.reason(first, plan, TextCatalogue(language: .english))
    #expect(text.contains("Ethics and trust") && text.contains(ethics.level!.name.text(.english)), "\(text)")
  }

  @Test("at or above the peer target everywhere, the plan aims at the next level instead of coming out empty")
  func fallsBackToNextLevel() throws {
    let (questionnaire, card) = try Self.example("mid-size-city-2026")
    // Peers far below the authority in every dimension: every gap to their P75 is negative.
    let peers = (0..<20).map { index in
      PeerAuthority(id: "P\(index)", country: "FR", population: 50_000, type: .municipality, year: 2025)
    }
    var set = PeerSet(dimensionIDs: questionnaire.dimensions.map(\.id))
    for peer in peers {
      set.append(peer, scores: Array(repeating: 5, count: questionnaire.dimensions.count + 1))
    }
    let comparison = try Comparison(
      card, group: PeerGroup(from: set, filter: PeerFilter(), bands: PopulationBands(bounds: [])).scores,
      minimumGroup: 5)
    let plan = Planner().plan(questionnaire, scorecard: card, comparison: comparison)
    #expect(plan.aimsAtNextLevel)
    #expect(plan.target == .nextLevel)
    #expect(plan.steps.contains { $0.reason == .gap })
    #expect(PlanRenderer.subtitle(plan, TextCatalogue(language: .english)).contains("the next level"))
  }

  @Test(
    "no quick win above effort S; default capacity from the digital staff answered",
    arguments: ["small-municipality", "mid-size-city-2026", "region"])
  func quickWinsAndCapacity(name: String) throws {
    let (questionnaire, card) = try Self.example(name)
    let plan = Planner().plan(questionnaire, scorecard: card)
    #expect(plan.steps.allSatisfy { !$0.quickWin || $0.effort == .small })
    let staff = try #require(Planner.staffFTE(questionnaire, card))
    #expect(plan.staffFTE == staff)
    #expect(plan.capacity == Planner.capacity(staffFTE: staff, months: 6))
    #expect(Planner(capacity: 40).plan(questionnaire, scorecard: card).staffFTE == nil)
  }

  @Test(
    "the default capacity rule: 10 % of 220 working days a year per full-time post, over the first horizon")
  func capacityRule() {
    #expect(Planner.capacity(staffFTE: 0.5, months: 6) == 5.5)
    #expect(Planner.capacity(staffFTE: 4, months: 6) == 44)
    #expect(Planner.capacity(staffFTE: 0, months: 6) == 1)
  }
}
