import ArgumentParser
import Foundation
import Logging

/// How `maturity serve` runs: each setting from its flag, else its `MATURITY_*` environment
/// variable, else its default, checked together.
struct ServeSettings: Equatable {
  var host = "127.0.0.1"
  var port = 8080
  var accounts = false
  var publicURL: String?
  var peerFiles: [String] = []
  /// Reverse proxies trusted to name the visitor's address in `X-Forwarded-For`.
  var trustedProxies: [String] = []
  /// Where `/metrics` is served; nil: nowhere.
  var metrics: ListenAddress?
  var logFormat = LogFormat.text
  /// Requests are logged at `info`: the default with accounts, `warning` for the local app.
  var logLevel = Logger.Level.warning

  /// The environment variables, with the flag each stands for, in the order of the help.
  static let environmentVariables: [(name: String, flag: String)] = [
    ("MATURITY_DB", "--db"), ("MATURITY_DB_PASSWORD_FILE", "--db-password-file"),
    ("MATURITY_HOST", "--host"), ("MATURITY_PORT", "--port"), ("MATURITY_ACCOUNTS", "--accounts"),
    ("MATURITY_PUBLIC_URL", "--public-url"), ("MATURITY_TRUSTED_PROXIES", "--trusted-proxy"),
    ("MATURITY_PEERS", "--peers"),
    ("MATURITY_METRICS_ADDRESS", "--metrics-address"), ("MATURITY_LOG_FORMAT", "--log-format"),
    ("MATURITY_LOG_LEVEL", "--log-level"), ("MATURITY_QUESTIONNAIRES", "--questionnaires"),
    ("MATURITY_LANG", "--lang"),
  ]

  /// The environment variables, as the help lists them.
  static var environmentHelp: String {
    let width = environmentVariables.map(\.name.count).max() ?? 0
    return "Each option can be set in the environment instead (a flag given wins; a systemd unit's "
      + "EnvironmentFile sets them):\n"
      + environmentVariables.map { name, flag in
        "  " + name + String(repeating: " ", count: width - name.count + 2) + flag
      }.joined(separator: "\n")
  }
}

/// An address to listen on.
struct ListenAddress: Equatable {
  var host: String
  var port: Int
}

/// `--log-format`: lines for people, or one JSON object per line for log collectors.
enum LogFormat: String, CaseIterable, ExpressibleByArgument {
  case text, json
}

extension Logger.Level: @retroactive ExpressibleByArgument {}

extension ServeSettings {
  /// The settings of the flags given (nil or empty: not given), completed from `environment`.
  init(
    host: String?, port: Int?, accounts: Bool, publicURL: String?, trustedProxies: [String],
    peerFiles: [String],
    metricsAddress: String?, logFormat: LogFormat?, logLevel: Logger.Level?,
    environment: [String: String] = ProcessInfo.processInfo.environment
  ) throws {
    let variables = EnvironmentVariables(environment)
    self.host = host ?? variables["MATURITY_HOST"] ?? self.host
    self.port = try port ?? variables.value("MATURITY_PORT", as: Int.self) ?? self.port
    self.accounts = try accounts || variables.flag("MATURITY_ACCOUNTS") ?? false
    self.publicURL = publicURL ?? variables["MATURITY_PUBLIC_URL"]
    self.trustedProxies =
      trustedProxies.isEmpty
      ? variables["MATURITY_TRUSTED_PROXIES"]?.split(separator: ",").map {
        $0.trimmingCharacters(in: .whitespaces)
      } ?? [] : trustedProxies
    self.peerFiles =
      peerFiles.isEmpty
      ? variables["MATURITY_PEERS"]?.split(separator: ":").map(String.init) ?? [] : peerFiles
    if let address = metricsAddress ?? variables["MATURITY_METRICS_ADDRESS"] {
      guard let parsed = Self.address(address) else {
        throw ValidationError(
          "--metrics-address must be HOST:PORT, such as 127.0.0.1:9464 (given: \(address)).")
      }
      metrics = parsed
    }
    self.logFormat = try logFormat ?? variables.value("MATURITY_LOG_FORMAT", as: LogFormat.self) ?? .text
    self.logLevel =
      try logLevel ?? variables.value("MATURITY_LOG_LEVEL", as: Logger.Level.self)
      ?? (self.accounts ? .info : .warning)
    try check()
  }

  private func check() throws {
    if !accounts && !["127.0.0.1", "localhost", "::1"].contains(host) {
      throw ValidationError(
        "The local app has no accounts: it listens on 127.0.0.1 only. Give --accounts to serve a network on \(host)."
      )
    }
    if publicURL != nil && !accounts { throw ValidationError("--public-url goes with --accounts.") }
    if !trustedProxies.isEmpty && !accounts { throw ValidationError("--trusted-proxy goes with --accounts.") }
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
  }

  /// `HOST:PORT`, with an IPv6 host in brackets (`[::1]:9464`).
  static func address(_ text: String) -> ListenAddress? {
    guard let colon = text.lastIndex(of: ":"), let port = Int(text[text.index(after: colon)...]),
      (0...65535).contains(port)
    else { return nil }
    var host = String(text[..<colon])
    if host.hasPrefix("[") && host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
    guard !host.isEmpty, !host.contains("/") else { return nil }
    return ListenAddress(host: host, port: port)
  }
}

/// `MATURITY_*` environment variables; an empty one counts as unset.
struct EnvironmentVariables {
  private let environment: [String: String]

  init(_ environment: [String: String] = ProcessInfo.processInfo.environment) {
    self.environment = environment
  }

  subscript(name: String) -> String? {
    guard let value = environment[name], !value.isEmpty else { return nil }
    return value
  }

  /// A yes-or-no variable: `1`, `true`, `yes` or `0`, `false`, `no`.
  func flag(_ name: String) throws -> Bool? {
    guard let text = self[name] else { return nil }
    switch text.lowercased() {
    case "1", "true", "yes": return true
    case "0", "false", "no": return false
    default:
      throw ValidationError(
        "The environment variable \(name) must be 1 or 0, true or false, yes or no, not '\(text)'.")
    }
  }

  /// The variable read as an option's value would be; a value that does not read so is an error
  /// naming the variable.
  func value<Value: ExpressibleByArgument>(_ name: String, as type: Value.Type) throws -> Value? {
    guard let text = self[name] else { return nil }
    guard let value = Value(argument: text) else {
      let allowed =
        Value.allValueStrings.isEmpty ? "" : " (one of \(Value.allValueStrings.joined(separator: ", ")))"
      throw ValidationError(
        "The environment variable \(name) has a value that does not fit: '\(text)'\(allowed).")
    }
    return value
  }
}
