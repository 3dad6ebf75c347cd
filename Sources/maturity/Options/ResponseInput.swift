import ArgumentParser
import CSV
import InterfaceText
import MaturityKit

/// A response argument and the questionnaire to read it with.
struct ResponseInput: ParsableArguments {
  @Argument(help: "The response: a .response.yaml file or a response CSV.")
  var response: String

  @Option(help: "The questionnaire (a path or an id), instead of the one the response names.")
  var questionnaire: String?

  /// The questionnaire and the checked response, a CSV read with `csv`; warnings go to
  /// standard error.
  func load(_ texts: TextCatalogue, csv: CSVReadOptions) throws -> (
    questionnaire: Questionnaire, response: Response
  ) {
    let file = try ResponseFile(path: response, csv: csv)
    let questionnaire = try file.questionnaire(QuestionnaireLocator(), reference: self.questionnaire)
    let loaded = try file.response(on: questionnaire)
    Diagnostics.report(loaded.warnings, texts)
    return (questionnaire, loaded.response)
  }

  /// The response on `edition`: carried over through the questionnaire's migrations when it was
  /// written for an earlier edition, saying so on standard error.
  func load(_ texts: TextCatalogue, csv: CSVReadOptions, on edition: Questionnaire) throws -> (
    response: Response, migrated: MigratedResponse?
  ) {
    let (questionnaire, response) = try load(texts, csv: csv)
    guard questionnaire.id == edition.id, questionnaire.version != edition.version else {
      return (response, nil)
    }
    let migration = try QuestionnaireLocator().migration(
      of: edition.id, from: questionnaire.version, to: edition.version)
    let migrated = migration.migrate(response, texts: texts)
    Diagnostics.warn(self.response + ": " + EditionCarried(migrated).sentence(texts))
    return (migrated.response, migrated)
  }

  /// The response, the edition to compare it on with `peers` (its own, or the later edition
  /// the peer files were made on, to which it is carried over), and the peer files to read.
  func load(_ texts: TextCatalogue, csv: CSVReadOptions, comparedWith peers: PeerOptions) throws -> (
    questionnaire: Questionnaire, response: Response, peers: PeerOptions, carried: EditionCarried?
  ) {
    let own = try load(texts, csv: csv)
    let (edition, aligned) = try peers.aligned(with: own.questionnaire, texts)
    guard edition.version != own.questionnaire.version else {
      return (own.questionnaire, own.response, aligned, nil)
    }
    let carried = try load(texts, csv: csv, on: edition)
    return (edition, carried.response, aligned, carried.migrated.map(EditionCarried.init))
  }
}
