/// A value given to a question, typed by the question it answers.
public enum AnswerValue: Sendable, Equatable, Hashable, Codable {
  /// A `scale` or `single` option id.
  case option(String)
  /// A `yesno` answer.
  case boolean(Bool)
  /// The option ids ticked in a `multi` question.
  case options([String])
  /// A `number` or `percent` answer.
  case number(Double)
  /// A `text` answer.
  case text(String)
  /// "Not applicable" (`na`).
  case notApplicable
  /// "Don't know" (`unknown`).
  case unknown
}

/// One question's answer, with the respondent's marks.
///
/// A note without an answer is data too: `value` is nil when only a comment, evidence or the
/// unsure mark was given. Such a question is unanswered (blank) for scoring, and its notes are
/// kept by every path and shown wherever notes are shown.
public struct Answer: Sendable, Equatable, Codable {
  public var questionID: String
  /// The value given, nil for a note without an answer.
  public var value: AnswerValue?
  /// The respondent is not sure: the answer counts for the score but not the confirmed score.
  public var unsure: Bool
  public var comment: String?
  /// A link or reference that supports the answer.
  public var evidence: String?
  /// The line of the answer in its file, for messages.
  public var line: Int?

  public init(
    questionID: String, value: AnswerValue?, unsure: Bool = false, comment: String? = nil,
    evidence: String? = nil,
    line: Int? = nil
  ) {
    self.questionID = questionID
    self.value = value
    self.unsure = unsure
    self.comment = comment
    self.evidence = evidence
    self.line = line
  }

  /// Whether a comment, evidence or the unsure mark is given.
  public var hasNotes: Bool { unsure || comment != nil || evidence != nil }
}

extension AnswerValue {
  /// The value in the words of the response formats: an option id, `yes`/`no`, ids joined by
  /// `|`, a number, the text, `na` or `unknown`.
  public var formatted: String {
    switch self {
    case .option(let id): id
    case .boolean(let flag): flag ? "yes" : "no"
    case .options(let ids): ids.joined(separator: "|")
    case .number(let number): number.formatted
    case .text(let text): text
    case .notApplicable: "na"
    case .unknown: "unknown"
    }
  }
}
