import ArgumentParser
import InterfaceText
import MaturityStore

/// `maturity network create`: a network on the server.
struct NetworkCreateCommand: AsyncParsableCommand, LocalizedCommand {
  static let configuration = CommandConfiguration(
    commandName: "create",
    abstract: "Create a network of authorities on the server.",
    discussion: """
      The id appears in links and file names: 1 to 64 lower-case letters, digits and hyphens.

      Example:
        maturity network create anci-toscana --name "ANCI Toscana" --db server.sqlite
      """
  )

  @Argument(help: "The network's id.")
  var networkID: String

  @Option(help: "The network's name, as its members see it.")
  var name: String

  @OptionGroup var database: DatabaseOptions
  @OptionGroup var language: LanguageOption

  var texts: TextCatalogue { language.texts }

  func run() async throws {
    let store = try await database.open()
    let network = try await store.createNetwork(id: networkID, name: name)
    await store.close()
    Diagnostics.warn(texts("network.created", ["id": network.id, "name": network.name]))
  }
}
