import InterfaceText

/// Turns gaps into a plan: candidate actions, their impact and priority, an order that respects
/// prerequisites and level gates, and horizons within a capacity budget. See `docs/plans.md`.
public struct Planner: Sendable {
  public var target: GapTarget?
  /// Person-days available per horizon; nil places actions by effort (S first horizon, M second, L third).
  public var capacity: Double?
  /// Horizon ends in months.
  public var horizons: [Int]

  public init(target: GapTarget? = nil, capacity: Double? = nil, horizons: [Int] = [6, 18, 36]) {
    self.target = target
    self.capacity = capacity
    self.horizons = horizons
  }

  public func plan(
    _ questionnaire: Questionnaire, scorecard card: Scorecard, comparison: Comparison? = nil,
    previous: Scorecard? = nil
  ) -> Plan {
    var measured = Gaps(questionnaire, card, comparison: comparison, target: target)
    // At or above the peers in every dimension: aim at the next level rather than plan nothing.
    let peerTarget = [.median, .p75, .p90].contains(measured.target)
    let aimsAtNextLevel =
      peerTarget && measured.dimensions.contains { $0.gap != nil }
      && measured.dimensions.allSatisfy { ($0.gap ?? 0) <= 0 }
    if aimsAtNextLevel { measured = Gaps(questionnaire, card, comparison: comparison, target: .nextLevel) }
    let gaps = measured.dimensions
    var steps = foundations(questionnaire, card, gaps)
    steps += candidates(questionnaire, card, gaps, after: steps)
    markQuickWins(&steps)
    steps = addMissingPrerequisites(steps, questionnaire, card, gaps)
    steps = order(steps, questionnaire)
    let staff = capacity == nil ? Self.staffFTE(questionnaire, card) : nil
    let budget = capacity ?? staff.map { Self.capacity(staffFTE: $0, months: horizons.first ?? 6) }
    let placed = place(steps, capacity: budget)
    return Plan(
      authority: card.authority, questionnaireID: card.questionnaireID, version: card.version,
      target: measured.target,
      capacity: budget, staffFTE: staff, aimsAtNextLevel: aimsAtNextLevel, gaps: gaps, steps: placed.steps,
      horizons: placed.horizons,
      achieved: previous.map { achieved(since: $0, now: card, questionnaire) } ?? [])
  }

  // MARK: Capacity

  /// Working days in a year, and the share of their time digital staff can give to capacity
  /// building, for the default capacity (see `docs/plans.md`).
  static let workingDaysPerYear = 220.0
  static let capacityShare = 0.1

  /// Person-days per horizon from the digital staff: 10 % of their working time over the first
  /// horizon's months, at least one day.
  static func capacity(staffFTE: Double, months: Int) -> Double {
    max(1, (staffFTE * workingDaysPerYear * capacityShare * Double(months) / 12 * 10).rounded() / 10)
  }

  /// The authority's digital staff in full-time equivalents, when its questionnaire asks and it answered.
  static func staffFTE(_ questionnaire: Questionnaire, _ card: Scorecard) -> Double? {
    guard let id = questionnaire.staffQuestion,
      case .number(let fte)? = card.dimensions.flatMap(\.questions).first(where: { $0.id == id })?.answer,
      fte >= 0
    else { return nil }
    return fte
  }

  // MARK: Candidates and impact

