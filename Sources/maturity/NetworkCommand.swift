import ArgumentParser

/// `maturity network`: the networks of a network server, for its operators.
struct NetworkCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "network",
    abstract: "Create networks, invite their people, move their assessments in and out.",
    subcommands: [
      NetworkCreateCommand.self, NetworkInviteCommand.self, NetworkImportCommand.self,
      NetworkExportCommand.self,
    ]
  )
}
