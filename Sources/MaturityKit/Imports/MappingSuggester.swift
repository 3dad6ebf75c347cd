import Foundation

/// Writes a starting mapping from an export's header and the questionnaire. A column is matched
/// to a question by the question's id (alone, or after a Kobo `group/` or ODK Central `group-`
/// prefix), or by the question's text in any language of the questionnaire; one column per
/// option by `q[option]`, `q/option` or `Question text [Option label]`. What is not matched is
/// listed for the user to finish; what is written always loads as a mapping.
public enum MappingSuggester {
  /// The mapping's text, and the questions matched and not.
  public struct Suggestion: Sendable {
    public var text: String
    public var matched: [String]
    public var unmatched: [String]
  }

  /// `header` is the export's first row; `texts`, when the tool writes one (Qualtrics), the row
  /// of question texts under it.
  public static func suggest(
    header: [String], texts: [String] = [], questionnaire: Questionnaire, source: ImportSource
  ) -> Suggestion {
    let columns = header.enumerated().map { index, name in
      Column(name: name, text: index < texts.count ? texts[index] : "")
    }
    var used: Set<String> = []
    let limeSurvey = source == .limesurvey ? LimeSurveyCodes(questionnaire) : nil
    var lines = [
      "# Mapping suggested by maturity import --suggest-mapping: check every line, then finish the lists at the end.",
      "questionnaire: \(questionnaire.id)", "version: \"\(questionnaire.version)\"",
      "from: \(source.rawValue)",
      "authority:",
    ]
    let authorityGuesses: [(String, [String])] = [
      ("id", ["authority_id", "authorityid", "authority.id", "id_authority", "code"]),
      ("name", ["authority_name", "authority", "name", "municipality"]),
      ("country", ["country", "pays", "pais"]), ("population", ["population", "poblacion", "inhabitants"]),
      ("type", ["type", "authority_type"]),
    ]
    for (field, names) in authorityGuesses {
      // Also the authority questions of the exported forms, by label in every language.
      let asked = AuthorityQuestions.items.filter { $0.field == field }.flatMap {
        $0.label.translations.values
      }
      let wanted = Set((names + asked).map(normalise))
      if let column = columns.first(where: { column in
        column.leafCandidates.contains { wanted.contains(normalise($0)) }
      }) {
        lines.append("  \(field): \(ResponseYAMLWriter.quoted(column.name))")
        used.insert(column.name)
      } else if field == "id" {
        lines.append("  id: \"\"  # the column that identifies the authority")
      }
    }
    if let date = source.dateColumns.first(where: { header.contains($0) }) {
      lines.append("date: \(ResponseYAMLWriter.quoted(date))")
      used.insert(date)
    }
    var questionLines: [String] = []
    var matched: [String] = []
    for question in questionnaire.questions {
      // The question and subquestion codes of the survey written by `export --to limesurvey`.
      if let codes = limeSurvey, let found = limeSurveyLines(question, codes: codes, has: header.contains) {
        questionLines += found.lines
        used.formUnion(found.columns)
        matched.append(question.id)
        continue
      }
      let id = question.id.lowercased()
      let questionTexts = Set(question.text.translations.values.map(normalise))
      if let column = columns.first(where: { column in
        !used.contains(column.name) && !column.name.contains("[")
          && (column.leafCandidates.contains(id) || questionTexts.contains(normalise(column.text))
            || questionTexts.contains(normalise(column.name)))
      }) {
        var fields = ["column: \(ResponseYAMLWriter.quoted(column.name))"]
        if source == .qualtrics { fields += qualtricsFields(question) }
        // The XLSForm's companion question for "not applicable" and "don't know".
        let special = column.name + "_special"
        if header.contains(special) {
          fields.append("special: \(ResponseYAMLWriter.quoted(special))")
          used.insert(special)
        }
        questionLines.append(
          fields.count == 1
            ? "  \(question.id): \(ResponseYAMLWriter.quoted(column.name))"
            : "  \(question.id): {\(fields.joined(separator: ", "))}")
        used.insert(column.name)
        matched.append(question.id)
        continue
      }
      // One column per option: q[option] (LimeSurvey codes), q/option (Kobo, ODK) or
      // "Question text [Option label]" (LimeSurvey full texts).
      var options: [(String, String)] = []
      for option in question.options {
        let suffixes = ["\(question.id)[\(option.id)]", "\(question.id)/\(option.id)"].map(normalise)
        let labels = Set(option.label.translations.values.map(normalise))
        if let column = columns.first(where: { column in
          guard !used.contains(column.name) else { return false }
          if suffixes.contains(where: { normalise(column.name).hasSuffix($0) }) { return true }
          guard let split = column.bracketed else { return false }
          return questionTexts.contains(normalise(split.question)) && labels.contains(normalise(split.option))
        }) {
          options.append((option.id, column.name))
          used.insert(column.name)
        }
      }
      if !options.isEmpty {
        questionLines.append("  \(question.id):")
        questionLines.append("    options:")
        for (option, column) in options {
          questionLines.append("      \(option): \(ResponseYAMLWriter.quoted(column))")
        }
        matched.append(question.id)
      }
    }
    lines.append(questionLines.isEmpty ? "questions: {}" : "questions:")
    lines += questionLines
    let unmatchedColumns = header.filter { !used.contains($0) && !SurveyImporter.isMetadata($0) }
    let unmatched = questionnaire.questions.map(\.id).filter { !matched.contains($0) }
    if !unmatchedColumns.isEmpty {
      lines.append("# Export columns not mapped yet: " + unmatchedColumns.joined(separator: ", "))
    }
    if !unmatched.isEmpty {
      lines.append("# Questions without a column yet: " + unmatched.joined(separator: ", "))
    }
    return Suggestion(text: lines.joined(separator: "\n") + "\n", matched: matched, unmatched: unmatched)
  }

