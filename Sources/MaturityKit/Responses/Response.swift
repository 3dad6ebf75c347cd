/// An authority's answers to one version of a questionnaire.
public struct Response: Sendable, Equatable, Codable {
  public var questionnaireID: String
  public var version: String
  public var authority: Authority
  /// The assessment date as written (ISO 8601, `2025-10-15`).
  public var date: String?
  /// Who answered; personal data that never leaves the response.
  public var respondent: Respondent?
  /// Answers in file order.
  public var answers: [Answer]
  /// The file the response was read from, for messages.
  public var file: String

  public init(
    questionnaireID: String, version: String, authority: Authority, date: String? = nil,
    respondent: Respondent? = nil, answers: [Answer] = [], file: String = "<response>"
  ) {
    self.questionnaireID = questionnaireID
    self.version = version
    self.authority = authority
    self.date = date
    self.respondent = respondent
    self.answers = answers
    self.file = file
  }

  /// The answer to a question, if any: a value, or notes without a value.
  public func answer(_ questionID: String) -> Answer? { answers.first { $0.questionID == questionID } }

  /// The value given to a question; nil when it is unanswered, notes or not.
  public func value(_ questionID: String) -> AnswerValue? { answer(questionID)?.value }
}

/// The local or regional authority assessed.
public struct Authority: Codable, Sendable, Equatable {
  public var id: String
  public var name: String
  /// ISO 3166-1 alpha-2 code.
  public var country: String?
  public var population: Int?
  public var type: AuthorityType?

  /// Whether `text` is written as an ISO 3166-1 alpha-2 code, two capital letters: the one rule
  /// for countries in response files, peer filters, the web app's forms and `maturity fill`.
  public static func isCountryCode(_ text: String) -> Bool {
    text.count == 2 && text.unicodeScalars.allSatisfy { ("A"..."Z").contains($0) }
  }

  public init(
    id: String, name: String, country: String? = nil, population: Int? = nil, type: AuthorityType? = nil
  ) {
    self.id = id
    self.name = name
    self.country = country
    self.population = population
    self.type = type
  }
}

/// The kind of authority.
public enum AuthorityType: String, Codable, Sendable, CaseIterable {
  case municipality, region, other
}

/// The person who filled in a response.
public struct Respondent: Sendable, Equatable, Codable {
  public var name: String?
  public var role: String?

  public init(name: String? = nil, role: String? = nil) {
    self.name = name
    self.role = role
  }
}
