import ArgumentParser
import CSV
import Foundation
import InterfaceText
import MaturityKit

/// `maturity benchmark build`: many responses into one peer CSV.
struct BenchmarkBuildCommand: ParsableCommand, LocalizedCommand {
  enum Shape: String, ExpressibleByArgument, CaseIterable { case scores, answers }

  static let configuration = CommandConfiguration(
    commandName: "build",
    abstract: "Build a peer CSV from many response files (or folders of them).",
    discussion: """
      Every response is checked against its questionnaire; all must answer the same \
      questionnaire and version. The peer set holds each authority's id, name, country, \
      population and type, the year of the assessment date, and its scores (or answers) — \
      never the respondent's name or contacts. Written atomically.

      Example:
        maturity benchmark build Examples/responses --output Reports/network-peers.csv
        maturity benchmark build answers/ --shape answers --output peers-answers.csv
      """
  )

  @Argument(help: "Response files (.response.yaml or response CSV) or folders of them.")
  var inputs: [String]

  @Option(help: "scores (one row per authority) or answers (one row per authority and question).")
  var shape: Shape = .scores

  @Option(help: "The year for responses without a date.")
  var year: Int?

  @Option(name: .shortAndLong, help: "The peer CSV to write.")
  var output: String

  @OptionGroup var encoding: EncodingOption
  @OptionGroup var language: LanguageOption

  var texts: TextCatalogue { language.texts }

  func run() throws {
    let paths = try ResponseFiles.expand(inputs)
    let builder = PeerSetBuilder(
      shape: shape == .scores ? .scores : .answers, defaultYear: year, csv: encoding.readOptions)
    let progress = Progress(total: paths.count, label: texts("build.progress"))
    let result = try builder.build(paths) { done in progress.update(done) }
    progress.finish()
    Diagnostics.report(result.warnings, texts)
    try AtomicFile.write(result.bytes, to: output)
    Diagnostics.warn(texts("build.done", ["count": "\(result.count)", "file": output]))
  }
}
