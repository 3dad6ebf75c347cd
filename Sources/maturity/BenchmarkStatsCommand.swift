import ArgumentParser
import InterfaceText
import MaturityKit

/// `maturity benchmark stats`: the distribution of a peer set per group.
struct BenchmarkStatsCommand: ParsableCommand, LocalizedCommand {
  static let configuration = CommandConfiguration(
    commandName: "stats",
    abstract: "The distribution of a peer set per group (what a network publishes), k applied to every cell.",
    discussion: """
      For each group (population band, country, type or any attribute column) and each \
      dimension: n, mean, standard deviation, P10, P25, median, P75, P90, and min and max when \
      the cell has at least 2k authorities. Cells with fewer than k (--min-group) are withheld.

      Example:
        maturity benchmark stats Examples/peers/synthetic-peers-scores.csv --by band
        maturity benchmark stats network.csv --by country --type municipality \\
          --format csv
      """
  )

  @OptionGroup var input: PeerFilesInput

  @OptionGroup var peerOptions: PeerOptions

  @Option(help: "text, json, csv or markdown.")
  var format = OutputFormat<NetworkDistribution>(.text)

  @OptionGroup var language: LanguageOption
  @OptionGroup var output: OutputOption

  var texts: TextCatalogue { language.texts }

  func run() throws {
    let (group, bands) = try input.group(peerOptions, texts)
    let table = NetworkDistribution(
      group.peers, grouping: PeerGrouping(input.by), bands: bands, minimumGroup: peerOptions.minGroup)
    input.reportUngrouped(table.ungrouped, texts)
    try output.write(table.rendered(as: format.value, texts: texts))
  }
}
