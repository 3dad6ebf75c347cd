import CSV
import Foundation
import InterfaceText

/// The questionnaire as an XLSForm (the form format of KoboToolbox and ODK): `survey` and
/// `choices` sheets, labels and hints in every language, skip logic in XLSForm syntax, one group
/// per dimension; and the mapping that imports what such a form exports.
public struct XLSForm: Sendable {
  public let questionnaire: Questionnaire
  /// Rows of the `survey` sheet, header first.
  public let survey: [[String]]
  /// Rows of the `choices` sheet, header first.
  public let choices: [[String]]

  static let languageNames = [
    "en": "English", "fr": "French", "es": "Spanish", "de": "German", "it": "Italian", "pt": "Portuguese",
  ]

  public init(_ questionnaire: Questionnaire) {
    self.questionnaire = questionnaire
    let languages = questionnaire.languages
    func column(_ kind: String, _ language: String) -> String {
      "\(kind)::\(Self.languageNames[language] ?? language) (\(language))"
    }
    var survey = [
      ["type", "name"] + languages.map { column("label", $0) } + languages.map { column("hint", $0) } + [
        "relevant", "constraint", "required",
      ]
    ]
    var choices = [["list_name", "name"] + languages.map { column("label", $0) }]
    func texts(_ text: LocalizedText?) -> [String] { languages.map { text?.translations[$0] ?? "" } }
    for dimension in questionnaire.dimensions {
      survey.append(
        ["begin_group", dimension.id] + texts(dimension.name) + languages.map { _ in "" } + ["", "", ""])
      for question in dimension.questions {
        var type: String
        var constraint = ""
        let list = "list_\(question.id)"
        switch question.type {
        case .scale, .single: type = "select_one \(list)"
        case .multi:
          type = "select_multiple \(list)"
          // An exclusive option ("none") ticked alone.
          constraint = question.options.filter(\.isExclusive).map {
            "(not(selected(., '\($0.id)')) or count-selected(.) = 1)"
          }
          .joined(separator: " and ")
        case .yesno: type = "select_one \(list)"
        case .number: type = "decimal"
        case .percent:
          type = "decimal"
          constraint = ". >= 0 and . <= 100"
        case .text: type = "text"
        }
        if [.scale, .single, .multi, .yesno].contains(question.type) {
          var options = question.options.map { ($0.id, $0.label) }
          if question.type == .yesno && options.isEmpty {
            options = Self.yesNo
          }
          options += Self.specialChoices(question)
          for (id, label) in options { choices.append([list, id] + texts(label)) }
        }
        let relevant = question.relevant.map { Self.relevant($0.condition, questionnaire) } ?? ""
        survey.append(
          [type, question.id] + texts(question.text) + texts(question.help) + [relevant, constraint, ""])
        // A number that may be "not applicable" or "don't know": a companion choice, asked
        // when no number is given, that the import reads back (the mapping's `special`).
        let special = Self.specialChoices(question)
        if [.number, .percent].contains(question.type) && !special.isEmpty {
          let name = Self.specialName(question.id)
          for (id, label) in special { choices.append([name, id] + texts(label)) }
          let empty = "${\(question.id)} = ''"
          survey.append(
            ["select_one \(name)", name] + texts(question.text) + texts(Self.specialHint)
              + [relevant.isEmpty ? empty : "(\(relevant)) and \(empty)", "", ""])
        }
      }
      survey.append(
        ["end_group", ""] + languages.map { _ in "" } + languages.map { _ in "" } + ["", "", ""])
    }
    self.survey = survey
    self.choices = choices
  }

  /// The choices of a `yesno` question without options of its own.
  static let yesNo = [
    ("yes", LocalizedText(["en": "Yes", "fr": "Oui", "es": "Sí"])),
    ("no", LocalizedText(["en": "No", "fr": "Non", "es": "No"])),
  ]

  /// The answers besides the options that `question` allows: "not applicable", "don't know".
  static func specialChoices(_ question: Question) -> [(String, LocalizedText)] {
    var choices: [(String, LocalizedText)] = []
    if question.notApplicable != nil {
      choices.append(
        ("na", LocalizedText(["en": "Not applicable", "fr": "Sans objet", "es": "No aplicable"])))
    }
    if question.allowUnknown {
      choices.append(
        ("unknown", LocalizedText(["en": "Don't know", "fr": "Je ne sais pas", "es": "No lo sé"])))
    }
    return choices
  }

  /// The name of the companion question (and its choice list) of a number question.
  static func specialName(_ questionID: String) -> String { "\(questionID)_special" }

  static let specialHint = LocalizedText([
    "en": "Only if you cannot give a figure.", "fr": "Seulement si vous ne pouvez pas donner de chiffre.",
    "es": "Solo si no puede dar una cifra.",
  ])

