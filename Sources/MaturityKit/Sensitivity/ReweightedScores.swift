/// The authorities of a sensitivity analysis and their overall scores under other weights.
///
/// A row from a scores-shape file has only its dimension scores: its overall is their weighted
/// mean, with each dimension's weight multiplied by its factor, and none when a dimension has no
/// score (the scoring rule: the overall needs every dimension).
/// (With `aggregation: points` a dimension counts by its points, taken as the sum of its scored
/// questions' weights: exact when every question applies.) A row from an answers-shape file is
/// scored again from its answers by ``ScoringPlan`` with every dimension's and question's weight
/// multiplied by its factor, following the questionnaire's aggregation.
struct ReweightedScores: Sendable {
  let questionnaire: Questionnaire
  let dimensionCount: Int
  let questionCount: Int
  /// The weight of each dimension in an overall recomputed from dimension scores.
  let dimensionWeights: [Double]
  /// `dimensionCount` scores per row of a scores-shape file (NaN: insufficient data); unused
  /// for a row scored from answers.
  let scores: [Double]
  /// Each row's slot in `answers`, or -1 for a row of a scores-shape file.
  let slots: [Int32]
  let answers: PeerAnswers
  private let rescoresAnswers: Bool

  init(questionnaire: Questionnaire, scores: [Double], slots: [Int32], answers: PeerAnswers) {
    self.questionnaire = questionnaire
    dimensionCount = questionnaire.dimensions.count
    questionCount = questionnaire.questions.count
    switch questionnaire.aggregation {
    case .mean: dimensionWeights = questionnaire.dimensions.map(\.weight)
    case .points:
      dimensionWeights = questionnaire.dimensions.map {
        $0.questions.filter(\.scored).reduce(0) { $0 + $1.weight }
      }
    }
    self.scores = scores
    self.slots = slots
    self.answers = answers
    rescoresAnswers = slots.contains { $0 >= 0 }
  }

  var count: Int { slots.count }

  /// The number of factors a run draws: one per dimension, then one per question.
  var factorCount: Int { dimensionCount + questionCount }

  /// Every row's overall score with the weights multiplied by `factors` (``factorCount`` of
  /// them), into `output`.
  func overall(_ factors: ArraySlice<Double>, into output: UnsafeMutableBufferPointer<Double>) {
    let dimensionFactors = Array(factors.prefix(dimensionCount))
    let weights = zip(dimensionWeights, dimensionFactors).map { $0 * $1 }
    let plan = rescoresAnswers ? ScoringPlan(Self.reweighted(questionnaire, factors)) : nil
    var relevant = [Bool](repeating: false, count: questionCount)
    var scored = [Double](repeating: .nan, count: dimensionCount + 1)
    answers.codes.withUnsafeBufferPointer { codes in
      relevant.withUnsafeMutableBufferPointer { relevant in
        scored.withUnsafeMutableBufferPointer { scored in
          for row in 0..<count {
            let slot = Int(slots[row])
            if slot >= 0, let plan {
              let start = slot * questionCount
              plan.score(
                UnsafeBufferPointer(rebasing: codes[start..<(start + questionCount)]),
                context: answers.contexts[slot], relevant: relevant, into: scored)
              output[row] = scored[dimensionCount]
            } else {
              output[row] = weightedMean(row, weights)
            }
          }
        }
      }
    }
  }

  private func weightedMean(_ row: Int, _ weights: [Double]) -> Double {
    var sum = 0.0
    var total = 0.0
    for dimension in 0..<dimensionCount {
      let score = scores[row * dimensionCount + dimension]
      guard !score.isNaN else { return .nan }
      sum += weights[dimension] * score
      total += weights[dimension]
    }
    return total > 0 ? sum / total : .nan
  }

  /// `questionnaire` with its weights multiplied by `factors`: each dimension's by its own,
  /// each question's by its own (and, with `aggregation: points`, by its dimension's, since
  /// there a dimension weighs by its questions' points).
  static func reweighted(_ questionnaire: Questionnaire, _ factors: ArraySlice<Double>) -> Questionnaire {
    var result = questionnaire
    var next = factors.startIndex + questionnaire.dimensions.count
    for dimension in result.dimensions.indices {
      let factor = factors[factors.startIndex + dimension]
      result.dimensions[dimension].weight *= factor
      for question in result.dimensions[dimension].questions.indices {
        result.dimensions[dimension].questions[question].weight *=
          factors[next] * (questionnaire.aggregation == .points ? factor : 1)
        next += 1
      }
    }
    return result
  }
}
