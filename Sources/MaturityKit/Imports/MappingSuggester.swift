import CSV

/// Writes a starting mapping from an export's header and the questionnaire: columns named after
/// question ids (with LimeSurvey `Q[SQ]` and Kobo/ODK `group/q` and `q/option` conventions) are
/// matched; what is not matched is listed for the user to finish.
public enum MappingSuggester {
  public static func suggest(header: [String], questionnaire: Questionnaire, source: ImportSource) -> String {
    func normalise(_ text: String) -> String {
      text.lowercased().filter { $0.isLetter || $0.isNumber }
    }
    var used: Set<String> = []
    var lines = [
      "# Mapping suggested by maturity import --suggest-mapping: check every line, then finish the lists at the end.",
      "questionnaire: \(questionnaire.id)", "version: \"\(questionnaire.version)\"", "from: \(source.rawValue)", "authority:",
    ]
    let authorityGuesses: [(String, [String])] = [
      ("id", ["authority_id", "authorityid", "authority.id", "id_authority", "code"]), ("name", ["authority_name", "authority", "name", "municipality"]),
      ("country", ["country", "pays", "pais"]), ("population", ["population", "poblacion", "inhabitants"]), ("type", ["type", "authority_type"]),
    ]
    for (field, names) in authorityGuesses {
      let wanted = Set(names.map(normalise))
      if let column = header.first(where: { wanted.contains(normalise($0)) || wanted.contains(normalise(String($0.split(separator: "/").last ?? ""))) }) {
        lines.append("  \(field): \(ResponseYAMLWriter.quoted(column))")
        used.insert(column)
      } else if field == "id" {
        lines.append("  id: \"\"  # the column that identifies the authority")
      }
    }
    if let date = source.dateColumn, header.contains(date) {
      lines.append("date: \(date)")
      used.insert(date)
    }
    lines.append("questions:")
    var mapped: Set<String> = []
    for question in questionnaire.questions {
      let key = normalise(question.id)
      // One column named after the question (possibly inside a group).
      if let column = header.first(where: { normalise(String($0.split(separator: "/").last ?? "")) == key && !$0.contains("[") }) {
        lines.append("  \(question.id): \(ResponseYAMLWriter.quoted(column))")
        used.insert(column)
        mapped.insert(question.id)
        continue
      }
      // One column per option: q[option] (LimeSurvey) or q/option (Kobo, ODK).
      var options: [(String, String)] = []
      for option in question.options {
        let candidates = ["\(question.id)[\(option.id)]", "\(question.id)/\(option.id)"].map(normalise)
        if let column = header.first(where: { column in candidates.contains(where: { normalise(column).hasSuffix($0) }) }) {
          options.append((option.id, column))
        }
      }
      if !options.isEmpty {
        lines.append("  \(question.id):")
        lines.append("    options:")
        for (option, column) in options {
          lines.append("      \(option): \(ResponseYAMLWriter.quoted(column))")
          used.insert(column)
        }
        mapped.insert(question.id)
      }
    }
    let unmatchedColumns = header.filter { !used.contains($0) && !SurveyImporter.isMetadata($0) }
    let unmatchedQuestions = questionnaire.questions.filter { !mapped.contains($0.id) }.map(\.id)
    if !unmatchedColumns.isEmpty { lines.append("# Export columns not mapped yet: " + unmatchedColumns.joined(separator: ", ")) }
    if !unmatchedQuestions.isEmpty { lines.append("# Questions without a column yet: " + unmatchedQuestions.joined(separator: ", ")) }
    return lines.joined(separator: "\n") + "\n"
  }
}
