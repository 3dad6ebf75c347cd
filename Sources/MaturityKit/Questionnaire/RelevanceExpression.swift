/// Skip logic: a condition over earlier answers and the authority's context that decides
/// whether a question is asked.
///
/// The grammar, with `and` binding tighter than `or`:
///
///     expression := term ('or' term)*
///     term       := factor ('and' factor)*
///     factor     := 'not' factor | '(' expression ')' | test
///     test       := QUESTION ('==' | '!=' | '<' | '<=' | '>' | '>=') LITERAL
///                 | QUESTION 'in' '[' LITERAL (',' LITERAL)* ']'
///                 | 'selected' '(' QUESTION ',' STRING ')'
///                 | 'answered' '(' QUESTION ')'
///     LITERAL    := NUMBER | 'text' | "text"
///
/// QUESTION is an earlier question's id, or a field of ``AuthorityContext`` (`authority.type`,
/// `authority.population`, `authority.country`). A test on a question that has no usable answer
/// (missing, `na`, `unknown`, not relevant), or on a context field the response leaves empty, is
/// false, so `not` of it is true.
///
/// The file decides how large a condition is, so nothing here recurses once per term: a chain of
/// `or` (or `and`) is one node holding its terms, every recursion is bounded by the nesting depth
/// (at most ``maximumDepth``), and a condition longer than ``maximumLength`` is refused.
public struct RelevanceExpression: Codable, Sendable, Equatable, CustomStringConvertible {
  /// The expression as written.
  public let source: String
  /// The parsed form.
  public let condition: Condition

  /// The longest expression read, in characters: a condition is a handful of tests.
  public static let maximumLength = 10_000
  /// The deepest nesting of parentheses and `not` read.
  public static let maximumDepth = 50

  public indirect enum Condition: Sendable, Equatable {
    /// Every term holds: `a and b and c` is one node of three terms.
    case and([Condition])
    /// Some term holds: `a or b or c` is one node of three terms.
    case or([Condition])
    case not(Condition)
    case compare(question: String, ComparisonOperator, Literal)
    case oneOf(question: String, [Literal])
    case selected(question: String, option: String)
    case answered(question: String)
  }

  public enum ComparisonOperator: String, Sendable, Equatable, CaseIterable {
    case equal = "==", notEqual = "!=", less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="

    /// Whether `number` compares so with `bound`.
    public func holds(_ number: Double, _ bound: Double) -> Bool {
      switch self {
      case .equal: number == bound
      case .notEqual: number != bound
      case .less: number < bound
      case .lessOrEqual: number <= bound
      case .greater: number > bound
      case .greaterOrEqual: number >= bound
      }
    }
  }

  public enum Literal: Sendable, Equatable, CustomStringConvertible {
    case number(Double)
    case text(String)

    public var description: String {
      switch self {
      case .number(let value): value.formatted
      case .text(let text): "'\(text)'"
      }
    }
  }

  /// Parses `source`; throws ``ExpressionError`` with the 1-based column of the problem.
  public init(_ source: String) throws(ExpressionError) {
    guard source.count <= Self.maximumLength else {
      throw ExpressionError(
        column: Self.maximumLength + 1, code: "expression.tooLong",
        arguments: ["limit": "\(Self.maximumLength)"])
    }
    self.source = source
    var parser = ExpressionParser(source)
    self.condition = try parser.parse()
  }

  public init(from decoder: any Decoder) throws {
    let source = try String(from: decoder)
    try self.init(source)
  }

  public func encode(to encoder: any Encoder) throws { try source.encode(to: encoder) }

  public var description: String { source }

  /// Whether the condition holds for an authority with this context and these answers (nil: no
  /// usable answer).
  public func evaluate(context: AuthorityContext, _ answer: (String) -> AnswerValue?) -> Bool {
    condition.evaluate { name in
      AuthorityContext.Field(rawValue: name).map { context.value($0) } ?? answer(name)
    }
  }

  /// Whether any test is on an answer rather than on the authority's context: such a condition
  /// may not exclude a skipped question from the maximum (that would reward answering "no").
  public var testsAnswers: Bool {
    condition.tests.contains { test in
      test.subject.map { AuthorityContext.Field(rawValue: $0) == nil } ?? false
    }
  }
}

