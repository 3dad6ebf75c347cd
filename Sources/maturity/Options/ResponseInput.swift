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
    let locator = QuestionnaireLocator()
    let questionnaire: Questionnaire
    if let reference = self.questionnaire {
      questionnaire = try locator.load(reference).questionnaire
    } else {
      let header = try ResponseLoader.header(path: response, csv: csv)
      questionnaire = try locator.load(
        id: header.id, version: header.version, for: response, line: header.line)
    }
    let loaded = try ResponseLoader.load(path: response, questionnaire: questionnaire, csv: csv)
    Diagnostics.report(loaded.warnings, texts)
    return (questionnaire, loaded.response)
  }
}
