import CSV
import Foundation

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
        "relevant", "constraint",
      ]
    ]
    var choices = [["list_name", "name"] + languages.map { column("label", $0) }]
    func texts(_ text: LocalizedText?) -> [String] { languages.map { text?.translations[$0] ?? "" } }
    for dimension in questionnaire.dimensions {
      survey.append(
        ["begin_group", dimension.id] + texts(dimension.name) + languages.map { _ in "" } + ["", ""])
      for question in dimension.questions {
        var type: String
        var constraint = ""
        let list = "list_\(question.id)"
        switch question.type {
        case .scale, .single: type = "select_one \(list)"
        case .multi: type = "select_multiple \(list)"
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
            options = [
              ("yes", LocalizedText(["en": "Yes", "fr": "Oui", "es": "Sí"])),
              ("no", LocalizedText(["en": "No", "fr": "Non", "es": "No"])),
            ]
          }
          if question.notApplicable != nil {
            options.append(
              ("na", LocalizedText(["en": "Not applicable", "fr": "Sans objet", "es": "No aplicable"])))
          }
          if question.allowUnknown {
            options.append(
              ("unknown", LocalizedText(["en": "Don't know", "fr": "Je ne sais pas", "es": "No lo sé"])))
          }
          for (id, label) in options { choices.append([list, id] + texts(label)) }
        }
        survey.append(
          [type, question.id] + texts(question.text) + texts(question.help)
            + [question.relevant.map { Self.relevant($0.condition, questionnaire) } ?? "", constraint])
      }
      survey.append(["end_group", ""] + languages.map { _ in "" } + languages.map { _ in "" } + ["", ""])
    }
    self.survey = survey
    self.choices = choices
  }

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

  /// The import mapping for a KoboToolbox or ODK export of this form (`group/question` columns,
  /// multiple choices space-separated).
  public func mapping(source: ImportSource) -> String {
    var lines = [
      "# Imports the export of the XLSForm written by maturity export (\(source.rawValue)).",
      "questionnaire: \(questionnaire.id)", "version: \"\(questionnaire.version)\"",
      "from: \(source.rawValue)",
      "authority:", "  id: \"authority/authority_id\"", "  name: \"authority/authority_name\"",
      "  country: \"authority/country\"",
      "  population: \"authority/population\"", "  type: \"authority/authority_type\"", "questions:",
    ]
    for dimension in questionnaire.dimensions {
      for question in dimension.questions {
        lines.append("  \(question.id): \(ResponseYAMLWriter.quoted("\(dimension.id)/\(question.id)"))")
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// The survey with the authority group that the mapping reads first.
  public var surveyWithAuthority: [[String]] {
    let languages = questionnaire.languages
    let empty = languages.map { _ in "" }
    func row(_ type: String, _ name: String, _ label: [String: String]) -> [String] {
      [type, name] + languages.map { label[$0] ?? label["en"] ?? name } + empty + ["", ""]
    }
    return [
      survey[0],
      row(
        "begin_group", "authority", ["en": "Your authority", "fr": "Votre collectivité", "es": "Su entidad"]),
      row(
        "text", "authority_id",
        ["en": "Authority id", "fr": "Identifiant de la collectivité", "es": "Identificador de la entidad"]),
      row("text", "authority_name", ["en": "Name", "fr": "Nom", "es": "Nombre"]),
      row(
        "text", "country",
        ["en": "Country code (ES, FR…)", "fr": "Code du pays (ES, FR…)", "es": "Código del país (ES, FR…)"]),
      row("integer", "population", ["en": "Population", "fr": "Population", "es": "Población"]),
      row(
        "text", "authority_type",
        [
          "en": "municipality, region or other", "fr": "municipality, region ou other",
          "es": "municipality, region u other",
        ]),
      row("end_group", "", [:]),
    ] + survey.dropFirst()
  }
}
