import ArgumentParser
import InterfaceText

/// `--lang`: the language of messages and output.
struct LanguageOption: ParsableArguments {
  @Option(name: .customLong("lang"), help: "Language of messages and output: en, fr or es.")
  var code: String?

  func validate() throws {
    if let code, Language(code) == nil {
      let known = Language.available.map(\.code).joined(separator: ", ")
      throw ValidationError("Unknown language '\(code)'. Available: \(known).")
    }
  }

  /// The language asked for, else the environment's.
  var language: Language { code.flatMap(Language.init) ?? .fromEnvironment() }

  /// The interface texts of that language.
  var texts: TextCatalogue { TextCatalogue(language: language) }
}
