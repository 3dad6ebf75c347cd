import ArgumentParser
import InterfaceText
import MaturityKit

/// `maturity compare`: an authority against its peer group.
struct CompareCommand: ParsableCommand, LocalizedCommand {
  static let configuration = CommandConfiguration(
    commandName: "compare",
    abstract: "Compare an authority's scores with a peer group: quartiles, percentile rank, gaps.",
    discussion: """
      The peer group is every authority in the --peers files (each one's newest year), narrowed \
      by the filters. The authority itself is never its own peer. A group smaller than \
      --min-group (k, default 5) is refused; no peer is ever named, and min and max are shown \
      only when the group has at least 2k members.

      Example:
        maturity compare Examples/responses/small-municipality.response.yaml \\
          --peers Examples/peers/synthetic-peers-scores.csv --band auto
        maturity compare my.response.yaml --peers network.csv --country ES \\
          --type municipality --format json
      """
  )

  @OptionGroup var input: ResponseInput
  @OptionGroup var peerOptions: PeerOptions
  @OptionGroup var cache: PeerCacheOption

  @Option(help: "text, json, csv or markdown.")
  var format = OutputFormat<Comparison>(.text)

  @OptionGroup var language: LanguageOption
  @OptionGroup var output: OutputOption

  var texts: TextCatalogue { language.texts }

  func validate() throws {
    if peerOptions.files.isEmpty { throw ValidationError("Give at least one --peers file.") }
  }

  func run() throws {
    let (questionnaire, response, peers, carried) = try input.load(
      texts, csv: peerOptions.encoding.readOptions, comparedWith: peerOptions)
    var assessment = Assessment(response, on: questionnaire)
    let comparison = try peers.compare(&assessment, carried: carried, texts, cache: cache)
    try output.write(comparison.rendered(as: format.value, texts: texts))
  }
}
