import Foundation

/// One legal duty of the questionnaire, as it stands for an authority on its assessment's date.
///
/// Duties stay in their dimension's score; the baseline reports them apart, because a duty the
/// law already puts on the authority is not good practice to weigh against the rest.
public struct LegalDutyStatus: Sendable, Equatable, Codable {
  /// Where an authority stands on one duty.
  public enum Status: String, Sendable, Codable, CaseIterable {
    /// The answer meets the duty.
    case met
    /// The answer falls short of it.
    case notMet
    /// Blank or "don't know": nobody can tell.
    case unanswered
    /// The duty applies only from a later date than the assessment's.
    case notYetApplicable
    /// The duty does not concern the authority: its `appliesWhen` does not hold, the question
    /// does not apply (skipped, or answered "not applicable"), or the duty ended before the
    /// assessment.
    case notApplicable
  }

  public var questionID: String
  /// The option that carries the duty; nil when the whole question does.
  public var optionID: String?
  /// What the duty asks: its own title, else the option's label, else the question's text.
  public var title: LocalizedText
  public var duty: LegalDuty
  public var status: Status
}

extension Scorer {
  /// Every duty of `questionnaire` (questions', then their options', in file order) on `date`.
  ///
  /// A duty on a question is met at full credit; a duty on an option is met when that option is
  /// ticked, or, on a scored `scale` or `single` question, by any answer of at least its credit.
  static func legalBaseline(
    _ questionnaire: Questionnaire, scores: [String: QuestionScore], response: Response, date: String
  ) -> [LegalDutyStatus] {
    let context = AuthorityContext(response.authority)
    let concerns = { (duty: LegalDuty) in
      duty.appliesWhen?.evaluate(context: context) { response.answer($0)?.value } ?? true
    }
    var baseline: [LegalDutyStatus] = []
    for question in questionnaire.questions {
      guard let score = scores[question.id] else { continue }
      if let duty = question.legal {
        let status = legalStatus(duty, score, date: date, concerns: concerns(duty)) { ($0.credit ?? 0) >= 1 }
        baseline.append(
          LegalDutyStatus(
            questionID: question.id, optionID: nil, title: duty.title ?? question.text, duty: duty,
            status: status))
      }
      for option in question.options {
        guard let duty = option.legal else { continue }
        let status = legalStatus(duty, score, date: date, concerns: concerns(duty)) { score in
          switch score.answer {
          case .options(let ticked): ticked.contains(option.id)
          case .option(let id) where id == option.id: true
          case .boolean(let flag): (flag ? "yes" : "no") == option.id
          default: question.scored && question.type != .multi && (score.credit ?? 0) >= option.credit
          }
        }
        baseline.append(
          LegalDutyStatus(
            questionID: question.id, optionID: option.id, title: duty.title ?? option.label, duty: duty,
            status: status))
      }
    }
    return baseline
  }

  private static func legalStatus(
    _ duty: LegalDuty, _ score: QuestionScore, date: String, concerns: Bool, meets: (QuestionScore) -> Bool
  ) -> LegalDutyStatus.Status {
    if !concerns { return .notApplicable }
    if date < duty.appliesFrom { return .notYetApplicable }
    if let end = duty.to, date > end { return .notApplicable }
    switch (score.status, score.answer) {
    case (.notRelevant, _), (.na, _), (.unscored, .notApplicable): return .notApplicable
    case (.missing, _), (.unknown, _), (.unscored, nil), (.unscored, .unknown): return .unanswered
    case (.answered, _), (.unscored, _): return meets(score) ? .met : .notMet
    }
  }
}
