import ArgumentParser
import InterfaceText
import MaturityKit

/// `maturity validate`: checks questionnaires and responses, reporting every problem.
struct ValidateCommand: ParsableCommand, LocalizedCommand {
  static let configuration = CommandConfiguration(
    commandName: "validate",
    abstract: "Check questionnaires and responses (YAML or CSV) and report every problem.",
    discussion: """
      Each problem is printed on standard error as FILE:LINE: message. A response is checked \
      against the questionnaire it names (found in the questionnaire folders), or the one given with \
      --questionnaire. Exit status 1 when any file has an error; warnings alone exit 0.

      Example:
        maturity validate Questionnaires/ai-data-readiness/questionnaire.yaml
        maturity validate Examples/responses/*.response.yaml
      """
  )

  @Argument(help: "Questionnaire or response files.")
  var files: [String]

  @Option(help: "Check responses against this questionnaire (a path or an id).")
  var questionnaire: String?

  @OptionGroup var encoding: EncodingOption

  @OptionGroup var language: LanguageOption

  var texts: TextCatalogue { language.texts }

  func run() throws {
    let validator = FileValidator(
      locator: QuestionnaireLocator(), questionnaire: questionnaire, csv: encoding.readOptions)
    var failed = false
    for file in files {
      let outcome = validator.validate(file)
      Diagnostics.report(outcome.problems, texts)
      if outcome.hasErrors {
        failed = true
      } else {
        print(texts("validate.ok", ["file": file, "kind": texts("validate.kind.\(outcome.kind.rawValue)")]))
      }
    }
    if failed { throw ExitCode(1) }
  }
}
