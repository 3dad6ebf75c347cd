import CSV
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
    /// Every question that applies is answered.
    case finished
    /// The user quit (answers are saved).
    case quit
  }

  public let questionnaire: Questionnaire
  public private(set) var response: Response
  public let path: String
  let texts: TextCatalogue
  private let questions: [Question]
  private let dimensionOf: [String: Int]
  /// Index of the question shown.
  public private(set) var index = 0
  private var pendingUnsure = false
  private var pendingComment: String?
  private var pendingEvidence: String?
  /// Answered questions that the last answer made irrelevant, waiting for the user's yes or no.
  private var awaitingRemoval: [String]?

  public init(questionnaire: Questionnaire, response: Response, path: String, texts: TextCatalogue) {
    self.questionnaire = questionnaire
    self.response = response
    self.path = path
    self.texts = texts
    questions = questionnaire.questions
    dimensionOf = Dictionary(
      questionnaire.dimensions.enumerated().flatMap { index, dimension in dimension.questions.map { ($0.id, index) } },
      uniquingKeysWith: { a, _ in a })
    index = firstUnanswered(from: 0) ?? 0
  }

  /// Whether every question that applies has an answer.
  public var isComplete: Bool { firstUnanswered(from: 0) == nil }

  /// Writes the response file (temporary file, then rename).
  public func save() throws {
    try AtomicFile.write(Array(ResponseYAMLWriter.yaml(response, questionnaire: questionnaire).utf8), to: path)
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
    let answeredInDimension = inDimension.filter { response.answer($0.id) != nil }.count
    let all = questions.filter { relevant[$0.id] == true }
    let answered = all.filter { response.answer($0.id) != nil }.count
    var lines: [String] = []
    let header = texts(
      "fill.progress",
      [
        "dimension": dimension.name.text(language), "position": "\((inDimension.firstIndex { $0.id == question.id } ?? 0) + 1)",
        "count": "\(inDimension.count)", "dimensionDone": "\(answeredInDimension)", "done": "\(answered)", "total": "\(all.count)",
      ])
    lines.append(color ? "\u{1B}[2m\(header)\u{1B}[0m" : header)
    let title = "\(question.id): \(question.text.text(language))"
    lines.append(color ? "\u{1B}[1m\(title)\u{1B}[0m" : title)
    if let answer = response.answer(question.id) {
      lines.append("  " + texts("fill.current", ["answer": display(answer.value, question)]) + (answer.unsure ? " (\(texts("score.unsureMark")))" : ""))
    }
    switch question.type {
    case .scale, .single, .multi:
      for (number, option) in question.options.enumerated() { lines.append("  \(number + 1)) \(option.label.text(language))") }
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
    case .options(let ids): return ids.map { question.option($0)?.label.text(language) ?? $0 }.joined(separator: "; ")
    case .boolean(let flag): return texts(flag ? "report.answer.yes" : "report.answer.no")
    case .notApplicable: return texts("report.answer.na")
    case .unknown: return texts("report.answer.unknown")
    default: return value.formatted
    }
  }

  // MARK: Handling input

  /// Handles one typed line; every change is saved before returning.
  public func handle(_ input: String) throws -> Outcome {
    let line = input.trimmingCharacters(in: .whitespacesAndNewlines)
    if let removal = awaitingRemoval {
      guard let yes = Self.yesNo(line) else { return .continue(texts("fill.answerYesNo")) }
      awaitingRemoval = nil
      if yes {
        response.answers.removeAll { removal.contains($0.questionID) }
        try save()
      }
      return advance()
    }
    let question = questions[index]
    let lowered = line.lowercased()
    // In Spanish, "s" answers a yes/no question ("sí") rather than skipping it.
    if question.type == .yesno && lowered == "s" && texts.language.code == "es" { return try record(.boolean(true), for: question) }
    switch lowered {
    case "": return .continue(texts("fill.empty"))
    case "?", "help", "aide", "ayuda":
      return .continue(question.help?.text(texts.language) ?? texts("fill.noHelp"))
    case "q", "quit", "quitter", "salir": return .quit
    case "b", "back":
      index = previousRelevant(before: index) ?? index
      return .continue(nil)
    case "s", "skip":
      index = nextRelevant(after: index) ?? index
      return .continue(nil)
    case "r", "review": return .continue(review())
    case "u", "unsure":
      if let position = response.answers.firstIndex(where: { $0.questionID == question.id }) {
        response.answers[position].unsure.toggle()
        try save()
        return .continue(texts(response.answers[position].unsure ? "fill.markedUnsure" : "fill.unmarkedUnsure"))
      }
      pendingUnsure.toggle()
      return .continue(texts(pendingUnsure ? "fill.markedUnsure" : "fill.unmarkedUnsure"))
    default: break
    }
    if lowered.hasPrefix("c ") || lowered.hasPrefix("e ") {
      let text = String(line.dropFirst(2)).trimmingCharacters(in: .whitespaces)
      let isComment = lowered.hasPrefix("c ")
      if let position = response.answers.firstIndex(where: { $0.questionID == question.id }) {
        if isComment { response.answers[position].comment = text } else { response.answers[position].evidence = text }
        try save()
      } else if isComment {
        pendingComment = text
      } else {
        pendingEvidence = text
      }
      return .continue(texts(isComment ? "fill.commentSaved" : "fill.evidenceSaved"))
    }
    if lowered.hasPrefix("g ") || lowered.hasPrefix("go ") {
      let number = Int(lowered.split(separator: " ").last ?? "") ?? 0
      guard (1...questionnaire.dimensions.count).contains(number) else {
        return .continue(texts("fill.badDimension", ["count": "\(questionnaire.dimensions.count)"]))
      }
      let first = questions.firstIndex { $0.id == questionnaire.dimensions[number - 1].questions.first?.id } ?? 0
      index = nextRelevant(after: first - 1) ?? first
      return .continue(nil)
    }
    switch parse(line, for: question) {
    case .failure(let failure): return .continue(failure.message)
    case .success(let value):
      return try record(value, for: question)
    }
  }

  private func record(_ value: AnswerValue, for question: Question) throws -> Outcome {
    let before = Relevance.relevantQuestions(response, questionnaire)
    var answer = Answer(questionID: question.id, value: value, unsure: pendingUnsure, comment: pendingComment, evidence: pendingEvidence)
    if let existing = response.answer(question.id) {
      answer.unsure = existing.unsure || pendingUnsure
      answer.comment = pendingComment ?? existing.comment
      answer.evidence = pendingEvidence ?? existing.evidence
      response.answers.removeAll { $0.questionID == question.id }
    }
    response.answers.append(answer)
    pendingUnsure = false
    pendingComment = nil
    pendingEvidence = nil
    try save()
    let after = Relevance.relevantQuestions(response, questionnaire)
    let lost = questions.map(\.id).filter { before[$0] == true && after[$0] == false && response.answer($0) != nil }
    if !lost.isEmpty {
      awaitingRemoval = lost
      return .continue(nil)
    }
    return advance()
  }

  private func advance() -> Outcome {
    if let next = firstUnanswered(from: index + 1) ?? firstUnanswered(from: 0) {
      index = next
      return .continue(nil)
    }
    return .finished
  }

  /// The answers of the current question's dimension.
  private func review() -> String {
    let question = questions[index]
    let dimension = questionnaire.dimensions[dimensionOf[question.id] ?? 0]
    let relevant = Relevance.relevantQuestions(response, questionnaire)
    return dimension.questions.filter { relevant[$0.id] == true }.map { question in
      let answer = response.answer(question.id).map { display($0.value, question) } ?? "—"
      return "  \(question.id): \(answer)"
    }.joined(separator: "\n")
  }

  private func parse(_ line: String, for question: Question) -> Result<AnswerValue, ParseFailure> {
    let lowered = line.lowercased()
    if lowered == "na" {
      return question.notApplicable != nil ? .success(.notApplicable) : .failure(ParseFailure(texts("fill.noNA")))
    }
    if lowered == "unknown" {
      return question.allowUnknown ? .success(.unknown) : .failure(ParseFailure(texts("fill.noUnknown")))
    }
    func option(_ token: String) -> String? {
      if let number = Int(token), (1...question.options.count).contains(number) { return question.options[number - 1].id }
      return question.option(token)?.id
    }
    switch question.type {
    case .scale, .single:
      guard let id = option(line) else { return .failure(ParseFailure(texts("fill.badOption", ["count": "\(question.options.count)"]))) }
      return .success(.option(id))
    case .multi:
      if line == "-" { return .success(.options([])) }
      let tokens = line.split(whereSeparator: { $0 == "," || $0 == " " || $0 == ";" }).map(String.init)
      let ids = tokens.compactMap(option)
      guard ids.count == tokens.count, !ids.isEmpty else {
        return .failure(ParseFailure(texts("fill.badOption", ["count": "\(question.options.count)"])))
      }
      return .success(.options(ids.enumerated().filter { ids.firstIndex(of: $0.element) == $0.offset }.map(\.element)))
    case .yesno:
      guard let flag = Self.yesNo(line) else { return .failure(ParseFailure(texts("fill.answerYesNo"))) }
      return .success(.boolean(flag))
    case .number, .percent:
      guard let number = CSVNumber.parse(line) else { return .failure(ParseFailure(texts("fill.badNumber"))) }
      if question.type == .percent && !(0...100).contains(number) { return .failure(ParseFailure(texts("fill.badPercent"))) }
      return .success(.number(number))
    case .text:
      return .success(.text(line))
    }
  }

  struct ParseFailure: Error {
    let message: String
    init(_ message: String) { self.message = message }
  }

  static func yesNo(_ text: String) -> Bool? {
    switch text.lowercased() {
    case "y", "yes", "o", "oui", "s", "si", "sí", "1", "true": true
    case "n", "no", "non", "2", "false": false
    default: nil
    }
  }

  // MARK: Positions

  private func firstUnanswered(from start: Int) -> Int? {
    let relevant = Relevance.relevantQuestions(response, questionnaire)
    guard start < questions.count else { return nil }
    return (start..<questions.count).first { relevant[questions[$0].id] == true && response.answer(questions[$0].id) == nil }
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