  /// Actions that close the gaps, best points per person-day first, counted up to each gap;
  /// `foundations` are planned already and count towards their dimension's gap.
  private func candidates(
    _ questionnaire: Questionnaire, _ card: Scorecard, _ gaps: [Gaps.Gap], after foundations: [Plan.Step]
  ) -> [Plan.Step] {
    var steps: [Plan.Step] = []
    let planned = Set(foundations.map(\.id))
    for (dimension, gap) in zip(card.dimensions, gaps) {
      let definition = questionnaire.dimensions.first { $0.id == dimension.id }!
      // Find out what is not known, whatever the dimension's gap.
      for question in dimension.questions where question.status == .unknown {
        let text = definition.questions.first { $0.id == question.id }?.text ?? LocalizedText([:])
        steps.append(
          Plan.Step(
            id: "find-out-\(question.id)", action: nil, questionID: question.id, questionText: text,
            dimensionID: dimension.id, dimensionName: dimension.name, reason: .findOut, credit: 0,
            raisesTo: 0,
            impact: 0, fullImpact: 0, effortDays: questionnaire.efforts[.small]?.maximum ?? 5, effort: .small,
            priority: .infinity, quickWin: false, prerequisites: [], horizon: nil, peersAhead: gap.peersAhead)
        )
      }
      guard let remaining = gap.gap, remaining > 0, dimension.totals.maxPoints > 0 else { continue }
      var dimensionSteps: [Plan.Step] = []
      for score in dimension.questions
      where score.status == .answered || score.status == .unknown || score.status == .na {
        guard let question = definition.questions.first(where: { $0.id == score.id }),
          let maxPoints = score.maxPoints,
          maxPoints > 0
        else { continue }
        var base = score.credit ?? 0
        for action in question.actions.sorted(by: { $0.raisesTo < $1.raisesTo })
        where action.below > base && action.raisesTo > base {
          defer { base = action.raisesTo }
          guard !planned.contains(action.id) else { continue }
          let impact = 100 * question.weight * (action.raisesTo - base) / dimension.totals.maxPoints
          let days = questionnaire.efforts[action.effort]?.maximum ?? 20
          var prerequisites = action.prerequisites
          if score.status == .unknown { prerequisites.insert("find-out-\(question.id)", at: 0) }
          dimensionSteps.append(
            Plan.Step(
              id: action.id, action: action, questionID: question.id, questionText: question.text,
              dimensionID: dimension.id,
              dimensionName: dimension.name, reason: .gap, credit: base, raisesTo: action.raisesTo,
              impact: impact,
              fullImpact: impact, effortDays: days, effort: action.effort, priority: impact / days,
              quickWin: false,
              prerequisites: prerequisites, horizon: nil, peersAhead: gap.peersAhead))
        }
      }
      // Count impact only up to what closes the gap, best priority first.
      var left =
        remaining - foundations.filter { $0.dimensionID == dimension.id }.reduce(0) { $0 + $1.fullImpact }
      for step in dimensionSteps.sorted(by: Self.byPriority) {
        guard left > 0 else { break }
        var counted = step
        counted.impact = min(step.fullImpact, left)
        counted.priority = counted.impact / counted.effortDays
        left -= counted.impact
        steps.append(counted)
      }
    }
    return steps
  }

  /// Quick wins: actions of effort S (never more) whose impact is at least the median impact of
  /// the plan's actions.
  private func markQuickWins(_ steps: inout [Plan.Step]) {
    let actions = steps.indices.filter { steps[$0].action != nil }
    let impacts = actions.map { steps[$0].impact }.sorted()
    guard !impacts.isEmpty else { return }
    let median = PeerStatistics.percentile(impacts, 0.5)
    for index in actions where steps[index].effort == .small && steps[index].impact >= median {
      steps[index].quickWin = true
    }
  }

  static func byPriority(_ a: Plan.Step, _ b: Plan.Step) -> Bool {
    (a.priority, a.impact, b.id) > (b.priority, b.impact, a.id)
  }

  /// Which comes first whatever the points: unmet legal duties (0), then what lifts a gate (1),
  /// then "find out" steps (2), then actions ranked by points per person-day (3).
  static func tier(_ reason: Plan.Reason) -> Int {
    switch reason {
    case .legalDuty: 0
    case .gate: 1
    case .findOut: 2
    case .gap, .prerequisite: 3
    }
  }

  /// Adds prerequisite actions the plan needs but did not choose, unless their question already has the credit.
  private func addMissingPrerequisites(
    _ steps: [Plan.Step], _ questionnaire: Questionnaire, _ card: Scorecard, _ gaps: [Gaps.Gap]
  ) -> [Plan.Step] {
    var result = steps
    var present = Set(steps.map(\.id))
    let credits = Dictionary(
      uniqueKeysWithValues: card.dimensions.flatMap(\.questions).map { ($0.id, $0.credit ?? 0) })
    var index = 0
    while index < result.count {
      for prerequisite in result[index].prerequisites where !present.contains(prerequisite) {
        guard
          let question = questionnaire.questions.first(where: {
            $0.actions.contains { $0.id == prerequisite }
          }),
          let action = question.actions.first(where: { $0.id == prerequisite }),
          let dimension = card.dimensions.first(where: { $0.questions.contains { $0.id == question.id } })
        else { continue }
        let credit = credits[question.id] ?? 0
        guard credit < action.below else { continue }  // already done
        present.insert(prerequisite)
        let days = questionnaire.efforts[action.effort]?.maximum ?? 20
        let full =
          dimension.totals.maxPoints > 0
          ? 100 * question.weight * max(0, action.raisesTo - credit) / dimension.totals.maxPoints : 0
        result.append(
          Plan.Step(
            id: action.id, action: action, questionID: question.id, questionText: question.text,
            dimensionID: dimension.id,
            dimensionName: dimension.name, reason: .prerequisite(of: result[index].id), credit: credit,
            raisesTo: action.raisesTo,
            impact: 0, fullImpact: full, effortDays: days, effort: action.effort, priority: 0,
            quickWin: false,
            prerequisites: action.prerequisites, horizon: nil,
            peersAhead: gaps.first { $0.dimensionID == dimension.id }?.peersAhead))
      }
      index += 1
    }
    // Prerequisites that are done already are no longer waited for.
    let planned = Set(result.map(\.id))
    for index in result.indices {
      result[index].prerequisites = result[index].prerequisites.filter(planned.contains)
    }
    return result
  }

