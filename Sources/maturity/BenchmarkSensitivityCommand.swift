import ArgumentParser
import InterfaceText
import MaturityKit

/// `maturity benchmark sensitivity`: how much a network's ranking depends on the weights.
struct BenchmarkSensitivityCommand: ParsableCommand, LocalizedCommand {
  static let configuration = CommandConfiguration(
    commandName: "sensitivity",
    abstract: "How much the ranking of a network's authorities by overall score depends on the weights.",
    discussion: """
      Each run multiplies every dimension's and question's weight by a factor drawn uniformly \
      in [1 − spread, 1 + spread], recomputes the overall scores and ranks the authorities \
      (1 = highest; ties share the average rank). For each authority (by id only): its rank \
      under the questionnaire's weights, its median rank and the 5th–95th percentile range of \
      its rank over the runs. For the network: the share of pairs of authorities that change \
      order, and the median width of the ranges. The same seed gives the same output.

      Example:
        maturity benchmark sensitivity Examples/peers/synthetic-peers-scores.csv
        maturity benchmark sensitivity Examples/peers/synthetic-peers-answers.csv \\
          --runs 500 --spread 0.3 --seed 7 --format csv
      """
  )

  @Argument(help: "Peer benchmark CSV files (scores or answers shape); --peers adds more.")
  var files: [String] = []

  @Option(help: "The questionnaire (a path or an id).")
  var questionnaire: String = "ai-data-readiness"

  @Option(help: "How many reweightings to draw (1 to \(SensitivityOptions.maximumRuns)).")
  var runs: Int = 1000

  @Option(help: "Each weight is multiplied by a factor drawn in [1 − spread, 1 + spread]; 0 ≤ spread < 1.")
  var spread: Double = 0.2

  @Option(help: "Seed of the draws (a whole number up to 2^53 − 1): the same seed, the same output.")
  var seed: UInt64 = 1

  @OptionGroup var peerOptions: PeerOptions

  @Option(help: "text, json or csv.")
  var format = OutputFormat<RankSensitivity>(.text)

  @OptionGroup var language: LanguageOption
  @OptionGroup var output: OutputOption

  var texts: TextCatalogue { language.texts }

  /// The peer files: the arguments, then those of `--peers`.
  var paths: [String] { files + peerOptions.files }

  func validate() throws {
    if paths.isEmpty { throw ValidationError(texts("sensitivity.noFiles")) }
    if !(1...SensitivityOptions.maximumRuns).contains(runs) {
      throw ValidationError(texts("sensitivity.badRuns", ["maximum": "\(SensitivityOptions.maximumRuns)"]))
    }
    if !(spread >= 0 && spread < 1) { throw ValidationError(texts("sensitivity.badSpread")) }
    if seed > SensitivityOptions.maximumSeed { throw ValidationError(texts("sensitivity.badSeed")) }
  }

  func run() throws {
    let questionnaire = try QuestionnaireLocator().load(self.questionnaire).questionnaire
    let paths = try peerOptions.carriedOver(paths, to: questionnaire, texts)
    let group = try peerOptions.group(paths, questionnaire, texts)
    let answers = try PeerAnswers.read(paths, questionnaire: questionnaire, options: peerOptions.readOptions)
    let result = RankSensitivity(
      group.peers, answers: answers, questionnaire: questionnaire,
      options: SensitivityOptions(runs: runs, spread: spread, seed: seed))
    try output.write(result.rendered(as: format.value, texts: texts))
  }
}
