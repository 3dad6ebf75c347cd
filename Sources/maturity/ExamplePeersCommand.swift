import ArgumentParser
import CSV
import Foundation
import InterfaceText
import MaturityKit

/// `maturity example peers`: a seeded synthetic peer set in both peer CSV shapes.
struct ExamplePeersCommand: ParsableCommand, LocalizedCommand {
  static let configuration = CommandConfiguration(
    commandName: "peers",
    abstract: "Write a synthetic peer set (scores and answers CSV) for demonstrations and benchmarks.",
    discussion: """
      Writes DIR/synthetic-peers-scores.csv (one row per authority and year, a column per \
      dimension) and DIR/synthetic-peers-answers.csv (one row per authority, year and question). \
      The data is synthetic: ids start with SYN-, names say "Synthetic". The same seed always \
      gives the same files. Scores rise with population on average, with a wide spread; some \
      authorities leave a dimension blank; one in five has a second, earlier assessment.

      Example:
        maturity example peers --count 500 --seed 7 --output Examples/peers
      """
  )

  @Option(help: "Number of authorities.")
  var count: Int = 200

  @Option(help: "Random seed; the same seed gives the same files.")
  var seed: UInt64 = 1

  @Option(help: "The questionnaire (a path or an id).")
  var questionnaire: String = "ai-data-readiness"

  @Option(help: "The assessment year (earlier assessments are a year before).")
  var year: Int = 2025

  @Option(name: .shortAndLong, help: "Folder to write the files to.")
  var output: String = "."

  @Option(help: "Which files: scores, answers or both.")
  var shape: Shape = .both

  enum Shape: String, ExpressibleByArgument, CaseIterable { case scores, answers, both }

  @OptionGroup var language: LanguageOption

  var texts: TextCatalogue { language.texts }

  func validate() throws {
    guard (1...10_000_000).contains(count) else {
      throw ValidationError("--count must be between 1 and 10000000.")
    }
  }

  func run() throws {
    let loaded = try QuestionnaireLocator().load(questionnaire).questionnaire
    let generator = SyntheticPeers(questionnaire: loaded, count: count, seed: seed, year: year)
    let scores = shape == .answers ? nil : try OutputSink(path: output + "/synthetic-peers-scores.csv")
    let answers = shape == .scores ? nil : try OutputSink(path: output + "/synthetic-peers-answers.csv")
    var scoresWriter = CSVWriter()
    var answersWriter = CSVWriter()
    scoresWriter.write(generator.scoresHeader)
    answersWriter.write(SyntheticPeers.answersHeader)
    let progress = Progress(total: count, label: texts("example.generating"))
    var done = 0
    try generator.forEach { assessment in
      if let scores {
        scoresWriter.write(generator.scoresRow(assessment))
        try scores.write(scoresWriter.take())
      }
      if let answers {
        for row in generator.answerRows(assessment) { answersWriter.write(row) }
        try answers.write(answersWriter.take())
      }
      if assessment.year == year {
        done += 1
        progress.update(done)
      }
    }
    try scores?.finish()
    try answers?.finish()
    progress.finish()
  }
}
