/// One question of a questionnaire.
public struct Question: Codable, Sendable, Equatable, Identifiable {
  public var id: String
  public var type: QuestionType
  public var text: LocalizedText
  public var help: LocalizedText?
  /// Points at full credit. Zero is allowed and differs from ``scored`` false.
  public var weight: Double
  /// False for a context question: asked, never scored.
  public var scored: Bool
  /// Options of `scale` (ordered stages), `single`, `multi` and, optionally, `yesno`.
  public var options: [AnswerOption]
  /// Credit bands of `number` and `percent` questions.
  public var bands: [CreditBand]
  /// What "not applicable" does; nil when it is not allowed.
  public var notApplicable: NotApplicablePolicy?
  /// Whether "don't know" is allowed.
  public var allowUnknown: Bool
  /// Skip logic: the question is asked only when this holds.
  public var relevant: RelevanceExpression?
  /// What a question skipped by its skip logic scores.
  public var skipped: SkippedPolicy
  /// The legal duty a full answer meets, if the question is one.
  public var legal: LegalDuty?
  /// What closes the gap on this question.
  public var actions: [Action]

  /// The option with this id.
  public func option(_ id: String) -> AnswerOption? { options.first { $0.id == id } }
}

/// The kind of answer a question takes.
public enum QuestionType: String, Codable, Sendable, CaseIterable {
  case scale, yesno, single, multi, number, percent, text
}

/// What a "not applicable" answer does to a question's score.
public enum NotApplicablePolicy: String, Codable, Sendable, CaseIterable {
  /// Out of points and maximum.
  case exclude
  /// Full credit.
  case full
  /// No credit.
  case zero
}

/// What a question skipped by its skip logic does to the score.
public enum SkippedPolicy: String, Codable, Sendable, CaseIterable {
  /// No credit, and the question stays in the maximum: the follow-up of a "no" is worth nothing.
  case zero
  /// Out of points and maximum; allowed only when the skip logic tests the authority's context.
  case exclude
}

/// A choice of a `scale`, `single`, `multi` or `yesno` question.
public struct AnswerOption: Codable, Sendable, Equatable, Identifiable {
  public var id: String
  public var label: LocalizedText
  /// Credit in [0, 1].
  public var credit: Double
  /// The legal duty that choosing this option (or, on a scale, one of at least its credit) meets.
  public var legal: LegalDuty?
  /// `true` for an option of a multiple choice that cannot be ticked with any other ("none");
  /// nil when it can.
  public var exclusive: Bool?

  /// Whether the option cannot be ticked with any other.
  public var isExclusive: Bool { exclusive == true }
}

/// A duty the law puts on authorities, as data: which instrument, which article, from when.
public struct LegalDuty: Codable, Sendable, Equatable {
  /// The instrument, e.g. `AI Act (Regulation (EU) 2024/1689)`, in every language.
  public var instrument: LocalizedText
  /// The article, e.g. `Art. 4`, in every language (written once when it reads the same in all).
  public var article: LocalizedText
  /// What the duty asks, in a few words; the option's label or the question's text when absent.
  public var title: LocalizedText?
  /// The first day the duty applies (`YYYY-MM-DD`).
  public var appliesFrom: String
  /// The last day it applies, when it ends.
  public var to: String?
  /// When the duty concerns the authority at all (it deploys high-risk AI, it holds such data);
  /// always when absent. A condition on answers and the authority's context, as `relevant`.
  public var appliesWhen: RelevanceExpression?
}

/// Credit for a numeric answer in `[min, max)`; an absent bound is open.
public struct CreditBand: Codable, Sendable, Equatable {
  public var min: Double?
  public var max: Double?
  public var credit: Double

  public func contains(_ value: Double) -> Bool {
    (min.map { value >= $0 } ?? true) && (max.map { value < $0 } ?? true)
  }
}

/// A capacity-building action that raises a question's credit.
public struct Action: Codable, Sendable, Equatable, Identifiable {
  public var id: String
  /// The action applies while the question's credit is below this.
  public var below: Double
  /// The credit reached once the action is done.
  public var raisesTo: Double
  public var title: LocalizedText
  public var description: LocalizedText
  public var effort: Effort
  public var costBand: CostBand?
  /// The role that carries the action out.
  public var owner: LocalizedText
  public var kind: ActionKind
  /// Actions to complete first.
  public var prerequisites: [String]
  public var resources: [Resource]
}

/// Rough cost of an action beyond staff time.
public enum CostBand: String, Codable, Sendable, CaseIterable {
  case none, low, medium, high
}

/// What an action builds.
public enum ActionKind: String, Codable, Sendable, CaseIterable {
  case skills, governance, platform, partnership, funding
}

/// A link to help with an action.
public struct Resource: Codable, Sendable, Equatable {
  public var title: LocalizedText
  public var url: String
}