extension RelevanceExpression.Condition {
  func evaluate(_ answer: (String) -> AnswerValue?) -> Bool {
    switch self {
    case .and(let terms): return terms.allSatisfy { $0.evaluate(answer) }
    case .or(let terms): return terms.contains { $0.evaluate(answer) }
    case .not(let inner): return !inner.evaluate(answer)
    case .answered(let question):
      guard let value = answer(question) else { return false }
      return value != .notApplicable && value != .unknown
    case .selected(let question, let option):
      switch answer(question) {
      case .options(let ids): return ids.contains(option)
      case .option(let id): return id == option
      default: return false
      }
    case .oneOf(let question, let literals):
      return literals.contains { Self.compare(answer(question), .equal, $0) }
    case .compare(let question, let comparison, let literal):
      return Self.compare(answer(question), comparison, literal)
    }
  }

  private static func compare(
    _ value: AnswerValue?, _ comparison: RelevanceExpression.ComparisonOperator,
    _ literal: RelevanceExpression.Literal
  ) -> Bool {
    switch (value, literal) {
    case (.number(let number), .number(let bound)):
      return comparison.holds(number, bound)
    case (.option(let text), .text(let expected)), (.text(let text), .text(let expected)):
      return comparison == .equal ? text == expected : comparison == .notEqual ? text != expected : false
    case (.boolean(let flag), .text(let expected)):
      let text = flag ? "yes" : "no"
      return comparison == .equal ? text == expected : comparison == .notEqual ? text != expected : false
    default:
      return false
    }
  }

  /// The question or context field a test is about; nil for `and`, `or`, `not`.
  var subject: String? {
    switch self {
    case .compare(let question, _, _), .oneOf(let question, _), .selected(let question, _),
      .answered(let question):
      question
    case .and, .or, .not: nil
    }
  }

  /// Every test in the condition, for validation against the questionnaire.
  var tests: [RelevanceExpression.Condition] {
    switch self {
    case .and(let terms), .or(let terms): terms.flatMap(\.tests)
    case .not(let inner): inner.tests
    default: [self]
    }
  }
}

/// A relevance expression that does not parse, with the column where it fails.
public struct ExpressionError: Error, Sendable, Equatable {
  /// 1-based column in the expression.
  public let column: Int
  /// Catalogue key of the message.
  public let code: String
  public let arguments: [String: String]
}

/// A recursive-descent parser over the expression's characters.
struct ExpressionParser {
  private enum Token: Equatable {
    case word(String), number(Double), text(String), symbol(String), end
  }

  private let characters: [Character]
  private var position = 0
  private var token: Token = .end
  private var tokenColumn = 1
  private var depth = 0

  init(_ source: String) { characters = Array(source) }

  mutating func parse() throws(ExpressionError) -> RelevanceExpression.Condition {
    try advance()
    if token == .end { throw failure("expression.empty") }
    let condition = try parseOr()
    guard token == .end else { throw failure("expression.unexpected", ["token": describe(token)]) }
    return condition
  }

  /// `term ('or' term)*` as one `.or` node of its terms, or the term alone.
  private mutating func parseOr() throws(ExpressionError) -> RelevanceExpression.Condition {
    var terms = [try parseAnd()]
    while token == .word("or") {
      try advance()
      terms.append(try parseAnd())
    }
    guard terms.count > 1 else { return terms[0] }
    return .or(terms)
  }

  /// `factor ('and' factor)*` as one `.and` node of its factors, or the factor alone.
  private mutating func parseAnd() throws(ExpressionError) -> RelevanceExpression.Condition {
    var factors = [try parseFactor()]
    while token == .word("and") {
      try advance()
      factors.append(try parseFactor())
    }
    guard factors.count > 1 else { return factors[0] }
    return .and(factors)
  }

