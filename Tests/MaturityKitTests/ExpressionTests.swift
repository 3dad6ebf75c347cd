import Testing

@testable import MaturityKit

@Suite("Skip-logic expressions")
struct ExpressionTests {
  let answers: [String: AnswerValue] = [
    "size": .number(12), "plan": .option("draft"), "uses": .boolean(true), "tools": .options(["a", "b"]),
    "note": .text("x"), "gone": .notApplicable, "dunno": .unknown,
  ]

  func holds(_ source: String) throws -> Bool {
    try RelevanceExpression(source).evaluate(context: context) { answers[$0] }
  }

  let context = AuthorityContext(type: .municipality, population: 4200, country: "es")

  @Test(
    "conditions on the authority's context read its type, population and country",
    arguments: [
      ("authority.type == 'municipality'", true), ("authority.type != 'region'", true),
      ("authority.population < 5000", true), ("authority.population >= 5000", false),
      ("authority.country in ['FR', 'ES']", true), ("authority.country == 'es'", false),
      ("authority.type == 'region' or size > 10", true),
    ])
  func context(source: String, expected: Bool) throws {
    #expect(try holds(source) == expected)
  }

  @Test("a context field the authority leaves empty makes its test false")
  func emptyContext() throws {
    let expression = try RelevanceExpression("authority.population < 5000")
    #expect(!expression.evaluate(context: AuthorityContext()) { _ in nil })
    #expect(
      try RelevanceExpression("not authority.population < 5000").evaluate(context: AuthorityContext()) { _ in
        nil
      })
  }

  @Test("only a condition on an answer tests answers")
  func testsAnswers() throws {
    #expect(
      try !RelevanceExpression("authority.population < 5000 and authority.type == 'region'").testsAnswers)
    #expect(try RelevanceExpression("authority.population < 5000 and answered(size)").testsAnswers)
  }

  @Test(
    "conditions evaluate against answers",
    arguments: [
      ("size > 10", true), ("size <= 10", false), ("size == 12", true), ("size != 12", false),
      ("plan == 'draft'", true), ("plan != \"draft\"", false), ("plan in ['none', 'draft']", true),
      ("uses == 'yes'", true), ("uses == 'no'", false), ("selected(tools, 'b')", true),
      ("selected(tools, 'c')", false),
      ("answered(note)", true), ("answered(gone)", false), ("answered(missing)", false),
      ("gone == 'x'", false), ("not (dunno == 'x')", true), ("missing > 1", false),
      ("size > 1 and plan == 'none' or uses == 'yes'", true),
      ("size > 1 and (plan == 'none' or uses == 'no')", false),
      ("not not uses == 'yes'", true), ("size >= -5", true),
    ])
  func evaluation(source: String, expected: Bool) throws {
    #expect(try holds(source) == expected)
  }

  @Test(
    "errors carry the column",
    arguments: [
      ("", "expression.empty", 1), ("size >", "expression.expectedValue", 7),
      ("size 3", "expression.expectedComparison", 6),
      ("(size > 3", "expression.expectedSymbol", 10), ("size > 3 )", "expression.unexpected", 10),
      ("plan == 'x", "expression.unterminatedText", 9), ("size # 3", "expression.unexpectedCharacter", 6),
      ("and == 'x'", "expression.expectedQuestion", 1),
      ("selected(tools, b)", "expression.expectedOption", 17),
    ])
  func errors(source: String, code: String, column: Int) {
    #expect(throws: ExpressionError.self) { try RelevanceExpression(source) }
    do {
      _ = try RelevanceExpression(source)
    } catch {
      #expect(error.code == code)
      #expect(error.column == column)
    }
  }

  @Test("deep nesting is refused, not a stack overflow")
  func deepNesting() {
    let source = String(repeating: "(", count: 10_000) + "size > 1" + String(repeating: ")", count: 10_000)
    #expect(throws: ExpressionError.self) { try RelevanceExpression(source) }
    let nots = String(repeating: "not ", count: 10_000) + "size > 1"
    #expect(throws: ExpressionError.self) { try RelevanceExpression(nots) }
  }

  @Test("a chain of 'or' or 'and' terms is one node, so nothing recurses once per term")
  func flatChains() throws {
    let chain = try RelevanceExpression("size > 100 or plan == 'none' or uses == 'yes'")
    #expect(
      chain.condition
        == .or([
          .compare(question: "size", .greater, .number(100)),
          .compare(question: "plan", .equal, .text("none")),
          .compare(question: "uses", .equal, .text("yes")),
        ]))
    #expect(try !holds("size > 1 and plan == 'draft' and uses == 'no'"))
    #expect(try holds("size > 1 and plan == 'draft' and uses == 'yes'"))
    // Built in code (no parser limit), a condition of 100,000 terms is evaluated and checked.
    let terms = Array(repeating: RelevanceExpression.Condition.answered(question: "gone"), count: 100_000)
    #expect(!RelevanceExpression.Condition.or(terms).evaluate { answers[$0] })
    #expect(RelevanceExpression.Condition.or(terms + [.answered(question: "note")]).evaluate { answers[$0] })
    #expect(RelevanceExpression.Condition.and(terms).tests.count == 100_000)
  }

  @Test("a condition longer than 10,000 characters is refused")
  func tooLong() throws {
    let fits = Array(repeating: "size > 1", count: 833).joined(separator: " or ")
    #expect(fits.count <= RelevanceExpression.maximumLength)
    #expect(try holds(fits))
    let source = Array(repeating: "size > 1", count: 100_000).joined(separator: " or ")
    #expect(
      throws: ExpressionError(column: 10_001, code: "expression.tooLong", arguments: ["limit": "10000"])
    ) {
      try RelevanceExpression(source)
    }
  }
}