  // MARK: Order

  /// Topological order by prerequisites and level gates, taking the best available step each time:
  /// by tier (legal duties, gates, "find out", the rest; a prerequisite takes the tier of what
  /// needs it), then priority. Actions on a gate question of a dimension come before the
  /// dimension's other actions (a foundation before what builds on it).
  private func order(_ steps: [Plan.Step], _ questionnaire: Questionnaire) -> [Plan.Step] {
    var tiers = Dictionary(steps.map { ($0.id, Self.tier($0.reason)) }, uniquingKeysWith: min)
    var changed = true
    while changed {
      changed = false
      for step in steps {
        for prerequisite in step.prerequisites where (tiers[prerequisite] ?? 3) > tiers[step.id]! {
          tiers[prerequisite] = tiers[step.id]
          changed = true
        }
      }
    }
    func first(_ a: Plan.Step, _ b: Plan.Step) -> Bool {
      tiers[a.id]! != tiers[b.id]! ? tiers[a.id]! < tiers[b.id]! : Self.byPriority(a, b)
    }
    let gateQuestions = Set(questionnaire.levels.flatMap { $0.gate.map(\.question) })
    var before: [String: Set<String>] = [:]
    for step in steps {
      before[step.id, default: []].formUnion(step.prerequisites)
      if !gateQuestions.contains(step.questionID), tiers[step.id]! > 0 {
        for gate in steps
        where gate.dimensionID == step.dimensionID && gate.id != step.id
          && gateQuestions.contains(gate.questionID) && !gate.prerequisites.contains(step.id)
        {
          before[step.id, default: []].insert(gate.id)
        }
      }
    }
    var done: Set<String> = []
    var remaining = steps
    var ordered: [Plan.Step] = []
    while !remaining.isEmpty {
      let ready = remaining.indices.filter { before[remaining[$0].id, default: []].isSubset(of: done) }
      // A loop among gate orderings cannot block the plan: fall back to the best remaining step.
      let candidates = ready.isEmpty ? Array(remaining.indices) : ready
      let best = candidates.min { first(remaining[$0], remaining[$1]) }!
      let step = remaining.remove(at: best)
      done.insert(step.id)
      ordered.append(step)
    }
    return ordered
  }

  // MARK: Horizons

  private func place(_ steps: [Plan.Step], capacity: Double?) -> (
    steps: [Plan.Step], horizons: [Plan.Horizon]
  ) {
    var horizons = zip([0] + horizons.dropLast(), horizons).map { Plan.Horizon(start: $0, end: $1, days: 0) }
    var horizonOf: [String: Int] = [:]
    var placed: [Plan.Step] = []
    for var step in steps {
      let earliest = step.prerequisites.compactMap { horizonOf[$0] }.max() ?? 0
      let carried = step.prerequisites.contains { id in placed.contains { $0.id == id && $0.horizon == nil } }
      var chosen: Int?
      if !carried {
        if let capacity {
          chosen = (earliest..<horizons.count).first { horizons[$0].days + step.effortDays <= capacity }
        } else {
          let byEffort = step.reason == .findOut ? 0 : [Effort.small: 0, .medium: 1, .large: 2][step.effort]!
          chosen = min(max(earliest, byEffort), horizons.count - 1)
        }
      }
      if let chosen {
        horizons[chosen].days += step.effortDays
        horizonOf[step.id] = chosen
      }
      step.horizon = chosen
      placed.append(step)
    }
    return (placed, horizons)
  }

  // MARK: Progress

  /// Actions the earlier plan held whose question has now reached the action's credit.
  private func achieved(since previous: Scorecard, now: Scorecard, _ questionnaire: Questionnaire) -> [Action]
  {
    let before = Planner(target: target, capacity: nil, horizons: horizons).plan(
      questionnaire, scorecard: previous)
    let credits = Dictionary(
      uniqueKeysWithValues: now.dimensions.flatMap(\.questions).map { ($0.id, $0.credit ?? 0) })
    return before.steps.compactMap { step in
      guard let action = step.action, (credits[step.questionID] ?? 0) >= step.raisesTo else { return nil }
      return action
    }
  }
}
