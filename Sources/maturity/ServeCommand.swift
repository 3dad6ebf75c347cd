import ArgumentParser
import Foundation
import Hummingbird
import InterfaceText
import Logging
import MaturityKit
import MaturityStore
import MaturityWeb
import NIOCore
import ServiceLifecycle

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


      """ + ServeSettings.environmentHelp
  )

  @OptionGroup var database: DatabaseOptions

  @Option(help: "The address to listen on (default: 127.0.0.1).")
  var host: String?

  @Option(help: "The port to listen on, 0 for any free port (default: 8080).")
  var port: Int?

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

  @Option(
    name: .customLong("trusted-proxy"),
    help: ArgumentHelp(
      """
      With --accounts: the address of a reverse proxy whose X-Forwarded-For names the visitor's \
      address (for sign-in limits and the audit log); repeat for several.
      """, valueName: "address"))
  var trustedProxies: [String] = []

  @Option(
    help: ArgumentHelp(
      "Serve Prometheus metrics at http://HOST:PORT/metrics (default: not served).", valueName: "host:port"))
  var metricsAddress: String?

  @Option(help: "How log lines are written: as text (default), or as json, one object per line.")
  var logFormat: LogFormat?

  @Option(
    help: """
      The least important log lines written (default: info with --accounts, a line per request; \
      warning without).
      """)
  var logLevel: Logger.Level?

  @OptionGroup var language: LanguageOption

  var texts: TextCatalogue { language.texts }

  /// The flags given, completed from the environment.
  func settings() throws -> ServeSettings {
    try ServeSettings(
      host: host, port: port, accounts: accounts, publicURL: publicURL, trustedProxies: trustedProxies,
      peerFiles: peerFiles,
      metricsAddress: metricsAddress, logFormat: logFormat, logLevel: logLevel)
  }

  func validate() throws {
    _ = try settings()
    if exportFolder != nil && importFolder != nil {
      throw ValidationError("Give --export-all or --import, not both.")
    }
  }

  func run() async throws {
    let settings = try settings()
    let log = ServerLog(format: settings.logFormat, level: settings.logLevel)
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
    for file in settings.peerFiles where !FileManager.default.isReadableFile(atPath: file) {
      throw ValidationError("Cannot read the peer file \(file).")
    }
    let app = ListenAddress(host: settings.host, port: settings.port)
    let network =
      settings.accounts
      ? NetworkSettings(
        publicURL: settings.publicURL ?? app.url(""), trustedProxies: Set(settings.trustedProxies)) : nil
    if settings.metrics != nil { ServerMetrics.enable() }
    let webApp = WebApp(
      store: store, questionnaires: shelf, peerFiles: settings.peerFiles, network: network)
    let texts = self.texts
    var services = [
      ListeningService(
        webApp.application(host: app.host, port: app.port) { port in
          log.announce(texts("serve.listening", ["url": app.url("/", port: port), "file": store.location]))
        }, address: app, flag: "--port")
    ]
    if let metrics = settings.metrics {
      let application = ServerMetrics.application(
        host: metrics.host, port: metrics.port, store: store, sessionIdleLimit: network?.sessionIdleLimit
      ) { port in
        log.announce(texts("serve.metricsListening", ["url": metrics.url("/metrics", port: port)]))
      }
      services.append(ListeningService(application, address: metrics, flag: "--metrics-address"))
    }
    let group = ServiceGroup(
      configuration: .init(
        services: services.map { .init(service: $0) }, gracefulShutdownSignals: [.sigterm, .sigint],
        logger: log.logger))
    do {
      try await group.run()
    } catch {
      await store.close()
      throw error
    }
    await store.close()
  }
}

extension ListenAddress {
  /// `http://host:port` and `path`, on `port` when given (the port a server got for port 0).
  func url(_ path: String, port: Int? = nil) -> String {
    let shown = host.contains(":") ? "[\(host)]" : host
    return "http://\(shown):\(port ?? self.port)\(path)"
  }
}

/// A server of `maturity serve`, whose failure to listen names its address and flag.
private struct ListeningService: Service {
  let application: any Service
  let address: ListenAddress
  let flag: String

  init(_ application: any Service, address: ListenAddress, flag: String) {
    self.application = application
    self.address = address
    self.flag = flag
  }

  func run() async throws {
    do {
      try await application.run()
    } catch let error as IOError where error.errnoCode == EADDRINUSE {
      throw ServeError.portInUse(host: address.host, port: address.port, flag: flag)
    }
  }
}

/// Why the web app could not start.
enum ServeError: UserFacingError {
  /// Another program already listens on the port of `flag`.
  case portInUse(host: String, port: Int, flag: String)

  var location: SourceLocation? { nil }

  func message(_ texts: TextCatalogue) -> String {
    switch self {
    case .portInUse(let host, let port, let flag):
      texts("serve.portInUse", ["host": host, "port": "\(port)", "flag": flag])
    }
  }
}
