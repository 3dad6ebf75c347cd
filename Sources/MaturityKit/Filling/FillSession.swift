import Foundation
import InterfaceText

/// A questionnaire filled in one answer at a time, as `maturity fill` runs it: what to show,
/// what each typed line does, and every change saved to the response file at once (atomically).
///
/// It holds no terminal code: the command reads lines and prints the texts it returns, so tests
/// can drive a session directly.
public final class FillSession {
  /// What the command should do after a line.
  public enum Outcome: Equatable {
    /// Show the current question again, after an optional message.
    case `continue`(String?)
    /// Show the message and ask again, without showing the question again.
    case retry(String)
    /// Every question that applies is answered.
    case finished
    /// The user quit (answers are saved).
    case quit
  }

  public let questionnaire: Questionnaire
  public private(set) var response: Response
  public let path: String
  let texts: TextCatalogue
  /// Reads typed answers as every other path reads answer cells, in the interface's language.
  private let cells: AnswerCellReader
  private let questions: [Question]
  private let dimensionOf: [String: Int]
  /// Index of the question shown.
  public private(set) var index = 0
  /// Answered questions that the last answer made irrelevant, waiting for the user's yes or no.
  private var awaitingRemoval: [String]?

  public init(questionnaire: Questionnaire, response: Response, path: String, texts: TextCatalogue) {
    self.questionnaire = questionnaire
    self.response = response
    self.path = path
    self.texts = texts
    cells = AnswerCellReader(language: texts.language)
    questions = questionnaire.questions
    dimensionOf = Dictionary(
      questionnaire.dimensions.enumerated().flatMap { index, dimension in
        dimension.questions.map { ($0.id, index) }
      },
      uniquingKeysWith: { a, _ in a })
    index = firstUnanswered(from: 0) ?? 0
  }

  /// Whether every question that applies has an answer.
  public var isComplete: Bool { firstUnanswered(from: 0) == nil }

  /// How many questions have an answer, and how many more carry only notes.
  public var counts: (answers: Int, notes: Int) {
    let answers = response.answers.filter { $0.value != nil }.count
    return (answers, response.answers.count - answers)
  }

  /// Writes the response file (temporary file, then rename).
  public func save() throws {
    try AtomicFile.write(
      Array(ResponseYAMLWriter.yaml(response, questionnaire: questionnaire).utf8), to: path)
  }

  // MARK: Showing

  /// The current question: progress, text, numbered options and the commands.
  public func screen(color: Bool) -> String {
    let language = texts.language
    if let removal = awaitingRemoval {
      return texts("fill.confirmRemoval", ["questions": removal.joined(separator: ", ")])
    }
    let question = questions[index]
    let dimension = questionnaire.dimensions[dimensionOf[question.id] ?? 0]
    let relevant = Relevance.relevantQuestions(response, questionnaire)
    let inDimension = dimension.questions.filter { relevant[$0.id] == true }
    let answeredInDimension = inDimension.filter { response.value($0.id) != nil }.count
    let all = questions.filter { relevant[$0.id] == true }
    let answered = all.filter { response.value($0.id) != nil }.count
    var lines: [String] = []
    let header = texts(
      "fill.progress",
      [
        "dimension": dimension.name.text(language),
        "position": "\((inDimension.firstIndex { $0.id == question.id } ?? 0) + 1)",
        "count": "\(inDimension.count)", "dimensionDone": "\(answeredInDimension)", "done": "\(answered)",
        "total": "\(all.count)",
      ])
    lines.append(color ? "\u{1B}[2m\(header)\u{1B}[0m" : header)
    let title = "\(question.id): \(question.text.text(language))"
    lines.append(color ? "\u{1B}[1m\(title)\u{1B}[0m" : title)
    if let answer = response.answer(question.id) {
      let current =
        answer.value.map { texts("fill.current", ["answer": display($0, question)]) }
        ?? texts("fill.noAnswerYet")
      lines.append("  " + current + (answer.unsure ? " (\(texts("score.unsureMark")))" : ""))
      if let comment = answer.comment {
        lines.append("  " + texts("fill.currentComment", ["comment": comment]))
      }
      if let evidence = answer.evidence {
        lines.append("  " + texts("fill.currentEvidence", ["evidence": evidence]))
      }
    }
    switch question.type {
    case .scale, .single, .multi:
      for (number, option) in question.options.enumerated() {
        lines.append("  \(number + 1)) \(option.label.text(language))")
      }
      if question.type == .multi { lines.append("  " + texts("fill.hint.multi")) }
    case .yesno: lines.append("  " + texts("fill.hint.yesno"))
    case .number: lines.append("  " + texts("fill.hint.number"))
    case .percent: lines.append("  " + texts("fill.hint.percent"))
    case .text: lines.append("  " + texts("fill.hint.text"))
    }
    var extras: [String] = []
    if question.notApplicable != nil { extras.append(texts("fill.hint.na")) }
    if question.allowUnknown { extras.append(texts("fill.hint.unknown")) }
    if !extras.isEmpty { lines.append("  " + extras.joined(separator: " · ")) }
    lines.append("  " + texts("fill.hint.commands"))
    return lines.joined(separator: "\n")
  }

