import InterfaceText

/// A text in several languages, keyed by language code.
public struct LocalizedText: Codable, Sendable, Equatable, Hashable {
  /// Text by language code (`en`, `fr`, `es`).
  public var translations: [String: String]

  public init(_ translations: [String: String]) { self.translations = translations }

  /// The text in `language`, else English, else any language there is.
  public func text(_ language: Language) -> String {
    translations[language.code] ?? translations["en"] ?? translations.values.sorted().first ?? ""
  }

  public init(from decoder: any Decoder) throws {
    translations = try [String: String](from: decoder)
  }

  public func encode(to encoder: any Encoder) throws { try translations.encode(to: encoder) }
}
