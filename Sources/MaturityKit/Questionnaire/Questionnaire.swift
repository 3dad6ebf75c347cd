import CSV

/// A questionnaire: dimensions of questions, levels, and the actions that close gaps.
///
/// Loaded from `Questionnaires/<id>/questionnaire.yaml` by ``QuestionnaireLoader``, which checks
/// everything described in `docs/formats.md`; a value of this type is always valid.
public struct Questionnaire: Codable, Sendable, Equatable {
  public var id: String
  public var version: String
  /// The languages every text is given in, the first being the default.
  public var languages: [String]
  public var title: LocalizedText
  public var description: LocalizedText?
  public var aggregation: Aggregation
  /// Dimensions whose coverage is below this get no level and stay out of the overall score.
  public var coverageFloor: Double
  /// Lower bounds of population bands: each band is `[lower, next lower)`.
  public var populationBands: [Double]
  /// Person-days per effort size.
  public var efforts: [Effort: EffortRange]
  /// A `number` question giving the authority's digital staff in full-time equivalents, from
  /// which a plan derives its default capacity.
  public var staffQuestion: String?
  /// From lowest to highest.
  public var levels: [Level]
  public var dimensions: [Dimension]

  /// Every question, in file order.
  public var questions: [Question] { dimensions.flatMap(\.questions) }

  /// The question with this id.
  public func question(_ id: String) -> Question? { questions.first { $0.id == id } }

  /// Whether `written` names this questionnaire's version: the same text, or the same number
  /// after a spreadsheet turned the version into one (`2025,1` for `2025.1`, `1` for `1.0`).
  public func isVersion(_ written: String) -> Bool {
    if written == version { return true }
    guard let number = CSVNumber.parse(written), let own = CSVNumber.parse(version) else { return false }
    return number == own
  }

  /// Every action, in file order.
  public var actions: [Action] { questions.flatMap(\.actions) }

  /// How dimension scores combine into the overall score.
  public enum Aggregation: String, Codable, Sendable, CaseIterable {
    /// Weighted mean of the dimension scores (by dimension weight).
    case mean
    /// Sum of points over sum of maxima, across dimensions.
    case points
  }

  static let defaultPopulationBands: [Double] = [5000, 20000, 50000, 100000, 250000, 1_000_000]
  static let defaultEfforts: [Effort: EffortRange] = [
    .small: EffortRange(minimum: 1, maximum: 5), .medium: EffortRange(minimum: 5, maximum: 20),
    .large: EffortRange(minimum: 20, maximum: 60),
  ]
}

/// A group of questions scored together, such as one of the five priorities.
public struct Dimension: Codable, Sendable, Equatable, Identifiable {
  public var id: String
  public var name: LocalizedText
  /// Relative weight in the overall mean.
  public var weight: Double
  /// Parts with their own subtotals; empty when the dimension lists its questions directly.
  public var sections: [Section]
  /// Every question of the dimension, in file order (those of its sections when it has any).
  public var questions: [Question]
}

/// A part of a dimension, with its own subtotal (a plain sum of its questions' points).
public struct Section: Codable, Sendable, Equatable, Identifiable {
  public var id: String
  public var name: LocalizedText
  public var questionIDs: [String]
}

/// A maturity level reached at a score of `min`, unless a gate holds it back.
public struct Level: Codable, Sendable, Equatable, Identifiable {
  public var id: String
  public var name: LocalizedText
  /// Score (0–100) from which the level is reached.
  public var min: Double
  /// Questions whose credit must reach a minimum for the level to be reached.
  public var gate: [Gate]
}

/// A condition on one question's credit that a level needs.
public struct Gate: Codable, Sendable, Equatable {
  public var question: String
  public var minCredit: Double
}

/// Effort of an action, by size.
public enum Effort: String, Codable, Sendable, CaseIterable, CodingKeyRepresentable {
  case small = "S"
  case medium = "M"
  case large = "L"
}

/// Person-days an effort size stands for.
public struct EffortRange: Codable, Sendable, Equatable {
  public var minimum: Double
  public var maximum: Double
}