  private func display(_ value: AnswerValue, _ question: Question) -> String {
    let language = texts.language
    switch value {
    case .option(let id): return question.option(id)?.label.text(language) ?? id
    case .options(let ids):
      return ids.map { question.option($0)?.label.text(language) ?? $0 }.joined(separator: "; ")
    case .boolean(let flag): return texts(flag ? "report.answer.yes" : "report.answer.no")
    case .notApplicable: return texts("report.answer.na")
    case .unknown: return texts("report.answer.unknown")
    case .number: return value.formatted.replacingOccurrences(of: ".", with: texts("number.decimalSeparator"))
    case .text(let text): return text
    }
  }

  // MARK: Handling input

  /// Handles one typed line; every change is saved before returning.
  public func handle(_ input: String) throws -> Outcome {
    let line = input.trimmingCharacters(in: .whitespacesAndNewlines)
    if let removal = awaitingRemoval {
      guard let yes = yesNo(line) else { return .retry(texts("fill.answerYesNo")) }
      awaitingRemoval = nil
      if yes {
        // The answers go; notes on those questions stay.
        for position in response.answers.indices where removal.contains(response.answers[position].questionID)
        {
          response.answers[position].value = nil
        }
        response.answers.removeAll { $0.value == nil && !$0.hasNotes }
        try save()
      }
      return advance()
    }
    let question = questions[index]
    let lowered = line.lowercased()
    // In Spanish, "s" answers a yes/no question ("sí") rather than skipping it.
    if question.type == .yesno && lowered == "s" && texts.language.code == "es" {
      return try record(.boolean(true), for: question)
    }
    switch lowered {
    case "":
      // Enter keeps an answer already given.
      guard response.value(question.id) == nil else { return advance(keeping: true) }
      return .retry(texts("fill.empty"))
    case "?", "help", "aide", "ayuda":
      return .retry(question.help?.text(texts.language) ?? texts("fill.noHelp"))
    case "q", "quit", "quitter", "salir": return .quit
    case "b", "back":
      index = previousRelevant(before: index) ?? index
      return .continue(nil)
    case "s", "skip":
      index = nextRelevant(after: index) ?? index
      return .continue(nil)
    case "r", "review": return .continue(review())
    case "u", "unsure":
      // A mark, comment or evidence on a question not yet answered is kept as a note.
      let unsure = try note(question) { $0.unsure.toggle() }.unsure
      return .retry(texts(unsure ? "fill.markedUnsure" : "fill.unmarkedUnsure"))
    case "c", "e": return .retry(texts(lowered == "c" ? "fill.commentUsage" : "fill.evidenceUsage"))
    case "g", "go": return .retry(priorities())
    default: break
    }
    if lowered.hasPrefix("c ") || lowered.hasPrefix("e ") {
      let text = String(line.dropFirst(2)).trimmingCharacters(in: .whitespaces)
      let isComment = lowered.hasPrefix("c ")
      try note(question) { answer in
        if isComment { answer.comment = text } else { answer.evidence = text }
      }
      return .retry(texts(isComment ? "fill.commentSaved" : "fill.evidenceSaved"))
    }
    if lowered.hasPrefix("g ") || lowered.hasPrefix("go ") {
      let number = Int(lowered.split(separator: " ").last ?? "") ?? 0
      guard (1...questionnaire.dimensions.count).contains(number) else { return .retry(priorities()) }
      let first =
        questions.firstIndex { $0.id == questionnaire.dimensions[number - 1].questions.first?.id } ?? 0
      index = nextRelevant(after: first - 1) ?? first
      return .continue(nil)
    }
    switch parse(line, for: question) {
    case .failure(let failure): return .retry(failure.message)
    case .success(let value):
      return try record(value, for: question)
    }
  }

