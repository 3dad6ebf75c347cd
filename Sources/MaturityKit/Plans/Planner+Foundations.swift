extension Planner {
  /// What a plan holds whatever the points: the actions that meet an unmet legal duty, then those
  /// that lift a gate holding a level back (a dimension's, then the overall level's).
  func foundations(_ questionnaire: Questionnaire, _ card: Scorecard, _ gaps: [Gaps.Gap]) -> [Plan.Step] {
    var steps: [Plan.Step] = []
    func add(_ questionID: String, reaching credit: Double, reason: Plan.Reason) {
      for step in Self.steps(raising: questionID, to: credit, questionnaire, card, gaps, reason: reason)
      where !steps.contains(where: { $0.id == step.id }) {
        steps.append(step)
      }
    }
    for duty in card.legalBaseline where duty.status == .notMet {
      guard let question = questionnaire.question(duty.questionID) else { continue }
      let option = duty.optionID.flatMap(question.option)
      // A ticked option of a multi question is met by any action that adds credit.
      let required = option.map { question.type == .multi ? 0 : $0.credit } ?? 1
      add(duty.questionID, reaching: required, reason: .legalDuty(duty.duty))
    }
    let held =
      card.dimensions.map { ($0.id as String?, $0.level, $0.heldBack) } + [
        (nil, card.overall.level, card.overall.heldBack)
      ]
    for case let (dimensionID, reached, heldBack?) in held {
      let gates = questionnaire.levels.first { $0.id == heldBack.level.id }?.gate ?? []
      for gate in gates where heldBack.questions.contains(gate.question) {
        add(
          gate.question, reaching: gate.minCredit,
          reason: .gate(dimensionID: dimensionID, reached: reached, heldBack: heldBack.level))
      }
    }
    return steps
  }

  /// The question's actions, in order of the credit they reach, that take it from its credit now
  /// to at least `credit` (the first action past its credit when `credit` is already reached or 0).
  static func steps(
    raising questionID: String, to credit: Double, _ questionnaire: Questionnaire, _ card: Scorecard,
    _ gaps: [Gaps.Gap], reason: Plan.Reason
  ) -> [Plan.Step] {
    guard let question = questionnaire.question(questionID),
      let dimension = card.dimensions.first(where: { $0.questions.contains { $0.id == questionID } }),
      let score = dimension.questions.first(where: { $0.id == questionID })
    else { return [] }
    var base = score.credit ?? 0
    var steps: [Plan.Step] = []
    for action in question.actions.sorted(by: { $0.raisesTo < $1.raisesTo })
    where action.below > base && action.raisesTo > base {
      let impact =
        dimension.totals.maxPoints > 0
        ? 100 * question.weight * (action.raisesTo - base) / dimension.totals.maxPoints : 0
      let days = questionnaire.efforts[action.effort]?.maximum ?? 20
      steps.append(
        Plan.Step(
          id: action.id, action: action, questionID: question.id, questionText: question.text,
          dimensionID: dimension.id,
          dimensionName: dimension.name, reason: reason, credit: base, raisesTo: action.raisesTo,
          impact: impact,
          fullImpact: impact, effortDays: days, effort: action.effort, priority: impact / days,
          quickWin: false,
          prerequisites: action.prerequisites, horizon: nil,
          peersAhead: gaps.first { $0.dimensionID == dimension.id }?.peersAhead))
      base = action.raisesTo
      if base >= credit { break }
    }
    return steps
  }
}
