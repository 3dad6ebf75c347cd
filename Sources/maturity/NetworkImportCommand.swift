import ArgumentParser
import InterfaceText
import MaturityStore

/// `maturity network import`: assessments a network collected elsewhere, into the server.
struct NetworkImportCommand: AsyncParsableCommand, LocalizedCommand {
  static let configuration = CommandConfiguration(
    commandName: "import",
    abstract: "Load a folder of response files into a network, as submitted assessments.",
    discussion: """
      Each response goes into its authority (the authority id of the file). Every file is checked \
      against its questionnaire first: one bad file and none is loaded, and the message names the \
      file and line.

      Example:
        maturity network import anci-toscana answers-2025/ --db server.sqlite
      """
  )

  @Argument(help: "The network's id.")
  var networkID: String

  @Argument(help: "The folder of response files (.response.yaml, response CSV).")
  var folder: String

  @OptionGroup var questionnaires: QuestionnaireFolderOption
  @OptionGroup var database: DatabaseOptions
  @OptionGroup var language: LanguageOption

  var texts: TextCatalogue { language.texts }

  func run() async throws {
    let shelf = try questionnaires.shelf()
    let items = try StoreTransfer.readFolder(folder, questionnaires: shelf.lookup)
    let store = try await database.open()
    let records = try await store.addSubmitted(items, to: networkID)
    await store.close()
    Diagnostics.warn(
      texts(
        "network.imported",
        [
          "count": "\(records.count)", "authorities": "\(Set(records.map(\.authorityID)).count)",
          "id": networkID,
        ]))
  }
}
