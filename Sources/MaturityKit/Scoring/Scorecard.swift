/// An authority's scores on one questionnaire: per question, section, dimension and overall.
///
/// Numbers are kept unrounded; renderers round for display. A score is nil when there is not
/// enough data for it.
public struct Scorecard: Sendable, Equatable, Codable {
  public var questionnaireID: String
  public var version: String
  public var authority: Authority
  public var date: String?
  public var aggregation: Questionnaire.Aggregation
  public var coverageFloor: Double
  public var overall: OverallScore
  public var dimensions: [DimensionScore]
  /// The questionnaire's legal duties on the assessment's date (today when it has none).
  public var legalBaseline: [LegalDutyStatus]
}

extension Scorecard {
  /// The level of each dimension, then the overall level.
  public var levels: [LevelReached?] { dimensions.map(\.level) + [overall.level] }

  /// The assessment's year, from its date.
  public var year: Int? { date.flatMap { Int($0.prefix(4)) } }
}

/// Sums over a set of questions.
public struct ScoreTotals: Sendable, Equatable, Codable {
  /// Points of the answers (weight × credit).
  public var points: Double = 0
  /// Points with answers marked unsure counted as zero.
  public var confirmedPoints: Double = 0
  /// Maximum points of the applicable questions.
  public var maxPoints: Double = 0
  /// Applicable scored questions: relevant, and not excluded as not applicable.
  public var applicable = 0
  /// Applicable questions with an answer (`unknown` included).
  public var answered = 0
  /// Answers `unknown`: knowledge gaps.
  public var unknown = 0
  /// Answers marked unsure.
  public var unsure = 0

  /// 100 × points / maximum, or nil without a maximum.
  public var score: Double? { maxPoints > 0 ? 100 * points / maxPoints : nil }
  /// The score with unsure answers at zero.
  public var confirmedScore: Double? { maxPoints > 0 ? 100 * confirmedPoints / maxPoints : nil }
  /// Answered over applicable, by count (0 when nothing is applicable).
  public var coverage: Double { applicable > 0 ? Double(answered) / Double(applicable) : 0 }

  mutating func add(_ other: ScoreTotals) {
    points += other.points
    confirmedPoints += other.confirmedPoints
    maxPoints += other.maxPoints
    applicable += other.applicable
    answered += other.answered
    unknown += other.unknown
    unsure += other.unsure
  }
}

/// What became of a question in scoring.
public enum QuestionStatus: String, Sendable, Codable, CaseIterable {
  case answered, na, unknown, missing, notRelevant, unscored
}

/// One question's part in the score.
public struct QuestionScore: Sendable, Equatable, Codable {
  public var id: String
  public var sectionID: String?
  public var answer: AnswerValue?
  public var unsure: Bool
  public var status: QuestionStatus
  /// Credit in [0, 1], nil when the question is out of scoring.
  public var credit: Double?
  /// Weight × credit, nil when out of scoring.
  public var points: Double?
  /// The weight, nil when out of scoring.
  public var maxPoints: Double?
}

/// A section's subtotal: a plain sum of its questions' points.
public struct SectionScore: Sendable, Equatable, Codable {
  public var id: String
  public var name: LocalizedText
  public var totals: ScoreTotals
}

/// A level reached, by id and name.
public struct LevelReached: Sendable, Equatable, Codable {
  public var id: String
  public var name: LocalizedText
}

/// A level the score reaches but a gate holds back, and the gate questions below their minimum.
public struct HeldBackLevel: Sendable, Equatable, Codable {
  public var level: LevelReached
  public var questions: [String]
}

/// A dimension's score.
public struct DimensionScore: Sendable, Equatable, Codable {
  public var id: String
  public var name: LocalizedText
  public var weight: Double
  public var totals: ScoreTotals
  /// False when coverage is under the floor (or nothing can be scored): no score, no level.
  public var sufficientData: Bool
  /// The score, nil with insufficient data.
  public var score: Double? { sufficientData ? totals.score : nil }
  public var confirmedScore: Double? { sufficientData ? totals.confirmedScore : nil }
  public var level: LevelReached?
  /// The next level, when the score reaches it but a gate holds it back.
  public var heldBack: HeldBackLevel?
  public var sections: [SectionScore]
  public var questions: [QuestionScore]
}

/// The overall score, combining the dimensions with enough data.
public struct OverallScore: Sendable, Equatable, Codable {
  public var score: Double?
  public var confirmedScore: Double?
  /// Points and maximum of the dimensions counted in the overall score.
  public var points: Double
  public var maxPoints: Double
  /// Coverage, unknown and unsure over every dimension.
  public var totals: ScoreTotals
  public var level: LevelReached?
  public var heldBack: HeldBackLevel?
}
