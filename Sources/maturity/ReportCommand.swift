import ArgumentParser

/// `maturity report`: gap reports for one authority (the default) or a whole network.
struct ReportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "report",
    abstract: "Write a gap report for an authority, or the report of a whole network.",
    subcommands: [ReportAuthorityCommand.self, ReportNetworkCommand.self],
    defaultSubcommand: ReportAuthorityCommand.self
  )
}
