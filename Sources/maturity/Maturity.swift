import ArgumentParser
import Foundation
import InterfaceText

/// The `maturity` command: digital-maturity self-assessment and benchmarking for cities and regions.
@main
struct Maturity: AsyncParsableCommand {
  /// The release version; `--version` adds the commit the binary was built from.
  static let version = "0.1.0"

  static let configuration = CommandConfiguration(
    commandName: "maturity",
    abstract: "Assess a city's or region's AI and data readiness and compare it with its peers.",
    discussion: """
      Interface language: --lang on each command, else MATURITY_LANG, else LANG (en, fr, es).

      Questionnaire folders, where a questionnaire given by id is looked for: those in \
      MATURITY_QUESTIONNAIRES (separated by :), then ./Questionnaires, then the installed share \
      folder (share/digital-maturity/Questionnaires beside the binary's bin/ folder, and \
      /usr/share/digital-maturity/Questionnaires).

      Exit status: 0 on success, 1 when an input file is bad (the message names the file and \
      line), 64 when the command line is wrong.
      """,
    version: BuildInfo.commit.map { "\(version) (commit \($0))" } ?? version,
    subcommands: [
      CSVCommand.self, ValidateCommand.self, TemplateCommand.self, FillCommand.self, ImportCommand.self,
      ExportCommand.self, MigrateCommand.self, ScoreCommand.self, CompareCommand.self, ReportCommand.self,
      PlanCommand.self, BenchmarkCommand.self, ServeCommand.self, AccountsCommand.self, NetworkCommand.self,
      ExampleCommand.self,
    ]
  )

  /// Runs the command; bad input is reported as `file:line: message` with exit status 1.
  static func main() async {
    var command: any ParsableCommand
    do {
      command = try parseAsRoot()
    } catch {
      exit(withError: error)
    }
    do {
      if var asynchronous = command as? any AsyncParsableCommand {
        try await asynchronous.run()
      } else {
        try command.run()
      }
    } catch let error as any UserFacingError {
      let texts = (command as? any LocalizedCommand)?.texts ?? .environment
      FileHandle.standardError.write(Data((error.report(texts) + "\n").utf8))
      Foundation.exit(1)
    } catch {
      exit(withError: error)
    }
  }
}

/// A command whose messages follow its `--lang` option.
protocol LocalizedCommand {
  var texts: TextCatalogue { get }
}
