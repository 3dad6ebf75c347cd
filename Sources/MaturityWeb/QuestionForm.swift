import InterfaceText
import MaturityKit

/// A question on a dimension page: reading its fields (`q.ID` the answer, ticked boxes
/// repeated; `x.ID` not applicable or don't know; `u.ID` unsure; `c.ID` comment; `e.ID`
/// evidence) and the view the page shows.
enum QuestionForm {
  /// What was posted for `question`: an answer to save (a value, or notes without a value),
  /// nothing (clear it), or a value that cannot be used, with the reason.
  enum Posted {
    case answer(WrittenAnswer)
    case cleared
    case invalid(value: String, message: String)
  }

  static func read(_ fields: FormFields, _ question: Question, texts: TextCatalogue) -> Posted {
    let id = question.id
    let special = fields.trimmed("x.\(id)")
    let values = fields.all("q.\(id)").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter {
      !$0.isEmpty
    }
    let value = special ?? (question.type == .multi ? values.joined(separator: "|") : values.first ?? "")
    let written = WrittenAnswer(
      questionID: id, value: nil, unsure: fields["u.\(id)"] != nil, comment: fields.trimmed("c.\(id)"),
      evidence: fields.trimmed("e.\(id)"))
    guard !value.isEmpty else {
      // Notes without an answer are kept, as in every other path.
      return written.unsure || written.comment != nil || written.evidence != nil ? .answer(written) : .cleared
    }
    do {
      let typed = try ResponseLoader.value(
        value, for: question, cells: AnswerCellReader(language: texts.language), file: "form")
      var answer = written
      answer.value = typed.formatted
      return .answer(answer)
    } catch {
      return .invalid(value: value, message: error.all.first.map { texts($0.code, $0.arguments) } ?? value)
    }
  }

  /// The view of `question` with its stored `answer` (or what was posted, when it was refused).
  static func context(
    _ question: Question, number: Int, answer: WrittenAnswer?, relevant: Bool,
    error: (value: String, message: String)?, condition: String?,
    texts: TextCatalogue
  ) -> [String: Any] {
    let language = texts.language
    let current = error?.value ?? answer?.value ?? ""
    let selected = Set(current.split(separator: "|").map(String.init))
    func choice(_ value: String, _ label: String) -> [String: Any] {
      [
        "value": value, "label": label, "checked": selected.contains(value) && !current.isEmpty,
        "inputID": "q-\(question.id)-\(value)",
      ]
    }
    var options: [[String: Any]]
    switch question.type {
    case .yesno: options = [choice("yes", texts("web.yes")), choice("no", texts("web.no"))]
    default: options = question.options.map { choice($0.id, $0.label.text(language)) }
    }
    let radio = [.scale, .single, .yesno].contains(question.type)
    var special: [[String: Any]] = []
    if question.notApplicable != nil { special.append(choice("na", texts("web.notApplicable"))) }
    if question.allowUnknown { special.append(choice("unknown", texts("web.unknown"))) }
    if radio { options += special }
    let isSpecial = current == "na" || current == "unknown"
    return [
      "id": question.id, "number": "\(number)", "text": question.text.text(language),
      "help": question.help?.text(language) ?? "", "hasHelp": question.help != nil,
      "relevant": relevant,
      "condition": condition ?? "", "hasCondition": condition != nil,
      "radio": radio, "multi": question.type == .multi,
      "numeric": question.type == .number || question.type == .percent, "percent": question.type == .percent,
      "isText": question.type == .text,
      "options": options, "special": radio ? [] : special, "hasSpecial": !radio && !special.isEmpty,
      "specialNone": !isSpecial,
      "value": isSpecial ? "" : current, "unsure": answer?.unsure ?? false, "comment": answer?.comment ?? "",
      "evidence": answer?.evidence ?? "", "hasNotes": answer?.comment != nil || answer?.evidence != nil,
      "error": error?.message ?? "", "hasError": error != nil, "unanswered": current.isEmpty,
    ]
  }
}
