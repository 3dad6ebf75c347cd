/// Writes a response as `*.response.yaml`, answers in questionnaire order, texts double-quoted
/// and escaped so that any text reads back as written.
public enum ResponseYAMLWriter {
  /// The response as YAML; `header` lines, if any, come first as comments.
  public static func yaml(_ response: Response, questionnaire: Questionnaire, header: [String] = []) -> String
  {
    var out = header.map { "# " + $0.replacingOccurrences(of: "\n", with: " ") + "\n" }.joined()
    out += "questionnaire: \(quoted(response.questionnaireID))\nversion: \(quoted(response.version))\n"
    let authority = response.authority
    out += "authority:\n  id: \(quoted(authority.id))\n  name: \(quoted(authority.name))\n"
    if let country = authority.country { out += "  country: \(quoted(country))\n" }
    if let population = authority.population { out += "  population: \(population)\n" }
    if let type = authority.type { out += "  type: \(type.rawValue)\n" }
    if let date = response.date { out += "date: \(quoted(date))\n" }
    if let respondent = response.respondent, respondent.name != nil || respondent.role != nil {
      out += "respondent:\n"
      if let name = respondent.name { out += "  name: \(quoted(name))\n" }
      if let role = respondent.role { out += "  role: \(quoted(role))\n" }
    }
    out += "answers:\n"
    let order = Dictionary(
      questionnaire.questions.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
    for answer in response.answers.sorted(by: {
      (order[$0.questionID] ?? .max) < (order[$1.questionID] ?? .max)
    }) {
      let value = answer.value.map(self.value)
      if let value, !answer.hasNotes {
        out += "  \(answer.questionID): \(value)\n"
      } else {
        // A note without an answer is written without `value`.
        out += "  \(answer.questionID):\n"
        if let value { out += "    value: \(value)\n" }
        if answer.unsure { out += "    unsure: true\n" }
        if let comment = answer.comment { out += "    comment: \(quoted(comment))\n" }
        if let evidence = answer.evidence { out += "    evidence: \(quoted(evidence))\n" }
      }
    }
    return out
  }

  static func value(_ value: AnswerValue) -> String {
    switch value {
    case .options(let ids): "[" + ids.map(quoted).joined(separator: ", ") + "]"
    case .number(let number): number.formatted
    case .boolean(let flag): flag ? "\"yes\"" : "\"no\""
    default: quoted(value.formatted)
    }
  }

  /// A YAML double-quoted scalar.
  static func quoted(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case _ where scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value):
        let hex = String(scalar.value, radix: 16)
        out += "\\x" + String(repeating: "0", count: 2 - hex.count) + hex
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out + "\""
  }
}
