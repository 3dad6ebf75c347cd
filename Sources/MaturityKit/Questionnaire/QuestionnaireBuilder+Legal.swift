import Foundation
import Yams

extension QuestionnaireBuilder {
  /// A `legal: {instrument, article, appliesFrom, to, title, appliesWhen}` map: texts in every
  /// language, dates as `YYYY-MM-DD`, `to` (when given) not before `appliesFrom`, `appliesWhen`
  /// a condition written as `relevant` is (checked with the questionnaire).
  mutating func readLegal(_ node: Node, _ what: String) -> LegalDuty? {
    guard
      let map = reader.mapping(
        node, what, allowed: ["instrument", "article", "appliesFrom", "to", "title", "appliesWhen"],
        required: ["instrument", "article", "appliesFrom"]),
      let instrument = map["instrument"].flatMap({ text($0, "\(what) instrument") }),
      let article = map["article"].flatMap({ sameOrTranslated($0, "\(what) article") }),
      let appliesFrom = map["appliesFrom"].flatMap({ date($0, "\(what) appliesFrom") })
    else { return nil }
    let to = map["to"].flatMap { date($0, "\(what) to") }
    if let to, to < appliesFrom {
      reader.log.error(
        YAMLReader.line(map["to"]!), "questionnaire.legalDates", ["in": what, "from": appliesFrom, "to": to])
      return nil
    }
    let title = map["title"].flatMap { text($0, "\(what) title") }
    var appliesWhen: RelevanceExpression?
    if let node = map["appliesWhen"], let source = reader.string(node, "\(what) appliesWhen") {
      do {
        appliesWhen = try RelevanceExpression(source)
        lines.legalConditions.append((what, YAMLReader.line(node), appliesWhen!))
      } catch {
        let arguments = error.arguments.merging(["question": what, "column": "\(error.column)"]) { $1 }
        reader.log.error(YAMLReader.line(node), error.code, arguments)
      }
    }
    return LegalDuty(
      instrument: instrument, article: article, title: title, appliesFrom: appliesFrom, to: to,
      appliesWhen: appliesWhen)
  }

  /// A text written once for every language, or as a map language → text.
  private mutating func sameOrTranslated(_ node: Node, _ what: String) -> LocalizedText? {
    guard case .scalar = node else { return text(node, what) }
    return reader.string(node, what).map { text in
      LocalizedText(Dictionary(uniqueKeysWithValues: languages.map { ($0, text) }))
    }
  }

  /// A calendar date written `YYYY-MM-DD` (YAML may read it as a timestamp; the text is kept).
  private mutating func date(_ node: Node, _ what: String) -> String? {
    guard let text = reader.string(node, what) else { return nil }
    guard ISODate.isValid(text) else {
      reader.log.error(YAMLReader.line(node), "questionnaire.badDate", ["in": what, "value": text])
      return nil
    }
    return text
  }
}
