import Foundation
import Testing

@testable import MaturityKit

@Suite("Questionnaire validation")
struct QuestionnaireValidationTests {
  /// A valid questionnaire; tests replace parts of it. Line numbers matter: keep it stable.
  static let base = """
    id: mini
    version: "1"
    languages: [en, fr]
    title: {en: Mini, fr: Mini}
    levels:
      - {id: low, name: {en: Low, fr: Bas}, min: 0}
      - {id: high, name: {en: High, fr: Haut}, min: 50}
    dimensions:
      - id: d1
        name: {en: One, fr: Un}
        questions:
          - id: q1
            type: single
            text: {en: Q1, fr: Q1}
            options:
              - {id: a, label: {en: A, fr: A}, credit: 1}
              - {id: b, label: {en: B, fr: B}, credit: 0}
          - id: q2
            type: number
            text: {en: Q2, fr: Q2}
            bands: [{min: 0, credit: 1}]
            actions:
              - {id: act1, title: {en: T, fr: T}, description: {en: D, fr: D}, effort: S, owner: {en: O, fr: O}, kind: skills}
    """

  func problems(_ yaml: String) -> [Problem] {
    do {
      _ = try QuestionnaireLoader.load(yaml: yaml, file: "q.yaml")
      return []
    } catch {
      return error.all
    }
  }

