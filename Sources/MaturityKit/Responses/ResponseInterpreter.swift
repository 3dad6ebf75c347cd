/// Types a response's answers with the questionnaire's questions and checks them, reporting
/// every problem with its line.
enum ResponseInterpreter {
  /// The unknown option ids of one `multi` answer that are reported; the rest are not.
  static let maximumUnknownOptions = 5

  static func interpret(_ document: ResponseDocument, with questionnaire: Questionnaire) throws(Problems) -> (
    response: Response, warnings: [Problem]
  ) {
    var log = document.log
    let readable = !document.questionnaireID.isEmpty || !log.hasErrors
    if readable
      && (document.questionnaireID != questionnaire.id || !questionnaire.isVersion(document.version))
    {
      log.error(
        document.versionLine, "response.questionnaireMismatch",
        [
          "response": "\(document.questionnaireID) \(document.version)",
          "questionnaire": "\(questionnaire.id) \(questionnaire.version)",
        ])
      try log.check()
    }
    if document.authority.id.trimmedSpaces.isEmpty { log.error(nil, "response.missingAuthorityID") }
    let questions = Dictionary(
      questionnaire.questions.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    var answers: [Answer] = []
    for raw in document.answers {
      guard let question = questions[raw.questionID] else {
        var arguments = ["question": raw.questionID]
        if let suggestion = NearestName.suggestion(for: raw.questionID, among: questions.keys) {
          arguments["suggestion"] = suggestion
          log.error(raw.line, "response.unknownQuestionSuggestion", arguments)
        } else {
          log.error(raw.line, "response.unknownQuestion", arguments)
        }
        continue
      }
      var value: AnswerValue?
      if let rawValue = raw.value {
        guard
          let typed = typedValue(rawValue, for: question, cells: document.cells, line: raw.line, log: &log)
        else {
          continue
        }
        value = typed
      }
      // A note without an answer is kept: blank for scoring, shown with the other notes.
      guard value != nil || raw.unsure || raw.comment != nil || raw.evidence != nil else { continue }
      answers.append(
        Answer(
          questionID: raw.questionID, value: value, unsure: raw.unsure, comment: raw.comment,
          evidence: raw.evidence,
          line: raw.line))
    }
    let response = Response(
      questionnaireID: document.questionnaireID,
      version: questionnaire.isVersion(document.version) ? questionnaire.version : document.version,
      authority: document.authority,
      date: document.date, respondent: document.respondent, answers: answers, file: document.file)
    for question in Relevance.irrelevantAnswered(response, questionnaire) {
      log.warning(response.answer(question)?.line, "response.notRelevant", ["question": question])
    }
    try log.check()
    return (response, log.problems)
  }

  /// The value of `raw` as an answer to `question`, read with `cells` (see
  /// ``AnswerCellReader``), or nil with a problem logged.
  static func typedValue(
    _ raw: ResponseDocument.RawValue, for question: Question, cells: AnswerCellReader, line: Int?,
    log: inout ProblemLog
  ) -> AnswerValue? {
    let arguments = ["question": question.id, "type": question.type.rawValue]
    if case .scalar(let text) = raw, let special = special(text, for: question, cells: cells) {
      switch special {
      case .notApplicable:
        guard question.notApplicable != nil else {
          log.error(line, "response.naNotAllowed", arguments)
          return nil
        }
        return .notApplicable
      default:
        guard question.allowUnknown else {
          log.error(line, "response.unknownNotAllowed", arguments)
          return nil
        }
        return .unknown
      }
    }
    switch (question.type, raw) {
    case (.scale, .scalar(let id)), (.single, .scalar(let id)):
      return option(id, of: question, cells: cells, line: line, log: &log).map(AnswerValue.option)
    case (.yesno, .scalar(let text)):
      let word = question.option(text) == nil ? cells.word(text) : nil
      guard let flag = word == .yes ? true : word == .no ? false : YAMLReader.boolean(text) else {
        log.error(line, "response.expectedYesNo", arguments.merging(["value": text]) { $1 })
        return nil
      }
      return .boolean(flag)
    case (.multi, .list), (.multi, .scalar):
      let ids: [String]
      if case .list(let items) = raw {
        ids = items
      } else if case .scalar(let text) = raw {
        ids = text.split(separator: "|").map { String($0).trimmedSpaces }.filter { !$0.isEmpty }
      } else {
        ids = []
      }
      // An option ticked twice is ticked once; an unknown id is reported once, and at most
      // `maximumUnknownOptions` of them per answer (a cell of thousands of ids, a few messages).
      var valid: [String] = []
      var seen: Set<String> = []
      var unknown = 0
      for written in ids {
        guard let id = cells.option(written, of: question) else {
          unknown += 1
          if unknown <= Self.maximumUnknownOptions {
            _ = option(written, of: question, cells: cells, line: line, log: &log)
          }
          continue
        }
        if seen.insert(id).inserted { valid.append(id) }
      }
      if valid.count > 1,
        let sole = question.options.first(where: { $0.isExclusive && valid.contains($0.id) })
      {
        log.error(line, "response.exclusiveWithOthers", arguments.merging(["option": sole.id]) { $1 })
        return nil
      }
      return unknown == 0 ? .options(valid) : nil
    case (.number, .scalar(let text)), (.percent, .scalar(let text)):
      guard let number = question.type == .percent ? cells.percent(text) : cells.number(text) else {
        log.error(line, "response.expectedNumber", arguments.merging(["value": text]) { $1 })
        return nil
      }
      if question.type == .percent && !(0...100).contains(number) {
        log.error(line, "response.percentRange", arguments.merging(["value": text]) { $1 })
        return nil
      }
      return .number(number)
    case (.text, .scalar(let text)):
      return .text(text)
    case (_, .list):
      log.error(line, "response.listNotAllowed", arguments)
      return nil
    }
  }

  /// `na` or `unknown` when `text` says so in any interface language and is not an option.
  private static func special(_ text: String, for question: Question, cells: AnswerCellReader)
    -> AnswerCellReader.Word?
  {
    let lowered = text.lowercased()
    if lowered == "na" { return .notApplicable }
    if lowered == "unknown" { return .unknown }
    guard question.type != .text, cells.option(text, of: question) == nil else { return nil }
    let word = cells.word(text)
    return word == .notApplicable || word == .unknown ? word : nil
  }

  private static func option(
    _ id: String, of question: Question, cells: AnswerCellReader, line: Int?, log: inout ProblemLog
  ) -> String? {
    if let found = cells.option(id, of: question) { return found }
    var arguments = [
      "question": question.id, "value": id, "options": question.options.map(\.id).joined(separator: ", "),
    ]
    if let suggestion = NearestName.suggestion(for: id, among: question.options.map(\.id)) {
      arguments["suggestion"] = suggestion
      log.error(line, "response.unknownOptionSuggestion", arguments)
    } else {
      log.error(line, "response.unknownOption", arguments)
    }
    return nil
  }
}
