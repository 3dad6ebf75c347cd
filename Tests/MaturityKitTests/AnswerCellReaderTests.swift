import Testing

@testable import MaturityKit

@Suite("Answer cells as people and spreadsheets write them")
struct AnswerCellReaderTests {
  let point = AnswerCellReader(decimalMark: .point)
  let comma = AnswerCellReader(decimalMark: .comma)

  @Test(
    "thousands separators: spaces, no-break and narrow no-break spaces, and the mark that is not the decimal one",
    arguments: [
      ("120 000", 120_000.0), ("120\u{A0}000", 120_000), ("1\u{202F}400", 1400), ("1'400", 1400),
      ("120.000", 120_000), ("1.400,5", 1400.5), ("1,400.5", 1400.5), ("1.000.000", 1_000_000), ("3,5", 3.5),
      ("-2 500,25", -2500.25), ("12", 12), ("1e3", 1000), (",5", 0.5), ("5,", 5), ("+7", 7),
    ])
  func numbersWithACommaDecimalMark(text: String, value: Double) {
    #expect(comma.number(text) == value)
  }

  @Test("the ambiguous case follows the decimal mark; a population always groups thousands")
  func ambiguousThousands() {
    #expect(point.number("1,400") == 1400)
    #expect(point.number("120.000") == 120)
    #expect(comma.number("1,400") == 1.4)
    #expect(comma.number("120.000") == 120_000)
    #expect(point.number("120.000", wholeNumber: true) == 120_000)
    #expect(point.number("0,500") == 0.5)
    #expect(point.number("3,5") == 3.5)
  }

  @Test(
    "irregular groups and words are not numbers",
    arguments: ["12 00", "1.2.3,4.5", "twelve", "", "1 2", "1,2,3.4,5", ".", "-", "1 000.5.5", "١٢"])
  func notNumbers(text: String) {
    #expect(comma.number(text) == nil)
  }

  @Test("percent signs, with or without a space")
  func percentages() {
    #expect(comma.percent("72,5%") == 72.5)
    #expect(comma.percent("72,5\u{A0}%") == 72.5)
    #expect(point.percent("40 %") == 40)
    #expect(point.percent("40") == 40)
  }

  @Test("dates day first in fr, es and de; month first in US English; the ambiguous case")
  func dates() {
    #expect(comma.date("15/10/2025") == .date("2025-10-15"))
    #expect(point.date("10/15/2025") == .date("2025-10-15"))
    #expect(point.date("15.10.25") == .date("2025-10-15"))
    #expect(point.date("15-10-2025") == .date("2025-10-15"))
    #expect(point.date("2025-10-15") == .date("2025-10-15"))
    #expect(comma.date("03/04/2025") == .date("2025-04-03"))
    #expect(point.date("03/04/2025") == .ambiguous(dayFirst: "2025-04-03", monthFirst: "2025-03-04"))
    #expect(point.date("04/04/2025") == .date("2025-04-04"))
    #expect(point.date("31/02/2025") == .invalid)
    #expect(point.date("15/10") == .invalid)
  }

  @Test("yes, no, don't know and not applicable in every interface language")
  func words() {
    #expect(point.word("oui") == .yes)
    #expect(point.word("VRAI") == .yes)
    #expect(point.word("Sí") == .yes)
    #expect(point.word("non") == .no)
    #expect(point.word("FALSO") == .no)
    #expect(point.word("no lo sé") == .unknown)
    #expect(point.word("no lo se") == .unknown)
    #expect(point.word("Don’t know") == .unknown)
    #expect(point.word("sans objet") == .notApplicable)
    #expect(point.word("N/A") == .notApplicable)
    #expect(point.word("maybe") == nil)
  }

  @Test("option ids and labels in any language, case and accents")
  func options() throws {
    let questionnaire = try Fixtures.testQuestionnaire()
    let strategy = try #require(questionnaire.question("strategy"))
    #expect(point.option("Draft", of: strategy) == "draft")
    #expect(point.option("projet", of: strategy) == "draft")
    #expect(point.option("ADOPTEE", of: strategy) == "adopted")
    #expect(point.option("aprobada", of: strategy) == "adopted")
    #expect(point.option("later", of: strategy) == nil)
  }

