import ArgumentParser

/// `maturity example`: generates example data.
struct ExampleCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "example",
    abstract: "Generate example data, such as a synthetic peer set.",
    subcommands: [ExamplePeersCommand.self]
  )
}
