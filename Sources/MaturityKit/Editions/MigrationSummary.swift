import InterfaceText

/// What a migration did to a response, in words, for the migrated file's header, the command's
/// report and the notes of a comparison across editions.
public enum MigrationSummary {
  /// One line: the editions and the counts of answers kept, mapped, new and not carried over.
  public static func headline(_ migrated: MigratedResponse, file: String, texts: TextCatalogue) -> String {
    let response = migrated.response
    return texts(
      "migration.headline",
      [
        "file": file, "questionnaire": response.questionnaireID, "from": migrated.from,
        "to": response.version,
        "kept": "\(response.answers.count - migrated.mapped.count)", "mapped": "\(migrated.mapped.count)",
        "new": "\(migrated.newQuestions.count)", "lost": "\(migrated.notCarried.count)",
      ])
  }

  /// One line per answer that was not carried over, saying why.
  public static func notCarried(_ migrated: MigratedResponse, texts: TextCatalogue) -> [String] {
    migrated.notCarried.map { answer in
      let given = "\(answer.questionID) = \(Excerpt.of(answer.value?.formatted ?? ""))"
      let reason: String =
        switch answer.reason {
        case .dropped(let why): texts("migration.lost.dropped", ["why": why.text(texts.language)])
        case .optionNotMapped(let option): texts("migration.lost.option", ["option": option])
        case .notAllowed: texts("migration.lost.notAllowed")
        }
      return "\(given): \(reason)"
    }
  }
}
