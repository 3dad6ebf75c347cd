import ArgumentParser
import CSV
import InterfaceText
import MaturityKit

/// `maturity benchmark gaps`: every authority's gap to its group's median.
struct BenchmarkGapsCommand: ParsableCommand, LocalizedCommand {
  static let configuration = CommandConfiguration(
    commandName: "gaps",
    abstract:
      "Every authority's gap to the median of its group (band by default), as CSV, for a network's staff.",
    discussion: """
      One row per authority (its newest year unless --year): its score, the median of the other \
      members of its group, and the gap (median − score) per dimension and overall. Medians of \
      fewer than k other members (--min-group) are left empty. This names authorities: it is for \
      the network that holds the data, not for publication.

      Example:
        maturity benchmark gaps Examples/peers/synthetic-peers-answers.csv \\
          --output Reports/gaps.csv
      """
  )

  @OptionGroup var input: PeerFilesInput

  @OptionGroup var peerOptions: PeerOptions
  @OptionGroup var language: LanguageOption
  @OptionGroup var output: OutputOption

  var texts: TextCatalogue { language.texts }

  func run() throws {
    let (group, bands) = try input.group(peerOptions, texts)
    let gaps = GroupGaps(
      group.peers, grouping: PeerGrouping(input.by), bands: bands, minimumGroup: peerOptions.minGroup)
    input.reportUngrouped(gaps.ungrouped, texts)
    try output.stream { sink in
      var writer = CSVWriter()
      try DistributionRenderers.gapsCSV(gaps, into: &writer) { writer in
        if writer.bytes.count >= 1 << 16 { try sink.write(writer.take()) }
      }
      try sink.write(writer.take())
    }
  }
}
