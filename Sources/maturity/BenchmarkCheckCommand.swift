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
      when there is any.

      Example:
        maturity benchmark check Examples/peers/synthetic-peers-answers.csv
      """
  )

  @Argument(help: "Peer benchmark CSV files.")
  var files: [String]

  @Option(help: "The questionnaire (a path or an id).")
  var questionnaire: String = "ai-data-readiness"

  @OptionGroup var peerOptions: PeerOptions
  @OptionGroup var language: LanguageOption

  var texts: TextCatalogue { language.texts }

  func run() throws {
    let questionnaire = try QuestionnaireLocator().load(self.questionnaire).questionnaire
    var options = peerOptions.readOptions
    options.skipInvalid = true
    var failed = false
    for file in files {
      let (peers, problems) = try PeerSetReader.read([file], questionnaire: questionnaire, options: options)
      Diagnostics.report(problems, texts)
      failed = failed || problems.contains { $0.severity == .error }
      guard let source = peers.sources.first else { continue }
      let years = Set(peers.authorities.map(\.year)).sorted().map(String.init).joined(separator: ", ")
      print(
        texts(
          "check.summary",
          [
            "file": file, "shape": source.shape.rawValue, "delimiter": source.delimiter.description,
            "encoding": source.encoding.rawValue, "rows": "\(source.rows)", "leftOut": "\(source.rowsLeftOut)",
            "authorities": "\(Set(peers.authorities.map(\.id)).count)", "years": years.isEmpty ? "—" : years,
            "columns": source.columns.joined(separator: ", "),
            "attributes": source.attributes.isEmpty ? "—" : source.attributes.joined(separator: ", "),
          ]))
    }
    if failed { throw ExitCode(1) }
  }
}
