import InterfaceText
import MaturityKit

/// A question's skip logic in words for the person answering: "Asked because you answered
/// “We are testing AI” or “In production” to question 4", with the options by their labels and
/// the questions by their number on their page (and the page's name when it is another one).
struct ConditionWords {
  let questionnaire: Questionnaire
  let texts: TextCatalogue
  /// The dimension whose page shows the question.
  let dimensionID: String

  /// "Asked because …", or nil for a question always asked.
  func sentence(_ expression: RelevanceExpression?) -> String? {
    expression.map { texts("web.askedBecause", ["condition": words($0.condition)]) }
  }

  private func words(_ condition: RelevanceExpression.Condition) -> String {
    switch condition {
    case .and(let parts): return parts.map(words).joined(separator: texts("web.condition.and"))
    case .or(let parts): return parts.map(words).joined(separator: texts("web.condition.or"))
    case .not(.selected(let question, let option)):
      return texts(
        "web.condition.notTicked", ["option": label(question, option), "question": name(question)])
    case .not(let inner): return texts("web.condition.not", ["condition": words(inner)])
    case .compare(let question, .equal, .text(let option)):
      return texts(
        "web.condition.answered", ["options": label(question, option), "question": name(question)])
    case .compare(let question, .notEqual, .text(let option)):
      return texts(
        "web.condition.notAnswered", ["option": label(question, option), "question": name(question)])
    case .compare(let question, let comparison, let value):
      return texts(
        "web.condition.compare",
        [
          "question": name(question), "comparison": texts("web.condition.\(comparison.name)"),
          "value": value.description,
        ])
    case .oneOf(let question, let values):
      let labels = values.map { label(question, $0.text) }
      let options =
        labels.count > 1
        ? labels.dropLast().joined(separator: ", ") + texts("web.condition.or") + labels.last!
        : labels.first ?? ""
      return texts("web.condition.answered", ["options": options, "question": name(question)])
    case .selected(let question, let option):
      return texts("web.condition.ticked", ["option": label(question, option), "question": name(question)])
    case .answered(let question): return texts("web.condition.anyAnswer", ["question": name(question)])
    }
  }

  /// "question 4", or "question 2 of “Open and empower”" on another page.
  private func name(_ questionID: String) -> String {
    for dimension in questionnaire.dimensions {
      guard let index = dimension.questions.firstIndex(where: { $0.id == questionID }) else { continue }
      return dimension.id == dimensionID
        ? texts("web.condition.question", ["number": "\(index + 1)"])
        : texts(
          "web.condition.questionOf",
          ["number": "\(index + 1)", "dimension": dimension.name.text(texts.language)])
    }
    return questionID
  }

  /// An option by its label in quotes ("yes" and "no" in words, an unknown id as written).
  private func label(_ questionID: String, _ optionID: String) -> String {
    let text =
      questionnaire.question(questionID)?.options.first { $0.id == optionID }?.label.text(texts.language)
      ?? (optionID == "yes" ? texts("web.yes") : optionID == "no" ? texts("web.no") : optionID)
    return texts("web.condition.quoted", ["text": text])
  }
}

extension RelevanceExpression.ComparisonOperator {
  /// The key's last part of the operator's words in the catalogue.
  fileprivate var name: String {
    switch self {
    case .equal: "equal"
    case .notEqual: "notEqual"
    case .less: "less"
    case .lessOrEqual: "lessOrEqual"
    case .greater: "greater"
    case .greaterOrEqual: "greaterOrEqual"
    }
  }
}

extension RelevanceExpression.Literal {
  /// The literal as an option id.
  fileprivate var text: String {
    switch self {
    case .number: description
    case .text(let text): text
    }
  }
}