  /// Changes the notes of `question`, creating a note without an answer when it has none yet,
  /// and saves; returns the answer as changed.
  @discardableResult
  private func note(_ question: Question, _ change: (inout Answer) -> Void) throws -> Answer {
    let position =
      response.answers.firstIndex { $0.questionID == question.id }
      ?? {
        response.answers.append(Answer(questionID: question.id, value: nil))
        return response.answers.count - 1
      }()
    change(&response.answers[position])
    let answer = response.answers[position]
    if answer.value == nil && !answer.hasNotes { response.answers.remove(at: position) }
    try save()
    return answer
  }

  private func record(_ value: AnswerValue, for question: Question) throws -> Outcome {
    let before = Relevance.relevantQuestions(response, questionnaire)
    try note(question) { $0.value = value }
    let after = Relevance.relevantQuestions(response, questionnaire)
    let lost = questions.map(\.id).filter {
      before[$0] == true && after[$0] == false && response.value($0) != nil
    }
    if !lost.isEmpty {
      awaitingRemoval = lost
      return .continue(nil)
    }
    return advance()
  }

  /// To the next unanswered question; with `keeping`, to the next question that applies when
  /// every question is answered (Enter on an answer already given moves on).
  private func advance(keeping: Bool = false) -> Outcome {
    if keeping && isComplete {
      index = nextRelevant(after: index) ?? index
      return .continue(nil)
    }
    if let next = firstUnanswered(from: index + 1) ?? firstUnanswered(from: 0) {
      index = next
      return .continue(nil)
    }
    return .finished
  }

  /// Every priority with its questions that apply: number, short text, answer, unsure mark,
  /// comment and evidence.
  public func review() -> String {
    let language = texts.language
    let relevant = Relevance.relevantQuestions(response, questionnaire)
    var lines: [String] = []
    for (number, dimension) in questionnaire.dimensions.enumerated() {
      let asked = dimension.questions.filter { relevant[$0.id] == true }
      let answered = asked.filter { response.value($0.id) != nil }.count
      lines.append(
        texts(
          "fill.review.heading",
          [
            "number": "\(number + 1)", "dimension": dimension.name.text(language), "done": "\(answered)",
            "count": "\(asked.count)",
          ]))
      for question in asked {
        let position = (dimension.questions.firstIndex { $0.id == question.id } ?? 0) + 1
        let answer = response.answer(question.id)
        var line =
          "  "
          + texts(
            "fill.review.line",
            [
              "number": "\(number + 1).\(position)", "question": Self.short(question.text.text(language)),
              "answer": answer?.value.map { display($0, question) } ?? "—",
            ])
        if answer?.unsure == true { line += " (\(texts("score.unsureMark")))" }
        if let comment = answer?.comment {
          line += " · " + texts("fill.currentComment", ["comment": comment])
        }
        if let evidence = answer?.evidence {
          line += " · " + texts("fill.currentEvidence", ["evidence": evidence])
        }
        lines.append(line)
      }
    }
    return lines.joined(separator: "\n")
  }

  /// The priorities, numbered, for `g N`.
  private func priorities() -> String {
    let names = questionnaire.dimensions.enumerated().map { "  \($0 + 1)) \($1.name.text(texts.language))" }
    return ([texts("fill.goUsage", ["count": "\(questionnaire.dimensions.count)"])] + names).joined(
      separator: "\n")
  }

