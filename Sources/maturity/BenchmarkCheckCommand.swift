import ArgumentParser
import InterfaceText
import MaturityKit

/// `maturity benchmark check`: validates a peer CSV and says what was read.
struct BenchmarkCheckCommand: ParsableCommand, LocalizedCommand {
  static let configuration = CommandConfiguration(
    commandName: "check",
    abstract: "Check a peer CSV and say what was read: shape, dialect, rows, authorities, columns, problems.",
    discussion: """
      Every bad row is reported as FILE:LINE: message on standard error; the exit status is 1 \
      when there is any. The valid rows of a scores file are kept (see --no-cache), so that the \
      comparisons that follow need not parse it again.

      Example:
        maturity benchmark check Examples/peers/synthetic-peers-answers.csv
      """
  )

  @Argument(help: "Peer benchmark CSV files.")
  var files: [String]

  @Option(help: "The questionnaire (a path or an id).")
  var questionnaire: String = "ai-data-readiness"

  @OptionGroup var peerOptions: PeerOptions
  @OptionGroup var cache: PeerCacheOption
  @OptionGroup var language: LanguageOption

  var texts: TextCatalogue { language.texts }

  func run() throws {
    let questionnaire = try QuestionnaireLocator().load(self.questionnaire).questionnaire
    var options = peerOptions.readOptions
    options.cacheDirectory = cache.directory
    var failed = false
    for file in files {
      let summary = try PeerFileSummary(file, questionnaire: questionnaire, options: options)
      Diagnostics.report(summary.problems, texts)
      failed = failed || summary.problems.contains { $0.severity == .error }
      let source = summary.source
      print(
        texts(
          "check.summary",
          [
            "file": file, "shape": source.shape.rawValue, "delimiter": source.delimiter.description,
            "encoding": source.encoding.rawValue, "rows": "\(source.rows)",
            "leftOut": "\(source.rowsLeftOut)",
            "authorities": "\(summary.authorities)",
            "years": summary.years.isEmpty ? "—" : summary.years.map(String.init).joined(separator: ", "),
            "columns": source.columns.joined(separator: ", "),
            "attributes": source.attributes.isEmpty ? "—" : source.attributes.joined(separator: ", "),
          ]))
    }
    if failed { throw ExitCode(1) }
  }
}
