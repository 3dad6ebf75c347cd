/// A prioritised, sequenced capacity-building plan for one authority.
public struct Plan: Sendable, Equatable, Codable {
  /// Why an action is in the plan.
  public enum Reason: Sendable, Equatable, Codable {
    /// It closes part of a dimension's gap to its target.
    case gap
    /// Another planned action needs it first.
    case prerequisite(of: String)
    /// The answer was "don't know": find out before planning.
    case findOut
    /// The law requires what the action brings, and the answer shows it is not done yet.
    case legalDuty(LegalDuty)
    /// A gate holds a level back (of a dimension, or overall when `dimensionID` is nil) until the
    /// action is done: the score reaches `heldBack`, the authority stays at `reached`.
    case gate(dimensionID: String?, reached: LevelReached?, heldBack: LevelReached)
  }

  public struct Step: Sendable, Equatable, Codable {
    /// The action's id (`find-out-<question>` for a "find out" step).
    public var id: String
    /// Nil for a "find out" step, which has no action in the questionnaire.
    public var action: Action?
    public var questionID: String
    public var questionText: LocalizedText
    public var dimensionID: String
    public var dimensionName: LocalizedText
    public var reason: Reason
    /// The question's credit now, and what the action raises it to.
    public var credit: Double
    public var raisesTo: Double
    /// Score points the dimension gains, counted only up to what closes its gap.
    public var impact: Double
    /// The same before the cap.
    public var fullImpact: Double
    /// Person-days, at the upper end of the effort's range.
    public var effortDays: Double
    public var effort: Effort
    /// Impact per person-day.
    public var priority: Double
    public var quickWin: Bool
    /// Planned steps that must come first.
    public var prerequisites: [String]
    /// The horizon index (0 is the first), or nil when it did not fit in any (carried over).
    public var horizon: Int?
    /// Peers scoring above the authority in this dimension, when compared.
    public var peersAhead: Int?
  }

  /// A dimension's gap, as the plan sees it.
  public struct Horizon: Sendable, Equatable, Codable {
    /// Months from now: `[start, end)`.
    public var start: Int
    public var end: Int
    /// Person-days planned in it.
    public var days: Double
  }

  public var authority: Authority
  public var questionnaireID: String
  public var version: String
  public var target: GapTarget
  public var capacity: Double?
  /// The digital staff (full-time equivalents) the capacity was derived from, when it was not given.
  public var staffFTE: Double?
  /// True when the authority is at or above the peer target in every dimension, so the plan aims
  /// at the next maturity level instead.
  public var aimsAtNextLevel: Bool
  public var gaps: [Gaps.Gap]
  /// In order: "find out" steps first, then by priority, never before a prerequisite.
  public var steps: [Step]
  public var horizons: [Horizon]
  /// Actions of the earlier plan that the newer answers show as done.
  public var achieved: [Action]
}
