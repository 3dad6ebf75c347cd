import ArgumentParser
import Foundation
import InterfaceText
import MaturityKit

/// `maturity report RESPONSE`: an authority's gap report.
struct ReportAuthorityCommand: ParsableCommand, LocalizedCommand {
  static let configuration = CommandConfiguration(
    commandName: "authority",
    abstract: "Write an authority's gap report: scores, peers, weakest answers, knowledge gaps, change.",
    discussion: """
      The HTML report is one self-contained file (inline styles and SVG charts, no script, no \
      external request), printable on A4. Without --output it is written to \
      Reports/<authority-id>-<date>.<ext>. Gaps are measured to --target: the peers' median, \
      P75 or P90, or a level (level:ID or level:N); by default P75 with peers, else the next level.

      Example:
        maturity report Examples/responses/mid-size-city.response.yaml \\
          --peers Examples/peers/synthetic-peers-scores.csv --band auto
        maturity report new.response.yaml --previous old.response.yaml \\
          --format markdown --lang fr
      """
  )

  @OptionGroup var input: ResponseInput
  @OptionGroup var peerOptions: PeerOptions
  @OptionGroup var cache: PeerCacheOption

  @Option(help: "An earlier response of the same authority, to show the change.")
  var previous: String?

  @OptionGroup var target: TargetOption

  @Option(help: "html, markdown, json or csv.")
  var format = OutputFormat<GapReport>(.html)

  @Option(name: .shortAndLong, help: "The file to write (default: Reports/<authority-id>-<date>.<ext>).")
  var output: String?

  @OptionGroup var language: LanguageOption

  var texts: TextCatalogue { language.texts }

  func run() throws {
    let (questionnaire, response, peers, carried) = try input.load(
      texts, csv: peerOptions.encoding.readOptions, comparedWith: peerOptions)
    var assessment = Assessment(response, on: questionnaire)
    if !peerOptions.files.isEmpty {
      try peers.compare(&assessment, carried: carried, texts, cache: cache)
    }
    if let previous {
      let earlier = try ResponseInput(response: previous, questionnaire: input.questionnaire).load(
        texts, csv: peerOptions.encoding.readOptions, on: questionnaire)
      assessment.setPrevious(earlier.response, migration: earlier.migrated)
    }
    let report = assessment.report(target: try target.resolved(questionnaire))
    let path =
      output
      ?? ReportPaths.defaultPath(
        authority: response.authority.id, date: response.date, extension: format.value.fileExtension)
    let sink = try OutputSink(path: path)
    try sink.write(report.rendered(as: format.value, texts: texts))
    try sink.finish()
    if path != "-" { Diagnostics.warn(texts("report.written", ["file": path])) }
  }
}

extension ResponseInput {
  init(response: String, questionnaire: String?) {
    self.init()
    self.response = response
    self.questionnaire = questionnaire
  }
}

/// Where reports go by default.
enum ReportPaths {
  /// `Reports/<authority-id>-<date>.<ext>`, with characters unsafe in file names replaced.
  static func defaultPath(authority: String, date: String?, extension fileExtension: String) -> String {
    "Reports/\(FileNames.safe(authority + (date.map { "-\($0)" } ?? ""))).\(fileExtension)"
  }
}
