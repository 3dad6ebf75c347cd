import ArgumentParser

/// `maturity benchmark`: building, checking and summarising peer sets.
struct BenchmarkCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "benchmark",
    abstract:
      "Build peer sets from responses, check peer files, publish a network's distribution, test its ranking.",
    subcommands: [
      BenchmarkBuildCommand.self, BenchmarkCheckCommand.self, BenchmarkStatsCommand.self,
      BenchmarkGapsCommand.self, BenchmarkSensitivityCommand.self,
    ]
  )
}
