import ArgumentParser
import InterfaceText
import MaturityKit

/// `maturity score`: scores one response.
struct ScoreCommand: ParsableCommand, LocalizedCommand {
  enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, csv, markdown }

  static let configuration = CommandConfiguration(
    commandName: "score",
    abstract: "Score a response: per dimension and overall, with levels and coverage.",
    discussion: """
      The questionnaire is the one the response names (its id and version), found under
      Questionnaires/, unless --questionnaire gives one. The text view shows a bar, the score,
      the level and the coverage per dimension; json, csv and markdown give every question.

      Example:
        maturity score Examples/responses/small-municipality.response.yaml
        maturity score answers.csv --format json --output Reports/score.json
      """
  )

  @Argument(help: "The response: a .response.yaml file or a response CSV.")
  var response: String

  @Option(help: "The questionnaire (a path or an id), instead of the one the response names.")
  var questionnaire: String?

  @Option(help: "text, json, csv or markdown.")
  var format: Format = .text

  @OptionGroup var language: LanguageOption
  @OptionGroup var output: OutputOption

  var texts: TextCatalogue { language.texts }

  func run() throws {
    let locator = QuestionnaireLocator()
    let questionnaire: Questionnaire
    if let reference = self.questionnaire {
      questionnaire = try locator.load(reference).questionnaire
    } else {
      let header = try ResponseLoader.header(path: response)
      questionnaire = try locator.load(id: header.id, version: header.version, for: response)
    }
    let loaded = try ResponseLoader.load(path: response, questionnaire: questionnaire)
    Diagnostics.report(loaded.warnings, texts)
    let card = Scorer.score(loaded.response, with: questionnaire)
    switch format {
    case .text: try output.write(ScorecardText.render(card, texts: texts, color: output.usesColor))
    case .json: try output.write(ScorecardJSON.render(card, language: texts.language))
    case .csv: try output.write(ScorecardCSV.render(card, language: texts.language))
    case .markdown: try output.write(ScorecardMarkdown.render(card, texts: texts))
    }
  }
}
