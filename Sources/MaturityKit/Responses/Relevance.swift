/// Applies skip logic: which questions are asked, given the answers so far.
public enum Relevance {
  /// Whether each question is relevant, evaluated in order so that an answer to a question that
  /// is itself not relevant never switches another one on.
  public static func relevantQuestions(_ response: Response, _ questionnaire: Questionnaire) -> [String: Bool]
  {
    var effective: [String: AnswerValue] = [:]
    var result: [String: Bool] = [:]
    let answers = Dictionary(
      response.answers.compactMap { answer in answer.value.map { (answer.questionID, $0) } },
      uniquingKeysWith: { first, _ in first })
    let context = AuthorityContext(response.authority)
    for question in questionnaire.questions {
      let relevant = question.relevant?.evaluate(context: context) { effective[$0] } ?? true
      result[question.id] = relevant
      if relevant, let value = answers[question.id] { effective[question.id] = value }
    }
    return result
  }

  /// Ids of questions that have an answer but are not relevant, in questionnaire order.
  public static func irrelevantAnswered(_ response: Response, _ questionnaire: Questionnaire) -> [String] {
    let relevant = relevantQuestions(response, questionnaire)
    return questionnaire.questions.map(\.id).filter { relevant[$0] == false && response.value($0) != nil }
  }
}
