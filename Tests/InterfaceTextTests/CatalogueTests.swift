import Testing

@testable import InterfaceText

@Suite("Interface texts")
struct CatalogueTests {
  @Test("English, French and Spanish catalogues exist and define the same keys")
  func completeCatalogues() {
    #expect(Language.available.map(\.code) == ["en", "es", "fr"])
    let english = TextCatalogue(language: .english).keys
    #expect(!english.isEmpty)
    for language in Language.available {
      let difference = TextCatalogue(language: language).keys.symmetricDifference(english).sorted()
      #expect(difference.isEmpty, "\(language) differs from English in \(difference)")
    }
  }

  @Test("placeholders are filled, unknown ones left visible")
  func placeholders() {
    let french = TextCatalogue(language: Language("fr")!)
    #expect(french("csv.error.missingColumn", ["column": "year"]) == "l'en-tête n'a pas de colonne « year »")
    #expect(french("csv.error.missingColumn") == "l'en-tête n'a pas de colonne « {column} »")
    #expect(french("no.such.key") == "no.such.key")
  }

  @Test("the language comes from --lang, MATURITY_LANG or LANG, English otherwise")
  func languageFromEnvironment() {
    #expect(Language.fromEnvironment(["LANG": "fr_FR.UTF-8"]).code == "fr")
    #expect(Language.fromEnvironment(["MATURITY_LANG": "es", "LANG": "fr_FR.UTF-8"]).code == "es")
    #expect(Language.fromEnvironment(["LANG": "de_DE.UTF-8"]).code == "en")
    #expect(Language.fromEnvironment([:]).code == "en")
    #expect(Language("xx") == nil)
  }
}
