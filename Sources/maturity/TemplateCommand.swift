import ArgumentParser
import InterfaceText
import MaturityKit

/// `maturity template`: a blank response to fill in.
struct TemplateCommand: ParsableCommand, LocalizedCommand {
  enum Format: String, ExpressibleByArgument, CaseIterable { case yaml, csv }

  static let configuration = CommandConfiguration(
    commandName: "template",
    abstract: "Write a blank response to fill in: YAML with comments, or CSV for a spreadsheet.",
    discussion: """
      The YAML template has every question as an empty answer, with its text, help and allowed \
      values as comments. The CSV template has one row per question, with the question text, \
      help and allowed values in extra columns, for Excel or LibreOffice. Both read back with \
      `maturity score` once filled in.

      Example:
        maturity template ai-data-readiness --lang fr \\
          --output ma-commune.response.yaml
        maturity template ai-data-readiness --format csv --output answers.csv
      """
  )

  @Argument(help: "The questionnaire: a path, or an id found in the questionnaire folders (maturity --help).")
  var questionnaire: String

  @Option(help: "yaml or csv.")
  var format: Format = .yaml

  @OptionGroup var language: LanguageOption
  @OptionGroup var output: OutputOption

  var texts: TextCatalogue { language.texts }

  func run() throws {
    let loaded = try QuestionnaireLocator().load(questionnaire)
    Diagnostics.report(loaded.warnings, texts)
    switch format {
    case .yaml: try output.write(ResponseTemplate.yaml(loaded.questionnaire, texts: texts))
    case .csv: try output.write(ResponseTemplate.csv(loaded.questionnaire, texts: texts))
    }
  }
}
