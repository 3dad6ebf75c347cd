import Accounts
import ArgumentParser
import Foundation
import InterfaceText
import MaturityStore

/// `maturity network invite`: a one-time link that gives its holder a role in a network.
struct NetworkInviteCommand: AsyncParsableCommand, LocalizedCommand {
  static let configuration = CommandConfiguration(
    commandName: "invite",
    abstract: "Invite a person into a network: prints the invitation link to pass on.",
    discussion: """
      Prints one line, the link. It can be used once, within 7 days; the server keeps only a \
      digest of it. Send it to the person by a channel you trust: whoever holds it can accept it.

      Example:
        maturity network invite anci-toscana --email ana@comune.example.it --role member \\
          --authority IT-048017 --public-url https://maturity.example.eu --db server.sqlite
      """
  )

  @Argument(help: "The network's id.")
  var networkID: String

  @Option(help: "The email address of the person invited.")
  var email: String

  @Option(help: "The person's role in the network.")
  var role: NetworkRole

  @Option(help: "The authority a member, contributor or viewer acts for.")
  var authority: String?

  @Option(help: "The dimensions a contributor may answer, separated by commas (default: all).")
  var dimensions: String?

  @Option(help: "The address people reach the server at.")
  var publicURL = "http://127.0.0.1:8080"

  @OptionGroup var questionnaires: QuestionnaireFolderOption
  @OptionGroup var database: DatabaseOptions
  @OptionGroup var language: LanguageOption

  var texts: TextCatalogue { language.texts }

  func validate() throws {
    guard let url = URLComponents(string: publicURL), ["http", "https"].contains(url.scheme ?? ""),
      url.host?.isEmpty == false, url.query == nil, url.fragment == nil
    else {
      throw ValidationError(
        "--public-url must be an http:// or https:// address, such as https://maturity.example.eu")
    }
  }

  func run() async throws {
    let chosen = dimensions?.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
    if let chosen {
      let known = Set(try questionnaires.shelf().all.flatMap { $0.dimensions.map(\.id) })
      if let unknown = chosen.first(where: { !known.contains($0) }) {
        throw ValidationError(
          "Unknown dimension '\(unknown)'. Known: \(known.sorted().joined(separator: ", ")).")
      }
    }
    let store = try await database.open()
    let token = SecretToken.generate()
    try await store.createInvitation(
      tokenDigest: SecretToken.digest(token), email: email,
      membership: Membership(networkID: networkID, role: role, authorityID: authority, dimensions: chosen))
    await store.close()
    let base = publicURL.hasSuffix("/") ? String(publicURL.dropLast()) : publicURL
    print("\(base)/invitations/\(token)")
  }
}

extension NetworkRole: ExpressibleByArgument {}
