import Accounts
import ArgumentParser
import Foundation
import InterfaceText
import MaturityStore

/// `maturity accounts add`: an account, typically the server's first administrator.
struct AccountsAddCommand: AsyncParsableCommand, LocalizedCommand {
  static let configuration = CommandConfiguration(
    commandName: "add",
    abstract: "Add an account to a network server; the first one is its administrator.",
    discussion: """
      The password is read from standard input (its first line), never from the command line, \
      and must have at least 12 characters and not be a common password. People of a network get \
      their accounts through invitations (maturity network invite).

      Example:
        printf '%s\\n' "$ADMIN_PASSWORD" | maturity accounts add admin@network.eu --role admin --password-stdin --db server.sqlite
      """
  )

  enum Role: String, ExpressibleByArgument, CaseIterable {
    /// A server administrator: creates networks, sees the whole audit log.
    case admin
  }

  @Argument(help: "The email address the person signs in with.")
  var email: String

  @Option(help: "admin: the server's administrator.")
  var role: Role?

  @Flag(help: "Read the password from standard input.")
  var passwordStdin = false

  @OptionGroup var database: DatabaseOptions
  @OptionGroup var language: LanguageOption

  var texts: TextCatalogue { language.texts }

  func validate() throws {
    if !passwordStdin { throw ValidationError("Give the password on standard input, with --password-stdin.") }
    if Email.normalized(email) == nil { throw ValidationError("'\(email)' is not an email address.") }
  }

  func run() async throws {
    let password = readLine(strippingNewline: true) ?? ""
    if let problem = PasswordPolicy.standard.problem(password, email: email) {
      throw NetworkError.weakPassword(problem)
    }
    let store = try await database.open()
    let hash = try await PasswordHasher.standard.hash(password)
    let account = try await store.addAccount(email: email, passwordHash: hash, isAdmin: role == .admin)
    await store.close()
    Diagnostics.warn(texts("accounts.added", ["email": account.email, "file": store.location]))
  }
}
