import ArgumentParser
import InterfaceText
import MaturityKit

/// `maturity score`: scores one response.
struct ScoreCommand: ParsableCommand, LocalizedCommand {
  static let configuration = CommandConfiguration(
    commandName: "score",
    abstract: "Score a response: per dimension and overall, with levels and coverage.",
    discussion: """
      The questionnaire is the one the response names (its id and version), found in the \
      questionnaire folders, unless --questionnaire gives one. The text view shows a bar, the score, \
      the level and the coverage per dimension; json, csv and markdown give every question.

      Example:
        maturity score Examples/responses/small-municipality.response.yaml
        maturity score answers.csv --format json --output Reports/score.json
      """
  )

  @OptionGroup var input: ResponseInput
  @OptionGroup var encoding: EncodingOption

  @Option(help: "text, json, csv or markdown.")
  var format = OutputFormat<Scorecard>(.text)

  @OptionGroup var language: LanguageOption
  @OptionGroup var output: OutputOption

  var texts: TextCatalogue { language.texts }

  func run() throws {
    let (questionnaire, response) = try input.load(texts, csv: encoding.readOptions)
    let card = Assessment(response, on: questionnaire).scorecard
    try output.write(card.rendered(as: format.value, texts: texts, color: output.usesColor))
  }
}
