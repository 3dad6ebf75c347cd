import InterfaceText

/// What a gap is measured against.
public enum GapTarget: Sendable, Equatable, Codable {
  case median, p75, p90
  /// A level's threshold, by level id.
  case level(String)
  /// The next level above the authority's (per dimension), when there are no peers.
  case nextLevel

  /// `median`, `p75`, `p90`, `level:ID` or `level:N` (1 is the first level).
  public init?(argument: String, levels: [Level]) {
    switch argument.lowercased() {
    case "median": self = .median
    case "p75": self = .p75
    case "p90": self = .p90
    default:
      guard argument.lowercased().hasPrefix("level:") else { return nil }
      let name = String(argument.dropFirst("level:".count))
      if let level = levels.first(where: { $0.id == name }) {
        self = .level(level.id)
      } else if let number = Int(name), (1...levels.count).contains(number) {
        self = .level(levels[number - 1].id)
      } else {
        return nil
      }
    }
  }

  public var name: String {
    switch self {
    case .median: "median"
    case .p75: "p75"
    case .p90: "p90"
    case .level(let id): "level:\(id)"
    case .nextLevel: "nextLevel"
    }
  }
}

/// How far each dimension and the overall score are from a target: the one computation of
/// gaps, shown by reports and planned for by plans.
public struct Gaps: Sendable, Equatable, Codable {
  /// One dimension's distance to the target.
  public struct Gap: Sendable, Equatable, Codable {
    public var dimensionID: String
    public var name: LocalizedText
    public var score: Double?
    public var target: Double?
    /// Target − score; nil when either is unknown; ≤ 0 means the dimension is at or above target.
    public var gap: Double?
    public var peersAhead: Int?
  }

  public var target: GapTarget
  public var dimensions: [Gap]
  public var overallTarget: Double?
  /// Target − overall score, as for a dimension.
  public var overallGap: Double?

  /// The gaps of `card` to `target`, or to the default target: the peers' P75 when compared with
  /// peers, else the next level.
  public init(
    _ questionnaire: Questionnaire, _ card: Scorecard, comparison: Comparison?, target: GapTarget? = nil
  ) {
    let target = target ?? (comparison == nil ? .nextLevel : .p75)
    self.target = target
    dimensions = card.dimensions.enumerated().map { index, dimension in
      let row = comparison?.dimensions[index]
      let value = Self.value(
        of: target, questionnaire, score: dimension.score, peers: row?.peers,
        reached: LevelOutcome(level: dimension.level, heldBack: dimension.heldBack))
      return Gap(
        dimensionID: dimension.id, name: dimension.name, score: dimension.score, target: value,
        gap: Self.difference(value, dimension.score), peersAhead: row?.peersAhead)
    }
    overallTarget = Self.value(
      of: target, questionnaire, score: card.overall.score, peers: comparison?.overall.peers,
      reached: LevelOutcome(level: card.overall.level, heldBack: card.overall.heldBack))
    overallGap = Self.difference(overallTarget, card.overall.score)
  }

  /// The target's value for one score: a peer statistic, a level's threshold, or the next
  /// level's (the one a gate holds back, if any).
  private static func value(
    of target: GapTarget, _ questionnaire: Questionnaire, score: Double?, peers: PeerStatistics?,
    reached: LevelOutcome
  ) -> Double? {
    switch target {
    case .median: peers?.median
    case .p75: peers?.p75
    case .p90: peers?.p90
    case .level(let id): questionnaire.levels.first { $0.id == id }?.min
    case .nextLevel: score.flatMap { questionnaire.nextLevel(after: reached, score: $0)?.min }
    }
  }

  private static func difference(_ target: Double?, _ score: Double?) -> Double? {
    target.flatMap { target in score.map { target - $0 } }
  }
}
