import ArgumentParser

/// `maturity accounts`: the accounts of a network server, for its operators.
struct AccountsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "accounts",
    abstract: "Manage the accounts of a network server (maturity serve --accounts).",
    subcommands: [AccountsAddCommand.self]
  )
}