  @Test("a file's decimal mark: its unambiguous numbers, else its delimiter")
  func decimalMarkOfAFile() {
    #expect(AnswerCellReader.decimalMark(of: ["12", "72,5 %", "draft"], semicolonDelimited: false) == .comma)
    #expect(AnswerCellReader.decimalMark(of: ["3.25", "1,400"], semicolonDelimited: true) == .point)
    #expect(AnswerCellReader.decimalMark(of: ["120.000"], semicolonDelimited: true) == .comma)
    #expect(AnswerCellReader.decimalMark(of: ["120.000"], semicolonDelimited: false) == .point)
  }

  @Test("a response with answers in people's own words scores as the canonical one")
  func responseInOwnWords() throws {
    let canonical = try Fixtures.score(
      """
        strategy: draft
        paper-forms: "no"
        owner: unknown
        practices: [catalogue, quality]
        uses-ai: yes
        ai-share: 40
      """)
    let own = try Fixtures.score(
      """
        strategy: Projet
        paper-forms: non
        owner: no lo sé
        practices: [Catalogue, Contrôles qualité]
        uses-ai: VRAI
        ai-share: "40 %"
      """)
    #expect(own == canonical)
  }

  @Test("a spreadsheet's version turned into a number names the questionnaire's version")
  func versionTurnedIntoANumber() throws {
    let questionnaire = try Fixtures.testQuestionnaire()
    #expect(questionnaire.isVersion("1.0"))
    #expect(questionnaire.isVersion("1"))
    #expect(questionnaire.isVersion("1,0"))
    #expect(!questionnaire.isVersion("1.1"))
    let csv = try Fixtures.temporaryFile(
      "question_id;answer\n'@questionnaire;test-assessment\n'@version;1,0\n'@authority.id;T\nstrategy;draft\n",
      name: "r.csv")
    let response = try ResponseLoader.load(path: csv, questionnaire: questionnaire).response
    #expect(response.version == "1.0")
  }

  @Test("peer answers the fast path refuses go through the same reader")
  func peerAnswersFallBack() throws {
    let questionnaire = try Fixtures.testQuestionnaire()
    let plan = ScoringPlan(questionnaire)
    func code(_ text: String, _ question: String) throws -> ScoringPlan.Code? {
      let index = try #require(plan.index(of: question))
      var text = text
      return try? text.withUTF8 { try plan.encode($0, question: index).get() }
    }
    #expect(try code("Draft", "strategy") == code("draft", "strategy"))
    #expect(try code("oui", "uses-ai") == code("yes", "uses-ai"))
    #expect(try code("40 %", "ai-share") == code("40", "ai-share"))
    #expect(try code("later", "strategy") == nil)
  }

  @Test("a population in any of the ways people write it, and nothing else")
  func wholeNumbers() {
    #expect(point.wholeNumber("120 000") == 120_000)
    #expect(point.wholeNumber("12.000") == 12_000)
    #expect(comma.wholeNumber("12,000") == 12_000)
    #expect(point.wholeNumber("12,5") == nil)
    #expect(point.wholeNumber("-4") == nil)
  }

  @Test("no cell makes the reader fail: 5,000 random cells of digits, marks, spaces, signs and letters")
  func anyCell() {
    let alphabet = Array("0123456789.,'’ \u{A0}\u{202F}-+%eE/xé٣")
    var generator = SystemRandomNumberGenerator()
    for _ in 0..<5000 {
      let length = Int.random(in: 0...12, using: &generator)
      let cell = String((0..<length).map { _ in alphabet.randomElement(using: &generator)! })
      for reader in [point, comma] {
        if let value = reader.number(cell) { #expect(value.isFinite, "\(cell)") }
        _ = reader.percent(cell)
        _ = reader.wholeNumber(cell)
        _ = reader.date(cell)
        _ = reader.word(cell)
      }
    }
  }
}
