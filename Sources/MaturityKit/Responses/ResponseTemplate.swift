import CSV
import Foundation
import InterfaceText

/// Blank responses to fill in: YAML with the questions as comments, or a CSV for spreadsheets
/// with the questions in extra columns. Both read back with `maturity score`.
public enum ResponseTemplate {
  /// A YAML response with every question as an empty answer, its text, help and allowed values as comments.
  public static func yaml(_ questionnaire: Questionnaire, texts: TextCatalogue) -> String {
    let language = texts.language
    var out = "# " + questionnaire.title.text(language) + "\n"
    out += "# " + texts("template.instructions") + "\n"
    out += "questionnaire: \(questionnaire.id)\n"
    out += "version: \(yamlQuoted(questionnaire.version))\n"
    out += "authority:\n  id: \"\"\n  name: \"\"\n  country: \"\"  # " + texts("template.countryHint") + "\n"
    out += "  population:\n  type: municipality  # municipality, region, other\n"
    out += "date:  # YYYY-MM-DD\n"
    out += "respondent:  # " + texts("template.respondentHint") + "\n  name:\n  role:\n"
    out += "answers:\n"
    for dimension in questionnaire.dimensions {
      out += "\n  # == \(comment(dimension.name.text(language))) ==\n"
      for question in dimension.questions {
        out += "\n  # \(question.id): \(comment(question.text.text(language)))\n"
        if let help = question.help { out += "  #   \(comment(help.text(language)))\n" }
        out += "  #   \(comment(allowedValues(question, texts)))\n"
        if let relevant = question.relevant {
          out += "  #   \(texts("template.onlyIf", ["condition": relevant.source]))\n"
        }
        out += "  \(question.id):\n"
      }
    }
    return out
  }

  /// A response CSV: `@` rows, then one row per question with its text and allowed values;
  /// with `response`, its authority and answers filled in (it reads back as the same response).
  public static func csv(_ questionnaire: Questionnaire, texts: TextCatalogue, response: Response? = nil)
    -> [UInt8]
  {
    let language = texts.language
    var writer = CSVWriter()
    writer.write([
      "question_id", "answer", "unsure", "comment", "evidence", "dimension", "question", "help", "allowed",
    ])
    let authority = response?.authority
    var meta = [
      ("@questionnaire", questionnaire.id),
      // The `'` keeps a spreadsheet from turning the version into a number; readers drop it.
      ("@version", "'" + questionnaire.version), ("@authority.id", authority?.id ?? ""),
      ("@authority.name", authority?.name ?? ""), ("@authority.country", authority?.country ?? ""),
      ("@authority.population", authority?.population.map(String.init) ?? ""),
      ("@authority.type", authority?.type?.rawValue ?? (response == nil ? "municipality" : "")),
      ("@date", response?.date ?? ""),
    ]
    if let respondent = response?.respondent {
      meta += [("@respondent.name", respondent.name ?? ""), ("@respondent.role", respondent.role ?? "")]
    }
    for (key, value) in meta { writer.write([key, value, "", "", "", "", "", "", ""]) }
    for dimension in questionnaire.dimensions {
      for question in dimension.questions {
        var allowed = allowedValues(question, texts)
        if let relevant = question.relevant {
          allowed += " · " + texts("template.onlyIf", ["condition": relevant.source])
        }
        let answer = response?.answer(question.id)
        writer.write([
          question.id, answer?.value?.formatted ?? "", answer?.unsure == true ? "yes" : "",
          answer?.comment ?? "",
          answer?.evidence ?? "", dimension.name.text(language), question.text.text(language),
          question.help?.text(language) ?? "", allowed,
        ])
      }
    }
    return writer.bytes
  }

  /// What a question accepts, in words: options with their labels, numbers, `na`, `unknown`.
  static func allowedValues(_ question: Question, _ texts: TextCatalogue) -> String {
    let language = texts.language
    var parts: [String]
    switch question.type {
    case .scale, .single:
      parts = [
        texts(
          "template.oneOf",
          [
            "options": question.options.map { "\($0.id) (\($0.label.text(language)))" }.joined(
              separator: ", ")
          ])
      ]
    case .multi:
      parts = [
        texts(
          "template.anyOf",
          [
            "options": question.options.map { "\($0.id) (\($0.label.text(language)))" }.joined(
              separator: ", ")
          ])
      ]
    case .yesno: parts = [texts("template.yesNo")]
    case .number: parts = [texts("template.number")]
    case .percent: parts = [texts("template.percent")]
    case .text: parts = [texts("template.text")]
    }
    if question.notApplicable != nil { parts.append(texts("template.na")) }
    if question.allowUnknown { parts.append(texts("template.unknown")) }
    return parts.joined(separator: "; ")
  }

  private static func comment(_ text: String) -> String {
    text.replacingOccurrences(of: "\r\n", with: " ").replacingOccurrences(of: "\n", with: " ")
  }

  private static func yamlQuoted(_ text: String) -> String {
    "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
      + "\""
  }
}