  /// A Qualtrics choice question's `codes`: the default numeric values (1, 2… in the order of the
  /// options, then "not applicable" and "don't know"), for an export made with "Use numeric
  /// values"; choice texts are read without them. A multiple choice's choices are separated by
  /// commas.
  static func qualtricsFields(_ question: Question) -> [String] {
    guard [.scale, .single, .yesno, .multi].contains(question.type) else { return [] }
    let ids =
      (question.type == .yesno && question.options.isEmpty
        ? XLSForm.yesNo.map(\.0) : question.options.map(\.id))
      + XLSForm.specialChoices(question).map(\.0)
    let codes = ids.enumerated().map { "\"\($0.offset + 1)\": \(ResponseYAMLWriter.quoted($0.element))" }
    return (question.type == .multi ? ["separator: \",\""] : []) + [
      "codes: {\(codes.joined(separator: ", "))}"
    ]
  }

  /// The mapping lines of `question` for a LimeSurvey export with question-code headings, and
  /// the columns they read; nil when `has` says the export lacks them.
  static func limeSurveyLines(_ question: Question, codes: LimeSurveyCodes, has: (String) -> Bool) -> (
    lines: [String], columns: [String]
  )? {
    guard let code = codes.questions[question.id] else { return nil }
    let optionCodes = codes.options[question.id] ?? [:]
    let ordered = (question.options.map(\.id) + ["na", "unknown"]).compactMap { id in
      optionCodes[id].map { (id, $0) }
    }
    switch question.type {
    case .multi:
      let columns = ordered.map { ($0.0, "\(code)[\($0.1)]") }.filter { has($0.1) }
      guard !columns.isEmpty else { return nil }
      return (
        ["  \(question.id):", "    options:"]
          + columns.map { "      \($0.0): \(ResponseYAMLWriter.quoted($0.1))" },
        columns.map(\.1)
      )
    case .scale, .single, .yesno:
      guard has(code) else { return nil }
      var pairs = ordered
      if question.type == .yesno && question.options.isEmpty { pairs = [("yes", "Y"), ("no", "N")] + pairs }
      let list = pairs.map { "\(ResponseYAMLWriter.quoted($0.1)): \(ResponseYAMLWriter.quoted($0.0))" }
      return (
        [
          "  \(question.id): {column: \(ResponseYAMLWriter.quoted(code)), codes: {\(list.joined(separator: ", "))}}"
        ], [code]
      )
    case .number, .percent, .text:
      guard has(code) else { return nil }
      return (["  \(question.id): \(ResponseYAMLWriter.quoted(code))"], [code])
    }
  }

  /// An export column: its header, and its question text when the tool writes a row of them.
  struct Column {
    var name: String
    var text: String

    /// The name after the last group separator (`/` for Kobo).
    var leaf: String { String(name.split(separator: "/").last ?? "") }

    /// The question ids the name may end with, lower-cased: the whole name, the part after the
    /// last `/`, and every part after a `-` (ODK Central joins groups with `-`, and ids may
    /// hold `-` themselves).
    var leafCandidates: Set<String> {
      let lowered = leaf.lowercased()
      var candidates: Set<String> = [name.lowercased(), lowered]
      var rest = Substring(lowered)
      while let dash = rest.firstIndex(of: "-") {
        rest = rest[rest.index(after: dash)...]
        candidates.insert(String(rest))
      }
      return candidates
    }

    /// `Question text [Option]` split in two, for LimeSurvey's full-text headers.
    var bracketed: (question: String, option: String)? {
      guard name.hasSuffix("]"), let open = name.lastIndex(of: "[") else { return nil }
      return (
        String(name[..<open]), String(name[name.index(after: open)..<name.index(before: name.endIndex)])
      )
    }
  }

  /// Text for comparison: without HTML tags, Qualtrics' "- Selected Choice", case, accents,
  /// spaces and punctuation.
  static func normalise(_ text: String) -> String {
    var plain = text.replacingOccurrences(of: "<[^>]*>", with: " ", options: .regularExpression)
    if let range = plain.range(of: " - Selected Choice", options: [.caseInsensitive, .backwards]) {
      plain.removeSubrange(range)
    }
    return plain.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
      .filter { $0.isLetter || $0.isNumber }
  }
}
