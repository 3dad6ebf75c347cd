import Foundation

/// The questionnaire as a LimeSurvey survey-structure file (the tab-separated `.txt` of
/// *Display/Export → Survey structure (.txt)*, imported with *Create survey → Import*): settings
/// (`S`, `SL`), one group (`G`) per dimension after the authority group, questions (`Q`), the
/// subquestions of multiple choices (`SQ`) and answer options (`A`), in every language; and the
/// mapping that imports the tool's response export with question-code headers.
public struct LimeSurveyStructure: Sendable {
  public let questionnaire: Questionnaire
  public let codes: LimeSurveyCodes

  public init(_ questionnaire: Questionnaire) {
    self.questionnaire = questionnaire
    codes = LimeSurveyCodes(questionnaire)
  }

  static let columns = [
    "id", "related_id", "class", "type/scale", "name", "relevance", "text", "help", "language", "validation",
    "mandatory",
    "other", "default", "same_default",
  ]

  /// One row in the order of ``columns``.
  struct Row {
    var id = ""
    var kind: String
    var type = ""
    var name: String
    var relevance = ""
    var text = ""
    var help = ""
    var language = ""
    var mandatory = ""

    var cells: [String] {
      [
        id, "", kind, type, name, relevance, text, help, language, "", mandatory, kind == "Q" ? "N" : "", "",
        kind == "Q" ? "0" : "",
      ]
    }
  }

  /// A question of the file: its code, LimeSurvey type, texts, and subquestions or answers.
  struct Item {
    var code: String
    var type: String
    var text: LocalizedText
    var help: LocalizedText?
    var mandatory: Bool
    /// Code → label, as `SQ` rows (multiple choice) or `A` rows (list).
    var subquestions: [(String, LocalizedText)] = []
    var answers: [(String, LocalizedText)] = []
  }

  /// The file's text: tab-separated, a header of column names, fields with a tab, a quote or a
  /// line break quoted.
  public var text: String {
    let languages = questionnaire.languages
    var rows = [
      Row(kind: "S", name: "sid", text: "1"), Row(kind: "S", name: "format", text: "G"),
      Row(kind: "S", name: "language", text: languages.first ?? "en"),
      Row(kind: "S", name: "additional_languages", text: languages.dropFirst().joined(separator: " ")),
    ]
    for language in languages {
      rows.append(
        Row(
          kind: "SL", name: "surveyls_title", text: questionnaire.title.translations[language] ?? "",
          language: language))
      rows.append(Row(kind: "SL", name: "surveyls_language", text: language, language: language))
    }
    var groups: [(LocalizedText, [Item])] = [
      (AuthorityQuestions.groupLabel, AuthorityQuestions.items.map(authorityItem))
    ]
    for dimension in questionnaire.dimensions {
      groups.append((dimension.name, dimension.questions.map(item)))
    }
    var questionNumber = 0
    for (index, (name, items)) in groups.enumerated() {
      for language in languages {
        rows.append(
          Row(
            id: "\(index + 1)", kind: "G", type: "0", name: name.translations[language] ?? "", relevance: "1",
            language: language))
        for (offset, item) in items.enumerated() {
          let id = "\(questionNumber + offset + 1)"
          rows.append(
            Row(
              id: id, kind: "Q", type: item.type, name: item.code, relevance: "1",
              text: item.text.translations[language] ?? "",
              help: item.help?.translations[language] ?? "", language: language,
              mandatory: item.mandatory ? "Y" : "N"))
          for (code, label) in item.subquestions {
            rows.append(
              Row(
                kind: "SQ", type: "0", name: code, relevance: "1", text: label.translations[language] ?? "",
                language: language))
          }
          for (code, label) in item.answers {
            rows.append(
              Row(
                id: id, kind: "A", type: "0", name: code, text: label.translations[language] ?? "",
                language: language))
          }
        }
      }
      questionNumber += items.count
    }
    return ([Self.columns] + rows.map(\.cells)).map { $0.map(Self.field).joined(separator: "\t") }.joined(
      separator: "\n") + "\n"
  }

  private func authorityItem(_ authority: AuthorityQuestions.Item) -> Item {
    let code = codes.questions[authority.name] ?? authority.name
    switch authority.kind {
    case .text: return Item(code: code, type: "S", text: authority.label, mandatory: authority.required)
    case .integer: return Item(code: code, type: "N", text: authority.label, mandatory: authority.required)
    case .authorityType:
      let answers = AuthorityQuestions.kinds.map {
        (codes.options[authority.name]?[$0.id] ?? $0.id, $0.label)
      }
      return Item(
        code: code, type: "L", text: authority.label, mandatory: authority.required, answers: answers)
    }
  }

  private func item(_ question: Question) -> Item {
    let code = codes.questions[question.id] ?? question.id
    let optionCodes = codes.options[question.id] ?? [:]
    var choices = question.options.map { (optionCodes[$0.id] ?? $0.id, $0.label) }
    for (word, label) in XLSForm.specialChoices(question) {
      choices.append((optionCodes[word] ?? word, label))
    }
    var item = Item(code: code, type: "", text: question.text, help: question.help, mandatory: false)
    switch question.type {
    case .scale, .single, .yesno:
      item.type = "L"
      if question.type == .yesno && question.options.isEmpty {
        choices.insert(contentsOf: [("Y", XLSForm.yesNo[0].1), ("N", XLSForm.yesNo[1].1)], at: 0)
      }
      item.answers = choices
    case .multi:
      item.type = "M"
      item.subquestions = choices
    case .number, .percent: item.type = "N"
    case .text: item.type = "T"
    }
    return item
  }

  /// The import mapping for LimeSurvey's response export with *Question code* headings, answers
  /// as *Answer codes* or *Full answers*.
  public var mapping: String {
    var lines = [
      "# Imports LimeSurvey's response export of the survey written by maturity export --to limesurvey.",
      "questionnaire: \(questionnaire.id)", "version: \"\(questionnaire.version)\"", "from: limesurvey",
      "authority:",
    ]
    for item in AuthorityQuestions.items {
      lines.append("  \(item.field): \(ResponseYAMLWriter.quoted(codes.questions[item.name] ?? item.name))")
    }
    lines.append("questions:")
    for question in questionnaire.questions {
      lines += MappingSuggester.limeSurveyLines(question, codes: codes, has: { _ in true })?.lines ?? []
    }
    return lines.joined(separator: "\n") + "\n"
  }

  static func field(_ text: String) -> String {
    guard text.contains(where: { $0 == "\t" || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
    return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }
}
