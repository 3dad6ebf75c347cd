/// Checks that need the whole questionnaire: skip logic, gates, levels, prerequisites.
enum QuestionnaireChecks {
  static func run(_ questionnaire: Questionnaire, lines: DefinitionLines, log: inout ProblemLog) {
    checkRelevance(questionnaire, lines: lines, log: &log)
    checkLevels(questionnaire, lines: lines, log: &log)
    checkPrerequisites(questionnaire, lines: lines, log: &log)
    if let id = questionnaire.staffQuestion, questionnaire.question(id)?.type != .number {
      log.error(lines.staffQuestion, "questionnaire.staffQuestion", ["id": id])
    }
  }

  /// A `relevant` expression may only test earlier questions and the authority's context, with
  /// values they can take; `skipped: exclude` only a condition on the context.
  private static func checkRelevance(
    _ questionnaire: Questionnaire, lines: DefinitionLines, log: inout ProblemLog
  ) {
    let questions = questionnaire.questions
    let position = Dictionary(
      questions.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
    for (index, question) in questions.enumerated() {
      if question.skipped == .exclude, question.relevant?.testsAnswers ?? true {
        log.error(
          lines.skipped[question.id] ?? lines.questions[question.id],
          question.relevant == nil ? "relevance.excludeWithoutCondition" : "relevance.excludeOnAnswers",
          ["question": question.id])
      }
      guard let expression = question.relevant else { continue }
      check(
        expression, of: question.id, line: lines.relevant[question.id], before: index, questions, position,
        &log)
    }
    // A legal duty's `appliesWhen` may test any question: it is read once every answer is given.
    for (owner, line, condition) in lines.legalConditions {
      check(condition, of: owner, line: line, before: nil, questions, position, &log)
    }
  }

  /// Each test of `expression` names a question (before the one at index `limit`, when given) or
  /// the authority's context, with a value it can take.
  private static func check(
    _ expression: RelevanceExpression, of source: String, line: Int?, before limit: Int?,
    _ questions: [Question],
    _ position: [String: Int], _ log: inout ProblemLog
  ) {
    for test in expression.condition.tests {
      if let subject = test.subject, subject.hasPrefix(AuthorityContext.prefix) {
        checkContext(test, subject, line: line, source: source, log: &log)
        continue
      }
      let (target, check) = describe(test)
      guard let targetIndex = position[target] else {
        var arguments = ["question": source, "target": target]
        if let suggestion = NearestName.suggestion(for: target, among: questions.map(\.id)) {
          arguments["suggestion"] = suggestion
          log.error(line, "relevance.unknownQuestionSuggestion", arguments)
        } else {
          log.error(line, "relevance.unknownQuestion", arguments)
        }
        continue
      }
      if let limit, targetIndex >= limit {
        log.error(line, "relevance.laterQuestion", ["question": source, "target": target])
        continue
      }
      check(questions[targetIndex], line, source, &log)
    }
  }

  private typealias Check = (Question, Int?, String, inout ProblemLog) -> Void

  private static func describe(_ test: RelevanceExpression.Condition) -> (String, Check) {
    switch test {
    case .answered(let question):
      return (question, { _, _, _, _ in })
    case .selected(let question, let option):
      return (
        question,
        { target, line, source, log in
          guard [.multi, .single, .scale].contains(target.type) else {
            log.error(line, "relevance.selectedNeedsOptions", ["question": source, "target": target.id])
            return
          }
          checkOption(option, of: target, line: line, source: source, log: &log)
        }
      )
    case .oneOf(let question, let literals):
      return (
        question,
        { target, line, source, log in
          for literal in literals {
            checkLiteral(literal, .equal, target, line: line, source: source, log: &log)
          }
        }
      )
    case .compare(let question, let comparison, let literal):
      return (
        question,
        { target, line, source, log in
          checkLiteral(literal, comparison, target, line: line, source: source, log: &log)
        }
      )
    case .and, .or, .not:
      return ("", { _, _, _, _ in })
    }
  }

  private static func checkLiteral(
    _ literal: RelevanceExpression.Literal, _ comparison: RelevanceExpression.ComparisonOperator,
    _ target: Question,
    line: Int?, source: String, log: inout ProblemLog
  ) {
    let arguments = [
      "question": source, "target": target.id, "type": target.type.rawValue, "value": literal.description,
    ]
    switch (target.type, literal) {
    case (.number, .number), (.percent, .number):
      return
    case (.multi, _):
      log.error(line, "relevance.multiNeedsSelected", arguments)
    case (_, .number), (.number, .text), (.percent, .text):
      log.error(line, "relevance.wrongValueType", arguments)
    case (_, .text(let value)):
      guard comparison == .equal || comparison == .notEqual else {
        log.error(line, "relevance.orderOnText", arguments)
        return
      }
      switch target.type {
      case .yesno:
        if value != "yes" && value != "no" { log.error(line, "relevance.yesNoValue", arguments) }
      case .scale, .single:
        checkOption(value, of: target, line: line, source: source, log: &log)
      default:
        return
      }
    }
  }

  /// A test on the authority's context: a known field, compared with values it can take.
  private static func checkContext(
    _ test: RelevanceExpression.Condition, _ subject: String, line: Int?, source: String,
    log: inout ProblemLog
  ) {
    guard let field = AuthorityContext.Field(rawValue: subject) else {
      let fields = AuthorityContext.Field.allCases.map(\.rawValue).joined(separator: ", ")
      log.error(line, "relevance.unknownContext", ["question": source, "target": subject, "fields": fields])
      return
    }
    let literals: [(RelevanceExpression.ComparisonOperator, RelevanceExpression.Literal)]
    switch test {
    case .compare(_, let comparison, let literal): literals = [(comparison, literal)]
    case .oneOf(_, let values): literals = values.map { (.equal, $0) }
    default:
      log.error(line, "relevance.contextNeedsComparison", ["question": source, "target": subject])
      return
    }
    for (comparison, literal) in literals {
      let arguments = ["question": source, "target": subject, "value": literal.description]
      switch (field, literal) {
      case (.population, .number): continue
      case (.population, .text): log.error(line, "relevance.contextValue", arguments)
      case (_, .number): log.error(line, "relevance.contextValue", arguments)
      case (_, .text(let value)):
        if comparison != .equal && comparison != .notEqual {
          log.error(line, "relevance.orderOnText", ["question": source, "target": subject])
        } else if field == .type
          ? AuthorityType(rawValue: value) == nil : !Authority.isCountryCode(value)
        {
          log.error(line, "relevance.contextValue", arguments)
        }
      }
    }
  }

  private static func checkOption(
    _ option: String, of target: Question, line: Int?, source: String, log: inout ProblemLog
  ) {
    guard target.option(option) == nil else { return }
    log.error(
      line, "relevance.unknownOption",
      [
        "question": source, "target": target.id, "option": option,
        "options": target.options.map(\.id).joined(separator: ", "),
      ])
  }

  /// Level thresholds rise strictly; gates name existing questions.
  private static func checkLevels(
    _ questionnaire: Questionnaire, lines: DefinitionLines, log: inout ProblemLog
  ) {
    if questionnaire.levels.isEmpty { log.error(1, "questionnaire.noLevels") }
    for (lower, higher) in zip(questionnaire.levels, questionnaire.levels.dropFirst())
    where higher.min <= lower.min {
      log.error(
        lines.levels[higher.id], "questionnaire.levelOrder",
        [
          "level": higher.id, "min": higher.min.formatted, "previous": lower.id,
          "previousMin": lower.min.formatted,
        ])
    }
    for level in questionnaire.levels {
      for gate in level.gate {
        let line = lines.gates["\(level.id)/\(gate.question)"]
        let arguments = ["level": level.id, "question": gate.question]
        if let question = questionnaire.question(gate.question) {
          if !question.scored { log.error(line, "questionnaire.gateUnscored", arguments) }
        } else {
          log.error(line, "questionnaire.gateUnknownQuestion", arguments)
        }
      }
    }
  }

  /// Prerequisites name existing actions and never loop back.
  private static func checkPrerequisites(
    _ questionnaire: Questionnaire, lines: DefinitionLines, log: inout ProblemLog
  ) {
    let actions = Dictionary(
      questionnaire.actions.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    for action in questionnaire.actions {
      for prerequisite in action.prerequisites where actions[prerequisite] == nil {
        log.error(
          lines.prerequisites[action.id] ?? lines.actions[action.id], "questionnaire.unknownPrerequisite",
          ["action": action.id, "prerequisite": prerequisite])
      }
    }
    // Depth-first search; a grey node met again closes a cycle.
    enum Mark { case grey, black }
    var marks: [String: Mark] = [:]
    var reported: Set<String> = []
    func visit(_ id: String, path: [String]) {
      guard let action = actions[id] else { return }
      marks[id] = .grey
      for next in action.prerequisites {
        switch marks[next] {
        case .grey:
          let cycle = Array(path.drop { $0 != next }) + [id, next]
          let key = Set(cycle).sorted().joined(separator: ",")
          if reported.insert(key).inserted {
            log.error(
              lines.actions[next], "questionnaire.prerequisiteCycle",
              ["cycle": cycle.joined(separator: " → ")])
          }
        case .black: continue
        case nil: visit(next, path: path + [id])
        }
      }
      marks[id] = .black
    }
    for action in questionnaire.actions where marks[action.id] == nil { visit(action.id, path: []) }
  }
}
