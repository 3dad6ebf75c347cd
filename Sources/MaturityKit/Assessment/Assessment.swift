/// One authority's assessment on the one road through the engine: a response, scored, compared
/// with a peer group, set against an earlier assessment, measured for gaps, reported and
/// planned for. Every command and page that shows an assessment builds its stages here.
public struct Assessment: Sendable {
  public let questionnaire: Questionnaire
  public let response: Response
  public let scorecard: Scorecard
  /// The comparison with a peer group, once ``compare(with:minimumGroup:carriedFrom:)`` made it.
  public private(set) var comparison: Comparison?
  /// The earlier assessment of the same authority, scored on this edition.
  public private(set) var previous: Scorecard?
  /// How the earlier assessment was carried over from an earlier edition, when it was.
  public private(set) var previousMigration: MigratedResponse?

  /// `response` scored on `questionnaire`.
  public init(_ response: Response, on questionnaire: Questionnaire) {
    self.questionnaire = questionnaire
    self.response = response
    scorecard = Scorer.score(response, with: questionnaire)
  }

  /// Compares the scores with `group`; a group under `minimumGroup` (k) is refused
  /// (``ComparisonError``). `carriedFrom` says the response was carried over to this edition
  /// for the comparison. Returns the comparison made.
  @discardableResult
  public mutating func compare(
    with group: GroupScores, minimumGroup: Int, carriedFrom: EditionCarried? = nil
  ) throws -> Comparison {
    var comparison = try Comparison(scorecard, group: group, minimumGroup: minimumGroup)
    comparison.carriedFrom = carriedFrom
    self.comparison = comparison
    return comparison
  }

  /// Sets `earlier`, a response of the same authority, against this assessment: scored on
  /// `edition` when given, else on this one (carried over by `migration` when it was written for
  /// an earlier edition).
  public mutating func setPrevious(
    _ earlier: Response, scoredOn edition: Questionnaire? = nil, migration: MigratedResponse? = nil
  ) {
    previous = Scorer.score(earlier, with: edition ?? questionnaire)
    previousMigration = migration
  }

  /// The gaps to `target`, or to the default target (see ``Gaps``).
  public func gaps(to target: GapTarget? = nil) -> Gaps {
    Gaps(questionnaire, scorecard, comparison: comparison, target: target)
  }

  /// The gap report, its gaps measured to `target`.
  public func report(target: GapTarget? = nil) -> GapReport {
    GapReport(
      questionnaire: questionnaire, response: response, scorecard: scorecard, comparison: comparison,
      previous: previous, target: target, previousMigration: previousMigration)
  }

  /// The plan `planner` makes of this assessment.
  public func plan(_ planner: Planner) -> Plan {
    planner.plan(questionnaire, scorecard: scorecard, comparison: comparison, previous: previous)
  }
}
