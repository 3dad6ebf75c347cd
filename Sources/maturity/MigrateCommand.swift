import ArgumentParser
import Foundation
import InterfaceText
import MaturityKit

/// `maturity migrate`: carries responses over to another edition of their questionnaire.
struct MigrateCommand: ParsableCommand, LocalizedCommand {
  static let configuration = CommandConfiguration(
    commandName: "migrate",
    abstract: "Carry responses over to a later edition of their questionnaire.",
    discussion: """
      Each response is carried over through the questionnaire's migration files \
      (migrations/FROM-to-TO.yaml beside it): answers to unchanged questions are kept, mapped \
      answers say so in their comment, new questions are left blank, and nothing is invented. \
      What could not be carried over is listed on the terminal and at the top of the migrated \
      file. One response without --output is written to standard output.

      Example:
        maturity migrate Examples/responses/mid-size-city.response.yaml --to 2026.1
        maturity migrate responses/*.response.yaml --to 2026.1 --output migrated/
      """
  )

  @Argument(help: "Response files (YAML or CSV).")
  var responses: [String]

  @Option(help: "The edition to carry the responses to (its version, e.g. 2026.1).")
  var to: String

  @Option(name: .shortAndLong, help: "The folder to write the migrated responses to (made if missing).")
  var output: String?

  @OptionGroup var language: LanguageOption

  var texts: TextCatalogue { language.texts }

  func validate() throws {
    if responses.count > 1, output == nil {
      throw ValidationError("Several responses need --output FOLDER.")
    }
  }

  func run() throws {
    let locator = QuestionnaireLocator()
    var migrations: [String: ResponseMigration] = [:]
    var written: [(path: String, text: String)] = []
    var reports: [String] = []
    for path in responses {
      let file = try ResponseFile(path: path)
      let header = try file.header()
      let response = try file.response(on: file.questionnaire(locator))
      Diagnostics.report(response.warnings, texts)
      let key = "\(header.id)\u{0}\(header.version)"
      let migration = try migrations[key] ?? locator.migration(of: header.id, from: header.version, to: to)
      migrations[key] = migration
      let migrated = migration.migrate(response.response, texts: texts)
      let lines =
        [MigrationSummary.headline(migrated, file: path, texts: texts)]
        + MigrationSummary.notCarried(migrated, texts: texts).map { "  " + $0 }
      reports.append(lines.joined(separator: "\n"))
      let name = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
      written.append(
        (
          (output ?? ".") + "/" + (name.hasSuffix(".response") ? name : name + ".response") + ".yaml",
          ResponseYAMLWriter.yaml(migrated.response, questionnaire: migration.target!, header: lines)
        ))
    }
    let paths = written.map(\.path)
    if let twice = paths.first(where: { path in paths.filter { $0 == path }.count > 1 }) {
      throw ValidationError("Two responses would both be written to \(twice): give them different names.")
    }
    guard let output else {
      FileHandle.standardError.write(Data((reports.joined(separator: "\n") + "\n").utf8))
      print(written[0].text, terminator: "")
      return
    }
    try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
    for file in written { try AtomicFile.write(Array(file.text.utf8), to: file.path) }
    print(reports.joined(separator: "\n"))
  }
}
