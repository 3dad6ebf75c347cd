import Foundation

/// An interface language, named by its ISO 639-1 code (`en`, `fr`, `es`).
///
/// A language is available when its catalogue file exists; adding a language is adding a file
/// (`Catalogue/<code>.json`, built into the binary).
public struct Language: Hashable, Sendable, Codable, CustomStringConvertible {
  /// The ISO 639-1 code, lower case.
  public let code: String

  /// English, the language every other one falls back to.
  public static let english = Language(validCode: "en")

  private init(validCode: String) { self.code = validCode }

  /// The language with this code (`fr`, `FR`, `fr_FR.UTF-8`), or nil when no catalogue exists for it.
  public init?(_ code: String) {
    let prefix = code.prefix { $0.isLetter }.lowercased()
    guard Self.available.contains(where: { $0.code == prefix }) else { return nil }
    self.code = prefix
  }

  /// The languages that have a catalogue, English first.
  public static let available: [Language] = {
    let codes = EmbeddedFiles.texts.keys.filter { $0.hasPrefix("Catalogue/") && $0.hasSuffix(".json") }
      .map { String($0.dropFirst("Catalogue/".count).dropLast(".json".count)) }.sorted()
    return [english] + codes.filter { $0 != english.code }.map(Language.init(validCode:))
  }()

  /// The language asked for by `MATURITY_LANG`, else `LC_ALL`, `LC_MESSAGES` or `LANG`; English otherwise.
  public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment)
    -> Language
  {
    for name in ["MATURITY_LANG", "LC_ALL", "LC_MESSAGES", "LANG"] {
      if let value = environment[name], !value.isEmpty {
        return Language(value) ?? .english
      }
    }
    return .english
  }

  public var description: String { code }
}