  /// A skip-logic condition in XLSForm syntax: `${q} = 'x'`, `selected(${q}, 'x')`, `and`, `or`, `not(…)`.
  static func relevant(_ condition: RelevanceExpression.Condition, _ questionnaire: Questionnaire) -> String {
    func literal(_ value: RelevanceExpression.Literal) -> String {
      switch value {
      case .number(let number): number.formatted
      case .text(let text): "'\(text.replacingOccurrences(of: "'", with: ""))'"
      }
    }
    func symbol(_ comparison: RelevanceExpression.ComparisonOperator) -> String {
      comparison == .equal ? "=" : comparison.rawValue
    }
    /// A question's field, or the authority group's field for a context test.
    func field(_ id: String) -> String {
      switch AuthorityContext.Field(rawValue: id) {
      case .type: "${authority_type}"
      case .population: "${population}"
      case .country: "${country}"
      case nil: "${\(id)}"
      }
    }
    switch condition {
    case .and(let terms), .or(let terms):
      // `a or b or c` as `((a or b) or c)`, as when the chain was nested two by two.
      let word = if case .and = condition { "and" } else { "or" }
      let written = terms.map { relevant($0, questionnaire) }
      return written.dropFirst().reduce(written.first ?? "") { "(\($0) \(word) \($1))" }
    case .not(let inner): return "not(\(relevant(inner, questionnaire)))"
    case .answered(let id): return "${\(id)} != '' and ${\(id)} != 'na' and ${\(id)} != 'unknown'"
    case .selected(let id, let option): return "selected(${\(id)}, '\(option)')"
    case .oneOf(let id, let values):
      return "(" + values.map { "\(field(id)) = \(literal($0))" }.joined(separator: " or ") + ")"
    case .compare(let id, let comparison, let value):
      return "\(field(id)) \(symbol(comparison)) \(literal(value))"
    }
  }

  /// The import mapping for a KoboToolbox export (`group/question` columns) or an ODK Central
  /// export (`group-question` columns) of this form; multiple choices space-separated.
  public func mapping(source: ImportSource) -> String {
    let separator = source == .odk ? "-" : "/"
    func column(_ group: String, _ name: String) -> String {
      ResponseYAMLWriter.quoted(group + separator + name)
    }
    var lines = [
      "# Imports the \(source == .odk ? "ODK Central" : "KoboToolbox") export of the XLSForm written by maturity export.",
      "questionnaire: \(questionnaire.id)", "version: \"\(questionnaire.version)\"",
      "from: \(source.rawValue)", "authority:",
    ]
    for item in AuthorityQuestions.items {
      lines.append("  \(item.field): \(column("authority", item.name))")
    }
    lines.append("questions:")
    for dimension in questionnaire.dimensions {
      for question in dimension.questions {
        if survey.contains(where: { $0.count > 1 && $0[1] == Self.specialName(question.id) }) {
          lines.append(
            "  \(question.id): {column: \(column(dimension.id, question.id)), special: \(column(dimension.id, Self.specialName(question.id)))}"
          )
        } else {
          lines.append("  \(question.id): \(column(dimension.id, question.id))")
        }
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// The choices with the kinds of authority that the authority group asks for.
  public var choicesWithAuthority: [[String]] {
    [choices[0]]
      + AuthorityQuestions.kinds.map {
        ["authority_type", $0.id] + questionnaire.languages.map(text($0.label))
      }
      + choices.dropFirst()
  }

  /// A text's translation into a language, else its English.
  private func text(_ label: LocalizedText) -> (String) -> String {
    { label.translations[$0] ?? label.translations["en"] ?? "" }
  }

  /// The settings sheet: title, form id, version, default language.
  public var settings: [[String]] {
    [
      ["form_title", "form_id", "version", "default_language"],
      [questionnaire.title.text(.english), questionnaire.id, questionnaire.version, "English (en)"],
    ]
  }

  /// The survey with the authority group that the mapping reads first.
  public var surveyWithAuthority: [[String]] {
    let languages = questionnaire.languages
    let empty = languages.map { _ in "" }
    var rows = [
      ["begin_group", "authority"] + languages.map(text(AuthorityQuestions.groupLabel)) + empty + [
        "", "", "",
      ]
    ]
    for item in AuthorityQuestions.items {
      let type =
        switch item.kind {
        case .text: "text"
        case .integer: "integer"
        case .authorityType: "select_one authority_type"
        }
      rows.append(
        [type, item.name] + languages.map(text(item.label)) + empty + ["", "", item.required ? "yes" : ""])
    }
    rows.append(["end_group", ""] + empty + empty + ["", "", ""])
    return [survey[0]] + rows + survey.dropFirst()
  }
}