  func expectProblem(
    _ yaml: String, code: String, line: Int?, sourceLocation: SourceLocation = #_sourceLocation
  ) {
    let found = problems(yaml)
    #expect(
      found.contains { $0.code == code && $0.location.line == line },
      "expected \(code) at line \(line ?? -1), got \(found)",
      sourceLocation: sourceLocation)
  }

  @Test("the base questionnaire is valid")
  func valid() throws {
    let loaded = try QuestionnaireLoader.load(yaml: Self.base, file: "q.yaml")
    #expect(loaded.warnings.isEmpty)
    #expect(loaded.questionnaire.questions.map(\.id) == ["q1", "q2"])
    #expect(loaded.questionnaire.coverageFloor == 0.5)
    #expect(loaded.questionnaire.populationBands == [5000, 20000, 50000, 100000, 250000, 1_000_000])
  }

  @Test("a YAML syntax error names its line and column")
  func syntax() {
    let found = problems("id: x\nlevels: [a, b\ndimensions: []\n")
    #expect(found.count == 1)
    #expect(found[0].code == "yaml.syntax")
    #expect(found[0].location.line != nil)
  }

  @Test("an unknown key is reported with the nearest known one")
  func unknownKey() {
    let yaml = Self.base.replacingOccurrences(of: "        type: number", with: "        typ: number")
    let found = problems(yaml)
    #expect(
      found.contains {
        $0.code == "yaml.unknownKeySuggestion" && $0.arguments["suggestion"] == "type"
          && $0.location.line == 19
      })
    #expect(found.contains { $0.code == "yaml.missingKey" && $0.arguments["key"] == "type" })
  }

  @Test("duplicate ids: questions, options, actions")
  func duplicates() {
    expectProblem(
      Self.base.replacingOccurrences(of: "- id: q2", with: "- id: q1"), code: "questionnaire.duplicateID",
      line: 18)
    expectProblem(
      Self.base.replacingOccurrences(of: "{id: b,", with: "{id: a,"), code: "questionnaire.duplicateID",
      line: 17)
  }

  @Test("an unknown question type is reported with a suggestion")
  func unknownType() {
    let found = problems(Self.base.replacingOccurrences(of: "type: single", with: "type: singel"))
    #expect(
      found.contains {
        $0.code == "questionnaire.invalidChoiceSuggestion" && $0.arguments["suggestion"] == "single"
          && $0.location.line == 13
      })
  }

  @Test("credits outside 0 to 1")
  func creditRange() {
    expectProblem(
      Self.base.replacingOccurrences(
        of: "credit: 1}\n          - {id: b", with: "credit: 1.5}\n          - {id: b"),
      code: "questionnaire.creditRange", line: 16)
  }

  @Test("a missing translation names the language")
  func missingTranslation() {
    let found = problems(Self.base.replacingOccurrences(of: "text: {en: Q2, fr: Q2}", with: "text: {en: Q2}"))
    #expect(
      found.contains {
        $0.code == "questionnaire.missingTranslation" && $0.arguments["language"] == "fr"
          && $0.location.line == 20
      })
  }

  func withRelevant(_ expression: String) -> String {
    Self.base.replacingOccurrences(
      of: "        type: number\n", with: "        type: number\n        relevant: \"\(expression)\"\n")
  }

  @Test("skip logic that does not parse is reported with its column")
  func relevanceSyntax() {
    let found = problems(withRelevant("q1 == 'a' and"))
    #expect(found.count == 1)
    #expect(found[0].code == "expression.expectedTest")
    #expect(found[0].arguments["column"] == "14")
    #expect(found[0].location.line == 20)
    #expect(problems(withRelevant("q1 = 'a'")).first?.code == "expression.singleEquals")
  }

  @Test("skip logic on an unknown or later question, or an option that does not exist")
  func relevanceReferences() {
    expectProblem(withRelevant("budget == 'a'"), code: "relevance.unknownQuestion", line: 20)
    expectProblem(
      withRelevant("q  == 'a'").replacingOccurrences(of: "q  ==", with: "q11 =="),
      code: "relevance.unknownQuestionSuggestion", line: 20)
    expectProblem(withRelevant("q2 > 3"), code: "relevance.laterQuestion", line: 20)
    expectProblem(withRelevant("q1 == 'c'"), code: "relevance.unknownOption", line: 20)
    expectProblem(withRelevant("q1 in ['a', 'z']"), code: "relevance.unknownOption", line: 20)
    expectProblem(withRelevant("q1 > 3"), code: "relevance.wrongValueType", line: 20)
  }

  @Test("skip logic on the authority's context: known fields, values they can take")
  func relevanceContext() throws {
    #expect(
      problems(withRelevant("authority.population < 5000 and authority.type in ['municipality', 'other']"))
        .isEmpty)
    #expect(problems(withRelevant("authority.country == 'FR' or q1 == 'a'")).isEmpty)
    expectProblem(withRelevant("authority.size > 3"), code: "relevance.unknownContext", line: 20)
    expectProblem(withRelevant("authority.type == 'city'"), code: "relevance.contextValue", line: 20)
    expectProblem(withRelevant("authority.country == 'fr'"), code: "relevance.contextValue", line: 20)
    expectProblem(withRelevant("authority.population == 'big'"), code: "relevance.contextValue", line: 20)
    expectProblem(
      withRelevant("answered(authority.type)"), code: "relevance.contextNeedsComparison", line: 20)
    expectProblem(
      Self.base.replacingOccurrences(of: "id: q2\n", with: "id: authority.q2\n"), code: "questionnaire.badID",
      line: 18)
  }

  func withSkipped(_ expression: String?) -> String {
    let relevant = expression.map { "        relevant: \"\($0)\"\n" } ?? ""
    return Self.base.replacingOccurrences(
      of: "        type: number\n", with: "        type: number\n\(relevant)        skipped: exclude\n")
  }

  @Test("skipped: exclude only where the skip logic tests the authority's context, never an answer")
  func skippedPolicy() throws {
    let allowed = try QuestionnaireLoader.load(
      yaml: withSkipped("authority.type == 'region'"), file: "q.yaml")
    #expect(allowed.questionnaire.question("q2")?.skipped == .exclude)
    #expect(allowed.questionnaire.question("q1")?.skipped == .zero)  // the default
    expectProblem(withSkipped("q1 == 'a'"), code: "relevance.excludeOnAnswers", line: 21)
    expectProblem(
      withSkipped("authority.type == 'region' and q1 == 'a'"), code: "relevance.excludeOnAnswers", line: 21)
    expectProblem(withSkipped(nil), code: "relevance.excludeWithoutCondition", line: 20)
    expectProblem(
      Self.base.replacingOccurrences(
        of: "        type: number\n", with: "        type: number\n        skipped: never\n"),
      code: "questionnaire.invalidChoice", line: 20)
  }

  @Test("legal duties: instrument in every language, article, dates written YYYY-MM-DD in order")
  func legalDuties() throws {
    func withLegal(_ legal: String) -> String {
      Self.base.replacingOccurrences(
        of: "        type: number\n", with: "        type: number\n        legal: \(legal)\n")
    }
    let valid = try QuestionnaireLoader.load(
      yaml: withLegal(
        "{instrument: {en: AI Act, fr: Règlement IA}, article: Art. 4, appliesFrom: 2025-02-02}"),
      file: "q.yaml")
    let duty = try #require(valid.questionnaire.question("q2")?.legal)
    #expect(duty.article.translations["fr"] == "Art. 4")
    #expect(duty.appliesFrom == "2025-02-02")
    #expect(duty.to == nil)
    expectProblem(
      withLegal("{instrument: {en: AI Act, fr: IA}, article: Art. 4, appliesFrom: 2025-02-30x}"),
      code: "questionnaire.badDate", line: 20)
    expectProblem(
      withLegal(
        "{instrument: {en: AI Act, fr: IA}, article: Art. 4, appliesFrom: 2025-02-02, to: 2024-01-01}"),
      code: "questionnaire.legalDates", line: 20)
    expectProblem(
      withLegal("{instrument: {en: AI Act}, article: Art. 4, appliesFrom: 2025-02-02}"),
      code: "questionnaire.missingTranslation", line: 20)
    let onOption = Self.base.replacingOccurrences(
      of: "- {id: a, label: {en: A, fr: A}, credit: 1}",
      with:
        "- {id: a, label: {en: A, fr: A}, credit: 1, legal: {instrument: {en: X, fr: X}, article: '1', appliesFrom: 2020-01-01}}"
    )
    #expect(
      try QuestionnaireLoader.load(yaml: onOption, file: "q.yaml").questionnaire.question("q1")?.option("a")?
        .legal != nil)
  }

  @Test("unknown prerequisites and cycles")
  func prerequisites() {
    expectProblem(
      Self.base.replacingOccurrences(of: "kind: skills}", with: "kind: skills, prerequisites: [nope]}"),
      code: "questionnaire.unknownPrerequisite", line: 23)
    let cycle = Self.base.replacingOccurrences(
      of: "kind: skills}",
      with:
        "kind: skills, prerequisites: [act2]}\n          - {id: act2, title: {en: T, fr: T}, description: {en: D, fr: D}, effort: S, owner: {en: O, fr: O}, kind: skills, prerequisites: [act1]}"
    )
    let found = problems(cycle)
    #expect(found.filter { $0.code == "questionnaire.prerequisiteCycle" }.count == 1)
    let selfCycle = Self.base.replacingOccurrences(
      of: "kind: skills}", with: "kind: skills, prerequisites: [act1]}")
    #expect(problems(selfCycle).contains { $0.code == "questionnaire.prerequisiteCycle" })
  }

  @Test("level thresholds out of order; a gate on an unknown question")
  func levels() {
    expectProblem(
      Self.base.replacingOccurrences(of: "min: 50}", with: "min: 0}"), code: "questionnaire.levelOrder",
      line: 7)
    expectProblem(
      Self.base.replacingOccurrences(of: "min: 50}", with: "min: 50, gate: [{question: q7, minCredit: 1}]}"),
      code: "questionnaire.gateUnknownQuestion", line: 7)
  }

  @Test("every problem is reported, not only the first")
  func allProblems() {
    let yaml = Self.base
      .replacingOccurrences(of: "type: single", with: "type: singel")
      .replacingOccurrences(of: "credit: 0}", with: "credit: 2}")
      .replacingOccurrences(of: "effort: S", with: "effort: XL")
    let codes = Set(problems(yaml).map(\.code))
    #expect(codes == ["questionnaire.invalidChoiceSuggestion", "questionnaire.creditRange"])
    #expect(problems(yaml).count == 3)
  }

  @Test("shape rules: options, bands, text scoring, reserved ids")
  func shapes() {
    expectProblem(
      Self.base.replacingOccurrences(of: "bands: [{min: 0, credit: 1}]", with: "scored: true"),
      code: "questionnaire.needsBands", line: 18)
    expectProblem(
      Self.base.replacingOccurrences(of: "{id: b,", with: "{id: na,"), code: "questionnaire.reservedOption",
      line: 17)
    expectProblem(
      Self.base.replacingOccurrences(of: "type: number", with: "type: text"),
      code: "questionnaire.textScored", line: 18)
  }

  @Test(
    "hostile files are refused without a crash",
    arguments: [
      "", "   \n", "\u{0}\u{1}\u{2}binary\u{FF}", String(repeating: "[", count: 5000),
      String(repeating: "- ", count: 3000) + "x",
      "id: x\nversion: 1e999999\nlanguages: [en]\ntitle: {en: t}\nlevels: [{id: a, name: {en: A}, min: 1e400}]\ndimensions: []\n",
      "a: &x [1, 2]\nb: *x\n",
      "id: [1, [2, [3]]]\nversion: {a: b}\nlanguages: 5\ntitle: []\nlevels: x\ndimensions: {}\n",
    ])
  func hostile(yaml: String) {
    #expect(!problems(yaml).isEmpty)
  }

  @Test("binary garbage that is not UTF-8 is refused")
  func notUTF8() throws {
    let path = try Fixtures.temporaryFile("", name: "garbage.yaml")
    try Data([0xFF, 0xFE, 0x00, 0x9C, 0x80]).write(to: URL(fileURLWithPath: path))
    #expect(throws: Problems.self) { try QuestionnaireLoader.load(path: path) }
  }

  @Test("a skip-logic condition of 100,000 'or' terms is refused with its line, not a stack overflow")
  func longCondition() {
    let chain = Array(repeating: "q1 == 'a'", count: 100_000).joined(separator: " or ")
    let yaml = Self.base + "\n        relevant: \"\(chain)\"\n"
    let line = Self.base.split(separator: "\n").count + 1
    let found = problems(yaml)
    #expect(found.count == 1)
    #expect(found.first?.code == "expression.tooLong")
    #expect(found.first?.location.line == line)
  }
}
