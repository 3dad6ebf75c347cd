/// The level a score reaches, and the next one when a gate holds it back.
public struct LevelOutcome: Sendable, Equatable {
  public var level: LevelReached?
  public var heldBack: HeldBackLevel?

  public init(level: LevelReached? = nil, heldBack: HeldBackLevel? = nil) {
    self.level = level
    self.heldBack = heldBack
  }
}

extension Questionnaire {
  /// The one level function: the highest level whose threshold `score` reaches with every lower
  /// level's gates and its own holding, and the next level when only a gate stops it.
  ///
  /// Every output (score, reports, network report, plan, web pages, peer files) gets its levels
  /// here, so an authority has the same level everywhere. Only gates on `gateQuestions` count
  /// (a dimension's own questions; every question for the overall level). A gate question whose
  /// credit is unknown (`credits` gives nil: blank, skipped, or a peer file without answers)
  /// does not hold, so a level is never granted on answers nobody has seen.
  public func level(for score: Double, credits: (String) -> Double?, gateQuestions: Set<String>)
    -> LevelOutcome
  {
    var reached: LevelReached?
    for level in levels where score >= level.min {
      let failing = level.gate.filter { gate in
        gateQuestions.contains(gate.question) && (credits(gate.question) ?? -1) < gate.minCredit
      }
      let current = LevelReached(id: level.id, name: level.name)
      guard failing.isEmpty else {
        return LevelOutcome(
          level: reached, heldBack: HeldBackLevel(level: current, questions: failing.map(\.question)))
      }
      reached = current
    }
    return LevelOutcome(level: reached)
  }

  /// The levels of a peer row known by its scores only (one per dimension, then overall): the
  /// same function, with no gate question's credit known, so a level behind a gate is not granted.
  public func levels(ofScores scores: [Double?]) -> [LevelReached?] {
    let gateQuestions = dimensions.map { Set($0.questions.map(\.id)) } + [Set(questions.map(\.id))]
    return zip(scores, gateQuestions).map { score, gates in
      score.flatMap { level(for: $0, credits: { _ in nil }, gateQuestions: gates).level }
    }
  }

  /// The level above `outcome`'s: the level a gate holds back, else the first level whose
  /// threshold is above `score`; nil at the top.
  public func nextLevel(after outcome: LevelOutcome, score: Double) -> Level? {
    if let held = outcome.heldBack { return levels.first { $0.id == held.level.id } }
    return levels.first { $0.min > score }
  }
}
