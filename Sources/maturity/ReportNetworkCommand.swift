import ArgumentParser
import InterfaceText
import MaturityKit

/// `maturity report network`: the report of a whole network.
struct ReportNetworkCommand: ParsableCommand, LocalizedCommand {
  static let configuration = CommandConfiguration(
    commandName: "network",
    abstract: "Write a network's report: members side by side, distributions, levels, common weak questions.",
    discussion: """
      --peers takes peer CSV files and response files or folders of them; with responses the \
      report also lists the questions most often weak across the network. Members are named \
      (the report is for the network itself) unless --anonymous. Every aggregate with fewer \
      than k members (--min-group) is withheld.

      Example:
        maturity report network --peers Examples/peers/synthetic-peers-scores.csv \\
          --output Reports/network.html
      """
  )

  @OptionGroup var peerOptions: PeerOptions

  @Option(help: "The questionnaire (a path or an id).")
  var questionnaire: String = "ai-data-readiness"

  @Flag(help: "Replace member names with codes.")
  var anonymous = false

  @Option(help: "html, markdown, json or csv.")
  var format = OutputFormat<NetworkReport>(.html)

  @Option(name: .shortAndLong, help: "The file to write (default: Reports/network.<ext>).")
  var output: String?

  @OptionGroup var language: LanguageOption

  var texts: TextCatalogue { language.texts }

  func validate() throws {
    if peerOptions.files.isEmpty { throw ValidationError("Give the network's peer files with --peers.") }
  }

  func run() throws {
    let questionnaire = try QuestionnaireLocator().load(self.questionnaire).questionnaire
    let inputs = try NetworkInputs.split(peerOptions.files)
    var peers = try peerOptions.read(inputs.peerFiles, questionnaire, texts, keepingNames: true)
    let members = try NetworkInputs.scoreResponses(inputs.responses, questionnaire: questionnaire)
    for member in members { peers.append(member.peer, scores: member.scores) }
    let group = try peerOptions.group(of: peers, questionnaire)
    let kept = Set(group.peers.authorities.map { "\($0.id)/\($0.year)" })
    let report = NetworkReport(
      questionnaire: questionnaire, peers: group.peers, anonymous: anonymous,
      minimumGroup: peerOptions.minGroup,
      scorecards: members.filter { kept.contains("\($0.peer.id)/\($0.peer.year)") }.map(\.card))
    let path = output ?? "Reports/network.\(format.value.fileExtension)"
    let sink = try OutputSink(path: path)
    try sink.write(report.rendered(as: format.value, texts: texts))
    try sink.finish()
    if path != "-" { Diagnostics.warn(texts("report.written", ["file": path])) }
  }
}