  /// A question text cut to about 50 characters, at a word boundary.
  static func short(_ text: String) -> String {
    let limit = 50
    guard text.count > limit else { return text }
    let cut = text.prefix(limit)
    let head = cut.lastIndex(of: " ").map { cut[..<$0] } ?? cut
    return head + "…"
  }

  private func parse(_ line: String, for question: Question) -> Result<AnswerValue, ParseFailure> {
    let lowered = line.lowercased()
    let word = question.type == .text || cells.option(line, of: question) != nil ? nil : cells.word(line)
    if lowered == "na" || word == .notApplicable {
      return question.notApplicable != nil
        ? .success(.notApplicable) : .failure(ParseFailure(texts("fill.noNA")))
    }
    if lowered == "unknown" || word == .unknown {
      return question.allowUnknown ? .success(.unknown) : .failure(ParseFailure(texts("fill.noUnknown")))
    }
    func option(_ token: String) -> String? {
      if let number = Int(token), (1...question.options.count).contains(number) {
        return question.options[number - 1].id
      }
      return cells.option(token, of: question)
    }
    switch question.type {
    case .scale, .single:
      guard let id = option(line) else {
        return .failure(ParseFailure(texts("fill.badOption", ["count": "\(question.options.count)"])))
      }
      return .success(.option(id))
    case .multi:
      if line == "-" { return .success(.options([])) }
      if let id = cells.option(line, of: question) { return .success(.options([id])) }
      let tokens = line.split(whereSeparator: { $0 == "," || $0 == " " || $0 == ";" }).map(String.init)
      let ids = tokens.compactMap(option)
      guard ids.count == tokens.count, !ids.isEmpty else {
        return .failure(ParseFailure(texts("fill.badOption", ["count": "\(question.options.count)"])))
      }
      if ids.count > 1, let sole = question.options.first(where: { $0.isExclusive && ids.contains($0.id) }) {
        return .failure(ParseFailure(texts("fill.exclusive", ["option": sole.id])))
      }
      return .success(
        .options(ids.enumerated().filter { ids.firstIndex(of: $0.element) == $0.offset }.map(\.element)))
    case .yesno:
      guard let flag = yesNo(line) else { return .failure(ParseFailure(texts("fill.answerYesNo"))) }
      return .success(.boolean(flag))
    case .number, .percent:
      guard let number = question.type == .percent ? cells.percent(line) : cells.number(line) else {
        return .failure(ParseFailure(texts("fill.badNumber")))
      }
      if question.type == .percent && !(0...100).contains(number) {
        return .failure(ParseFailure(texts("fill.badPercent")))
      }
      return .success(.number(number))
    case .text:
      return .success(.text(line))
    }
  }

  struct ParseFailure: Error {
    let message: String
    init(_ message: String) { self.message = message }
  }

  /// Yes or no in the words of any interface language, or the option numbers 1 and 2.
  private func yesNo(_ text: String) -> Bool? {
    switch (text, cells.word(text)) {
    case ("1", _), (_, .yes): true
    case ("2", _), (_, .no): false
    default: nil
    }
  }

  // MARK: Positions

  private func firstUnanswered(from start: Int) -> Int? {
    let relevant = Relevance.relevantQuestions(response, questionnaire)
    guard start < questions.count else { return nil }
    return (start..<questions.count).first {
      relevant[questions[$0].id] == true && response.value(questions[$0].id) == nil
    }
  }

  private func nextRelevant(after position: Int) -> Int? {
    let relevant = Relevance.relevantQuestions(response, questionnaire)
    guard position + 1 < questions.count else { return nil }
    return (position + 1..<questions.count).first { relevant[questions[$0].id] == true }
  }

  private func previousRelevant(before position: Int) -> Int? {
    let relevant = Relevance.relevantQuestions(response, questionnaire)
    return (0..<position).last { relevant[questions[$0].id] == true }
  }
}
