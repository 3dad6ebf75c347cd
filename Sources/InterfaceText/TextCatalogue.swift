import Foundation
import Synchronization

/// The interface texts of one language, from `Catalogue/<language>.json` (built into the binary).
///
/// Every message a person reads (errors, warnings, headings, labels) comes from a catalogue,
/// never from a string literal in code. A key missing from a language falls back to English,
/// so a half-translated catalogue still gives a readable interface.
public struct TextCatalogue: Sendable {
  /// The language these texts are in.
  public let language: Language
  private let texts: [String: String]
  private let fallback: [String: String]

  /// Loads the catalogue of `language`, with English behind it for missing keys.
  public init(language: Language) {
    self.language = language
    let english = Self.load(.english)
    self.fallback = english
    self.texts = language == .english ? english : Self.load(language)
  }

  /// The catalogue of the language chosen by the environment (see ``Language/fromEnvironment()``).
  public static var environment: TextCatalogue { TextCatalogue(language: .fromEnvironment()) }

  /// The text for `key`, with each `{name}` replaced by `arguments[name]`.
  ///
  /// An unknown key yields the key itself, so a missing text is visible rather than silent.
  public func callAsFunction(_ key: String, _ arguments: [String: String] = [:]) -> String {
    let template = texts[key] ?? fallback[key] ?? key
    guard !arguments.isEmpty, template.contains("{") else { return template }
    var result = ""
    result.reserveCapacity(template.utf8.count)
    var rest = template[...]
    while let open = rest.firstIndex(of: "{") {
      result += rest[..<open]
      guard let close = rest[open...].firstIndex(of: "}") else { break }
      let name = String(rest[rest.index(after: open)..<close])
      if let value = arguments[name] {
        result += value
      } else {
        result += rest[open...close]
      }
      rest = rest[rest.index(after: close)...]
    }
    result += rest
    return result
  }

  /// Every key defined in this language's catalogue.
  public var keys: Set<String> { Set(texts.keys) }

  /// The texts read so far, by language: each catalogue is decoded once per process (a server
  /// builds a catalogue per request).
  private static let loaded = Mutex<[String: [String: String]]>([:])

  private static func load(_ language: Language) -> [String: String] {
    if let texts = loaded.withLock({ $0[language.code] }) { return texts }
    let texts = read(language)
    loaded.withLock { $0[language.code] = texts }
    return texts
  }

  private static func read(_ language: Language) -> [String: String] {
    guard
      let text = EmbeddedFiles.texts["Catalogue/\(language.code).json"],
      let texts = try? JSONDecoder().decode([String: String].self, from: Data(text.utf8))
    else { return [:] }
    return texts
  }
}