  private mutating func parseFactor() throws(ExpressionError) -> RelevanceExpression.Condition {
    depth += 1
    defer { depth -= 1 }
    guard depth <= RelevanceExpression.maximumDepth else { throw failure("expression.tooDeep") }
    switch token {
    case .word("not"):
      try advance()
      return .not(try parseFactor())
    case .symbol("("):
      try advance()
      let inner = try parseOr()
      try expect(")")
      return inner
    case .word("selected"):
      try advance()
      try expect("(")
      let question = try questionName()
      try expect(",")
      guard case .text(let option) = token else { throw failure("expression.expectedOption") }
      try advance()
      try expect(")")
      return .selected(question: question, option: option)
    case .word("answered"):
      try advance()
      try expect("(")
      let question = try questionName()
      try expect(")")
      return .answered(question: question)
    case .word:
      let question = try questionName()
      if token == .word("in") {
        try advance()
        try expect("[")
        var literals = [try literal()]
        while token == .symbol(",") {
          try advance()
          literals.append(try literal())
        }
        try expect("]")
        return .oneOf(question: question, literals)
      }
      guard case .symbol(let symbol) = token,
        let comparison = RelevanceExpression.ComparisonOperator(rawValue: symbol)
      else { throw failure("expression.expectedComparison", ["token": describe(token)]) }
      try advance()
      return .compare(question: question, comparison, try literal())
    default:
      throw failure("expression.expectedTest", ["token": describe(token)])
    }
  }

  private mutating func questionName() throws(ExpressionError) -> String {
    guard case .word(let name) = token, !["and", "or", "not", "in"].contains(name) else {
      throw failure("expression.expectedQuestion", ["token": describe(token)])
    }
    try advance()
    return name
  }

  private mutating func literal() throws(ExpressionError) -> RelevanceExpression.Literal {
    switch token {
    case .number(let value):
      try advance()
      return .number(value)
    case .text(let text):
      try advance()
      return .text(text)
    default:
      throw failure("expression.expectedValue", ["token": describe(token)])
    }
  }

  private mutating func expect(_ symbol: String) throws(ExpressionError) {
    guard token == .symbol(symbol) else {
      throw failure("expression.expectedSymbol", ["symbol": symbol, "token": describe(token)])
    }
    try advance()
  }

  private func failure(_ code: String, _ arguments: [String: String] = [:]) -> ExpressionError {
    ExpressionError(column: tokenColumn, code: code, arguments: arguments)
  }

  private func describe(_ token: Token) -> String {
    switch token {
    case .word(let word): "'\(word)'"
    case .number(let number): number.formatted
    case .text(let text): "'\(text)'"
    case .symbol(let symbol): "'\(symbol)'"
    case .end: "the end"
    }
  }

  private mutating func advance() throws(ExpressionError) {
    while position < characters.count, characters[position].isWhitespace { position += 1 }
    tokenColumn = position + 1
    guard position < characters.count else {
      token = .end
      return
    }
    let character = characters[position]
    if character.isLetter || character == "_" {
      let start = position
      while position < characters.count,
        characters[position].isLetter || characters[position].isNumber || "_-.".contains(characters[position])
      {
        position += 1
      }
      token = .word(String(characters[start..<position]))
    } else if character.isNumber
      || (character == "-" && position + 1 < characters.count && characters[position + 1].isNumber)
    {
      let start = position
      position += 1
      while position < characters.count, characters[position].isNumber || characters[position] == "." {
        position += 1
      }
      guard let value = Double(String(characters[start..<position])), value.isFinite else {
        throw failure("expression.badNumber")
      }
      token = .number(value)
    } else if character == "'" || character == "\"" {
      let start = position + 1
      position += 1
      while position < characters.count, characters[position] != character { position += 1 }
      guard position < characters.count else { throw failure("expression.unterminatedText") }
      token = .text(String(characters[start..<position]))
      position += 1
    } else {
      let two = position + 1 < characters.count ? String(characters[position...position + 1]) : ""
      if ["==", "!=", "<=", ">="].contains(two) {
        token = .symbol(two)
        position += 2
      } else if "<>()[],".contains(character) {
        token = .symbol(String(character))
        position += 1
      } else if character == "=" {
        throw failure("expression.singleEquals")
      } else {
        throw failure("expression.unexpectedCharacter", ["character": String(character)])
      }
    }
  }
}

extension Double {
  /// The number without a trailing `.0` when whole: `12`, `3.5`.
  var formatted: String {
    if self == rounded(), abs(self) < 1e15 { return String(Int(self)) }
    return String(self)
  }
}
