import ArgumentParser
import Foundation
import Hummingbird
import InterfaceText
import MaturityKit
import MaturityStore
import MaturityWeb
import NIOCore

/// `maturity serve`: the local web app, or with `--accounts` the network server.
struct ServeCommand: AsyncParsableCommand, LocalizedCommand {
  static let configuration = CommandConfiguration(
    commandName: "serve",
    abstract: "Run the web app: fill in, see the report, compare and plan in a browser.",
    discussion: """
      Answers are kept in a SQLite database (default: $XDG_DATA_HOME/digital-maturity/assessments.sqlite, \
      else ~/.local/share/digital-maturity/assessments.sqlite), or in PostgreSQL with \
      --db postgres://…, saved as each page is submitted. Ctrl-C stops it after the request in \
      progress.

      Without --accounts it is the local app of one person, on 127.0.0.1 only. With --accounts \
      it is a network's server: people sign in, each sees what its role allows (see \
      docs/network-server.md); it may then listen on other addresses, behind a TLS proxy.

      Example:
        maturity serve
        maturity serve --port 9000 --peers Examples/peers/synthetic-peers-scores.csv
        maturity serve --accounts --db postgres://maturity@127.0.0.1:5432/maturity --public-url https://maturity.example.eu
        maturity serve --export-all backup/   # every assessment as a response file
        maturity serve --import backup/         # and back in
      """
  )

  @OptionGroup var database: DatabaseOptions

  @Option(help: "The address to listen on.")
  var host = "127.0.0.1"

  @Option(help: "The port to listen on (0: any free port).")
  var port = 8080

  @OptionGroup var questionnaires: QuestionnaireFolderOption

  @Option(
    name: .customLong("peers"), help: "A peer benchmark CSV offered for comparison; repeat for several.")
  var peerFiles: [String] = []

  @Option(
    name: .customLong("export-all"),
    help: "Write every assessment as a response file into this folder, then stop.")
  var exportFolder: String?

  @Option(
    name: .customLong("import"), help: "Add every response file in this folder to the database, then stop.")
  var importFolder: String?

  @Flag(
    help: "Run the network server: accounts, roles and invitations (maturity accounts, maturity network).")
  var accounts = false

  @Option(help: "With --accounts: the address people reach the server at (https makes cookies Secure).")
  var publicURL: String?

  @OptionGroup var language: LanguageOption

  var texts: TextCatalogue { language.texts }

  func validate() throws {
    if !accounts && !["127.0.0.1", "localhost", "::1"].contains(host) {
      throw ValidationError(
        "The local app has no accounts: it listens on 127.0.0.1 only. Give --accounts to serve a network on \(host)."
      )
    }
    if publicURL != nil && !accounts { throw ValidationError("--public-url goes with --accounts.") }
    if accounts && port == 0 && publicURL == nil {
      throw ValidationError(
        "With --port 0, give --public-url: invitation links must name the port people reach.")
    }
    if let publicURL {
      guard let url = URLComponents(string: publicURL), ["http", "https"].contains(url.scheme ?? ""),
        url.host?.isEmpty == false, url.query == nil
      else { throw ValidationError("--public-url must be an http:// or https:// address.") }
    }
    if !(0...65535).contains(port) { throw ValidationError("--port must be between 0 and 65535.") }
    if exportFolder != nil && importFolder != nil {
      throw ValidationError("Give --export-all or --import, not both.")
    }
  }

  func run() async throws {
    let store = try await database.open()
    let shelf = try questionnaires.shelf()
    if let exportFolder {
      let files = try await StoreTransfer.export(store, to: exportFolder, questionnaires: shelf.lookup)
      Diagnostics.warn(texts("serve.exported", ["count": "\(files.count)", "folder": exportFolder]))
      return
    }
    if let importFolder {
      let records = try await StoreTransfer.importFolder(
        importFolder, into: store, questionnaires: shelf.lookup)
      Diagnostics.warn(texts("serve.imported", ["count": "\(records.count)", "file": store.location]))
      return
    }
    for file in peerFiles where !FileManager.default.isReadableFile(atPath: file) {
      throw ValidationError("Cannot read the peer file \(file).")
    }
    let shown = host.contains(":") ? "[\(host)]" : host
    let network = accounts ? NetworkSettings(publicURL: publicURL ?? "http://\(shown):\(port)") : nil
    let app = WebApp(store: store, questionnaires: shelf, peerFiles: peerFiles, network: network)
    let texts = self.texts
    let host = self.host
    let application = app.application(host: host, port: port) { port in
      let shown = host.contains(":") ? "[\(host)]" : host
      Diagnostics.warn(texts("serve.listening", ["url": "http://\(shown):\(port)/", "file": store.location]))
    }
    do {
      try await application.runService(gracefulShutdownSignals: [.sigterm, .sigint])
    } catch let error as IOError where error.errnoCode == EADDRINUSE {
      throw ServeError.portInUse(host: host, port: port)
    }
    await store.close()
  }
}

/// Why the web app could not start.
enum ServeError: UserFacingError {
  /// Another program already listens on the port.
  case portInUse(host: String, port: Int)

  var location: SourceLocation? { nil }

  func message(_ texts: TextCatalogue) -> String {
    switch self {
    case .portInUse(let host, let port): texts("serve.portInUse", ["host": host, "port": "\(port)"])
    }
  }
}
