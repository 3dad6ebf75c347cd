/// An answer as a person wrote it in a form or as a database keeps it: the value in the words of
/// the response formats (an option id, `yes`/`no`, option ids joined by `|`, a number, a text,
/// `na` or `unknown`), not yet checked against its question; nil for notes without an answer.
public struct WrittenAnswer: Sendable, Equatable, Hashable, Codable {
  public var questionID: String
  public var value: String?
  public var unsure: Bool
  public var comment: String?
  public var evidence: String?

  public init(
    questionID: String, value: String?, unsure: Bool = false, comment: String? = nil, evidence: String? = nil
  ) {
    self.questionID = questionID
    self.value = value
    self.unsure = unsure
    self.comment = comment
    self.evidence = evidence
  }

  /// The answer of a typed response, written back in the words of the formats.
  public init(_ answer: Answer) {
    self.init(
      questionID: answer.questionID, value: answer.value?.formatted, unsure: answer.unsure,
      comment: answer.comment,
      evidence: answer.evidence)
  }
}

extension ResponseLoader {
  /// A response assembled from its header and written answers, checked against `questionnaire`
  /// as a response file is; `file` names the source in messages.
  public static func assemble(
    _ header: Response, answers: [WrittenAnswer], questionnaire: Questionnaire
  ) throws(Problems) -> (response: Response, warnings: [Problem]) {
    let document = ResponseDocument(
      file: header.file, questionnaireID: header.questionnaireID, version: header.version,
      authority: header.authority,
      date: header.date, respondent: header.respondent,
      answers: answers.map {
        .init(
          questionID: $0.questionID, value: $0.value.map { .scalar($0) }, unsure: $0.unsure,
          comment: $0.comment,
          evidence: $0.evidence, line: nil)
      },
      log: ProblemLog(file: header.file))
    return try ResponseInterpreter.interpret(document, with: questionnaire)
  }

  /// The value `text` as an answer to `question`, read as `cells` reads it, or the problems
  /// that stop it.
  public static func value(
    _ text: String, for question: Question, cells: AnswerCellReader = AnswerCellReader(), file: String
  ) throws(Problems) -> AnswerValue {
    var log = ProblemLog(file: file)
    let value = ResponseInterpreter.typedValue(
      .scalar(text), for: question, cells: cells, line: nil, log: &log)
    try log.check()
    guard let value else { throw Problems(log.problems) }
    return value
  }
}
