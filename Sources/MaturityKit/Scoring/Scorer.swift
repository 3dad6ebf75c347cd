/// Scores a response: question credit, then section, dimension and overall totals, levels and
/// coverage, exactly as `docs/scoring.md` describes. Nothing is rounded.
public enum Scorer {
  public static func score(_ response: Response, with questionnaire: Questionnaire) -> Scorecard {
    let relevant = Relevance.relevantQuestions(response, questionnaire)
    let answers = Dictionary(
      response.answers.map { ($0.questionID, $0) }, uniquingKeysWith: { first, _ in first })
    var credits: [String: Double] = [:]
    var dimensions: [DimensionScore] = []
    for dimension in questionnaire.dimensions {
      let sectionOf = Dictionary(
        dimension.sections.flatMap { section in section.questionIDs.map { ($0, section.id) } },
        uniquingKeysWith: { first, _ in first })
      var totals = ScoreTotals()
      var sectionTotals: [String: ScoreTotals] = [:]
      var questions: [QuestionScore] = []
      for question in dimension.questions {
        let (score, part) = scoreQuestion(
          question, answer: answers[question.id], relevant: relevant[question.id] ?? true)
        var scored = score
        scored.sectionID = sectionOf[question.id]
        if let credit = score.credit { credits[question.id] = credit }
        totals.add(part)
        if let section = scored.sectionID { sectionTotals[section, default: ScoreTotals()].add(part) }
        questions.append(scored)
      }
      let sufficient = totals.maxPoints > 0 && totals.coverage >= questionnaire.coverageFloor
      let outcome =
        sufficient
        ? questionnaire.level(
          for: totals.score!, credits: { credits[$0] }, gateQuestions: Set(dimension.questions.map(\.id)))
        : LevelOutcome()
      dimensions.append(
        DimensionScore(
          id: dimension.id, name: dimension.name, weight: dimension.weight, totals: totals,
          sufficientData: sufficient,
          level: outcome.level, heldBack: outcome.heldBack,
          sections: dimension.sections.map {
            SectionScore(id: $0.id, name: $0.name, totals: sectionTotals[$0.id] ?? ScoreTotals())
          },
          questions: questions))
    }
    let overall = overallScore(dimensions, questionnaire: questionnaire, credits: credits)
    return Scorecard(
      questionnaireID: questionnaire.id, version: questionnaire.version, authority: response.authority,
      date: response.date, aggregation: questionnaire.aggregation, coverageFloor: questionnaire.coverageFloor,
      overall: overall, dimensions: dimensions,
      legalBaseline: legalBaseline(
        questionnaire,
        scores: Dictionary(
          dimensions.flatMap(\.questions).map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a }),
        response: response, date: response.date ?? ISODate.today))
  }

  /// The credit of an answer, by question type; nil for `na` and `unknown` (decided by the caller).
  public static func credit(of value: AnswerValue, for question: Question) -> Double? {
    switch value {
    case .option(let id): return question.option(id)?.credit ?? 0
    case .boolean(let flag):
      if let option = question.option(flag ? "yes" : "no") { return option.credit }
      return flag ? 1 : 0
    case .options(let ids):
      return min(1, ids.reduce(0) { $0 + (question.option($1)?.credit ?? 0) })
    case .number(let number):
      return question.bands.first { $0.contains(number) }?.credit ?? 0
    case .text: return nil
    case .notApplicable, .unknown: return nil
    }
  }

  private static func scoreQuestion(_ question: Question, answer: Answer?, relevant: Bool) -> (
    QuestionScore, ScoreTotals
  ) {
    var score = QuestionScore(
      id: question.id, sectionID: nil, answer: answer?.value, unsure: answer?.unsure ?? false,
      status: .missing,
      credit: nil, points: nil, maxPoints: nil)
    var part = ScoreTotals()
    guard question.scored else {
      score.status = relevant ? .unscored : .notRelevant
      return (score, part)
    }
    guard relevant else {
      // Skipped: the follow-up of a "no" is worth nothing and stays in the maximum, unless the
      // skip logic is about the authority's context and says to exclude it. Not counted in coverage.
      score.status = .notRelevant
      guard question.skipped == .zero else { return (score, part) }
      score.points = 0
      score.maxPoints = question.weight
      part.maxPoints = question.weight
      return (score, part)
    }
    guard let answer, let value = answer.value else {
      // Blank: no credit, stays in the maximum, lowers coverage.
      score.points = 0
      score.maxPoints = question.weight
      part.applicable = 1
      part.maxPoints = question.weight
      return (score, part)
    }
    let credit: Double
    switch value {
    case .notApplicable:
      score.status = .na
      switch question.notApplicable {
      case .full: credit = 1
      case .zero: credit = 0
      case .exclude, nil: return (score, part)
      }
    case .unknown:
      score.status = .unknown
      part.unknown = 1
      credit = 0
    default:
      score.status = .answered
      credit = Self.credit(of: value, for: question) ?? 0
    }
    score.credit = credit
    score.points = question.weight * credit
    score.maxPoints = question.weight
    part.applicable = 1
    part.answered = 1
    part.points = question.weight * credit
    part.maxPoints = question.weight
    if answer.unsure {
      part.unsure = 1
    } else {
      part.confirmedPoints = part.points
    }
    return (score, part)
  }

  private static func overallScore(
    _ dimensions: [DimensionScore], questionnaire: Questionnaire, credits: [String: Double]
  ) -> OverallScore {
    var totals = ScoreTotals()
    for dimension in dimensions { totals.add(dimension.totals) }
    // Every dimension that scores anything must have enough data: leaving one out would let an
    // authority raise its overall score by answering less of its weakest priority.
    let scoring = dimensions.filter { $0.totals.maxPoints > 0 || $0.totals.applicable > 0 }
    let counted = scoring.allSatisfy(\.sufficientData) ? scoring : []
    let points = counted.reduce(0) { $0 + $1.totals.points }
    let confirmedPoints = counted.reduce(0) { $0 + $1.totals.confirmedPoints }
    let maxPoints = counted.reduce(0) { $0 + $1.totals.maxPoints }
    var score: Double?
    var confirmed: Double?
    switch questionnaire.aggregation {
    case .mean:
      let weight = counted.reduce(0) { $0 + $1.weight }
      if weight > 0 {
        score = counted.reduce(0) { $0 + $1.weight * $1.score! } / weight
        confirmed = counted.reduce(0) { $0 + $1.weight * $1.confirmedScore! } / weight
      }
    case .points:
      if maxPoints > 0 {
        score = 100 * points / maxPoints
        confirmed = 100 * confirmedPoints / maxPoints
      }
    }
    let outcome =
      score.map {
        questionnaire.level(
          for: $0, credits: { credits[$0] }, gateQuestions: Set(questionnaire.questions.map(\.id)))
      }
      ?? LevelOutcome()
    return OverallScore(
      score: score, confirmedScore: confirmed, points: points, maxPoints: maxPoints, totals: totals,
      level: outcome.level, heldBack: outcome.heldBack)
  }
}
