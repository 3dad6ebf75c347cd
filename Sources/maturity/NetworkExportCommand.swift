import ArgumentParser
import InterfaceText
import MaturityStore

/// `maturity network export`: a network's responses and peer CSVs, as files.
struct NetworkExportCommand: AsyncParsableCommand, LocalizedCommand {
  static let configuration = CommandConfiguration(
    commandName: "export",
    abstract:
      "Write every member's responses and the network's peer CSVs (scores and answers) into a folder.",
    discussion: """
      Responses go into DIR/responses/. The peer CSVs, one pair per questionnaire, hold the latest \
      submitted assessment of each authority and year, of the authorities that have not withdrawn \
      from the network's aggregates; they never hold a respondent's name. The export is recorded \
      in the audit log.

      Example:
        maturity network export anci-toscana --output anci-toscana-2026/ --db server.sqlite
      """
  )

  @Argument(help: "The network's id.")
  var networkID: String

  @Option(name: .shortAndLong, help: "The folder to write into (created if needed).")
  var output: String

  @OptionGroup var questionnaires: QuestionnaireFolderOption
  @OptionGroup var database: DatabaseOptions
  @OptionGroup var language: LanguageOption

  var texts: TextCatalogue { language.texts }

  func run() async throws {
    let shelf = try questionnaires.shelf()
    let store = try await database.open()
    let export = try await NetworkExport.write(
      store, network: networkID, to: output, questionnaireFolder: questionnaires.folder,
      questionnaires: shelf.lookup)
    await store.close()
    Diagnostics.warn(
      texts(
        "network.exported",
        ["responses": "\(export.responses)", "peers": "\(export.peers)", "folder": output]))
  }
}
