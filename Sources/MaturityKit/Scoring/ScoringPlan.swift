import CSV
import Foundation

/// The questionnaire compiled for scoring many authorities fast: questions by index, options by
/// index, skip logic over indices, and answers held as compact codes instead of values.
///
/// It computes exactly what ``Scorer`` computes (a test compares the two on thousands of
/// responses); ``Scorer`` stays the reference, this is the fast path for peer sets.
public struct ScoringPlan: Sendable {
  /// An answer as a compact code: the kind, and for values an option index, yes/no, a bit set of
  /// options, or a number.
  public struct Code: Sendable, Equatable {
    public enum Kind: UInt8, Sendable { case missing, value, notApplicable, unknown }
    public var kind: Kind
    public var unsure: Bool
    /// Option index (scale, single), 1/0 (yes/no), option bit set (multi) or the number's bits.
    public var bits: UInt64

    public static let missing = Code(kind: .missing, unsure: false, bits: 0)
  }

  struct CompiledQuestion: Sendable {
    var id: String
    var type: QuestionType
    var dimension: Int
    var weight: Double
    var scored: Bool
    var optionIDs: [[UInt8]]
    var optionCredits: [Double]
    var yesCredit: Double
    var noCredit: Double
    var bands: [CreditBand]
    var notApplicable: NotApplicablePolicy?
    var allowUnknown: Bool
    var relevant: CompiledCondition?
    var skipped: SkippedPolicy
  }

  indirect enum CompiledCondition: Sendable {
    case and([CompiledCondition])
    case or([CompiledCondition])
    case not(CompiledCondition)
    case equalsOption(Int, Int, negated: Bool)
    case equalsBoolean(Int, Bool, negated: Bool)
    case equalsText(Int, UInt64, negated: Bool)
    case compareNumber(Int, RelevanceExpression.ComparisonOperator, Double)
    case selected(Int, Int)
    case answered(Int)
    /// A test on the authority's context (`authority.type`, …), evaluated as written.
    case context(RelevanceExpression.Condition)
    case never
  }

  public let questionnaire: Questionnaire
  let questions: [CompiledQuestion]
  let indexByID: [String: Int]
  let questionIDBytes: [[UInt8]]
  let dimensionWeights: [Double]
  /// Whether any skip logic tests the authority's context (else scoring needs no context).
  public let usesContext: Bool

  public init(_ questionnaire: Questionnaire) {
    self.questionnaire = questionnaire
    let all = questionnaire.questions
    let indexByID = Dictionary(all.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
    self.indexByID = indexByID
    var compiled: [CompiledQuestion] = []
    for (dimensionIndex, dimension) in questionnaire.dimensions.enumerated() {
      for question in dimension.questions {
        compiled.append(
          CompiledQuestion(
            id: question.id, type: question.type, dimension: dimensionIndex, weight: question.weight,
            scored: question.scored, optionIDs: question.options.map { Array($0.id.utf8) },
            optionCredits: question.options.map(\.credit), yesCredit: question.option("yes")?.credit ?? 1,
            noCredit: question.option("no")?.credit ?? 0, bands: question.bands,
            notApplicable: question.notApplicable, allowUnknown: question.allowUnknown,
            relevant: question.relevant.map { Self.compile($0.condition, questionnaire, indexByID) },
            skipped: question.skipped))
      }
    }
    questions = compiled
    questionIDBytes = compiled.map { Array($0.id.utf8) }
    dimensionWeights = questionnaire.dimensions.map(\.weight)
    usesContext = questionnaire.questions.contains { question in
      question.relevant?.condition.tests.contains { $0.subject?.hasPrefix(AuthorityContext.prefix) ?? false }
        ?? false
    }
  }

  /// The number of questions; answer code arrays have this length.
  public var questionCount: Int { questions.count }

  /// The index of a question id.
  public func index(of questionID: String) -> Int? { indexByID[questionID] }

  /// The question id at an index.
  public func questionID(at index: Int) -> String { questions[index].id }

  /// Whether `bytes` are the id of the question at `index` (no string is made).
  func questionID(at index: Int, equals bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard index < questionIDBytes.count else { return false }
    return Self.same(questionIDBytes[index], bytes)
  }

  /// Byte-wise equality by `memcmp`.
  static func same(_ a: [UInt8], _ b: UnsafeBufferPointer<UInt8>) -> Bool {
    guard a.count == b.count else { return false }
    guard let right = b.baseAddress, !a.isEmpty else { return true }
    return a.withUnsafeBufferPointer { memcmp($0.baseAddress!, right, b.count) == 0 }
  }

  private static func compile(
    _ condition: RelevanceExpression.Condition, _ questionnaire: Questionnaire, _ indexByID: [String: Int]
  ) -> CompiledCondition {
    func compile(_ condition: RelevanceExpression.Condition) -> CompiledCondition {
      switch condition {
      case .and(let terms): return .and(terms.map(compile))
      case .or(let terms): return .or(terms.map(compile))
      case .not(let inner): return .not(compile(inner))
      case let test where test.subject.map { AuthorityContext.Field(rawValue: $0) != nil } ?? false:
        return .context(test)
      case .answered(let id): return indexByID[id].map(CompiledCondition.answered) ?? .never
      case .selected(let id, let option):
        guard let index = indexByID[id], let question = questionnaire.question(id),
          let optionIndex = question.options.firstIndex(where: { $0.id == option })
        else { return .never }
        return question.type == .multi
          ? .selected(index, optionIndex) : .equalsOption(index, optionIndex, negated: false)
      case .oneOf(let id, let literals):
        let terms = literals.map { compile(.compare(question: id, .equal, $0)) }
        return terms.count == 1 ? terms[0] : .or(terms)
      case .compare(let id, let comparison, let literal):
        guard let index = indexByID[id], let question = questionnaire.question(id) else { return .never }
        switch (question.type, literal) {
        case (.number, .number(let value)), (.percent, .number(let value)):
          return .compareNumber(index, comparison, value)
        case (.yesno, .text(let text)) where comparison == .equal || comparison == .notEqual:
          guard text == "yes" || text == "no" else { return comparison == .notEqual ? .not(.never) : .never }
          return .equalsBoolean(index, text == "yes", negated: comparison == .notEqual)
        case (.text, .text(let text)) where comparison == .equal || comparison == .notEqual:
          return .equalsText(index, ScoringPlan.textHash(text.utf8), negated: comparison == .notEqual)
        case (.scale, .text(let text)), (.single, .text(let text)):
          guard comparison == .equal || comparison == .notEqual,
            let optionIndex = question.options.firstIndex(where: { $0.id == text })
          else { return .never }
          return .equalsOption(index, optionIndex, negated: comparison == .notEqual)
        default:
          return .never
        }
      }
    }
    return compile(condition)
  }
}

extension ScoringPlan.CompiledCondition {
  /// Evaluates over answer codes and the authority's context; `relevant` marks relevant questions.
  func holds(
    _ codes: UnsafeBufferPointer<ScoringPlan.Code>, _ relevant: UnsafeBufferPointer<Bool>,
    _ context: AuthorityContext
  ) -> Bool {
    func value(_ index: Int) -> ScoringPlan.Code? {
      let code = codes[index]
      return relevant[index] && code.kind == .value ? code : nil
    }
    switch self {
    case .and(let terms): return terms.allSatisfy { $0.holds(codes, relevant, context) }
    case .or(let terms): return terms.contains { $0.holds(codes, relevant, context) }
    case .not(let inner): return !inner.holds(codes, relevant, context)
    case .never: return false
    case .context(let test):
      return test.evaluate { AuthorityContext.Field(rawValue: $0).flatMap(context.value) }
    case .answered(let index): return value(index) != nil
    case .selected(let index, let option):
      guard let code = value(index) else { return false }
      return code.bits & (1 << UInt64(option)) != 0
    case .equalsOption(let index, let option, let negated):
      guard let code = value(index) else { return false }
      return (code.bits == UInt64(option)) != negated
    case .equalsBoolean(let index, let flag, let negated):
      guard let code = value(index) else { return false }
      return ((code.bits == 1) == flag) != negated
    case .equalsText(let index, let hash, let negated):
      guard let code = value(index) else { return false }
      return (code.bits == hash) != negated
    case .compareNumber(let index, let comparison, let bound):
      guard let code = value(index) else { return false }
      return comparison.holds(Double(bitPattern: code.bits), bound)
    }
  }
}

// MARK: - Scoring

extension ScoringPlan {
  /// Scores one authority's answer codes (one per question, in questionnaire order) into
  /// `output`: one score per dimension, then the overall score; NaN where data is insufficient.
  /// `context` is what skip logic may test of the authority; `relevant` is scratch space of the
  /// same length as `codes`.
  public func score(
    _ codes: UnsafeBufferPointer<Code>, context: AuthorityContext, relevant: UnsafeMutableBufferPointer<Bool>,
    into output: UnsafeMutableBufferPointer<Double>
  ) {
    let dimensionCount = dimensionWeights.count
    withUnsafeTemporaryAllocation(of: Double.self, capacity: dimensionCount * 2) { sums in
      withUnsafeTemporaryAllocation(of: Int.self, capacity: dimensionCount * 2) { counts in
        sums.initialize(repeating: 0)
        counts.initialize(repeating: 0)
        // Fields are read in place: a copy of a compiled question would retain its arrays and
        // strings, for every question of every authority-year, on every reading thread at once.
        for index in 0..<questions.count {
          let isRelevant =
            questions[index].relevant?.holds(codes, UnsafeBufferPointer(relevant), context) ?? true
          relevant[index] = isRelevant
          guard questions[index].scored else { continue }
          guard isRelevant else {
            // Skipped: zero in the maximum, unless excluded (then out of it); never in coverage.
            if questions[index].skipped == .zero {
              sums[questions[index].dimension * 2 + 1] += questions[index].weight
            }
            continue
          }
          let code = codes[index]
          let credit: Double
          switch code.kind {
          case .missing:
            // Blank: zero in the maximum, and applicable for coverage.
            sums[questions[index].dimension * 2 + 1] += questions[index].weight
            counts[questions[index].dimension * 2] += 1
            continue
          case .notApplicable:
            switch questions[index].notApplicable {
            case .full: credit = 1
            case .zero: credit = 0
            case .exclude, nil: continue
            }
          case .unknown: credit = 0
          case .value: credit = self.credit(index, code)
          }
          sums[questions[index].dimension * 2] += questions[index].weight * credit
          sums[questions[index].dimension * 2 + 1] += questions[index].weight
          counts[questions[index].dimension * 2] += 1
          counts[questions[index].dimension * 2 + 1] += 1
        }
        var weighted = 0.0
        var totalWeight = 0.0
        var points = 0.0
        var maximum = 0.0
        var everyDimensionScored = true
        for dimension in 0..<dimensionCount {
          let dimensionPoints = sums[dimension * 2]
          let dimensionMaximum = sums[dimension * 2 + 1]
          let applicable = counts[dimension * 2]
          let coverage = applicable > 0 ? Double(counts[dimension * 2 + 1]) / Double(applicable) : 0
          guard dimensionMaximum > 0, coverage >= questionnaire.coverageFloor else {
            output[dimension] = .nan
            if dimensionMaximum > 0 || applicable > 0 { everyDimensionScored = false }
            continue
          }
          let score = 100 * dimensionPoints / dimensionMaximum
          output[dimension] = score
          weighted += dimensionWeights[dimension] * score
          totalWeight += dimensionWeights[dimension]
          points += dimensionPoints
          maximum += dimensionMaximum
        }
        switch questionnaire.aggregation {
        case _ where !everyDimensionScored: output[dimensionCount] = .nan
        case .mean: output[dimensionCount] = totalWeight > 0 ? weighted / totalWeight : .nan
        case .points: output[dimensionCount] = maximum > 0 ? 100 * points / maximum : .nan
        }
      }
    }
  }

  private func credit(_ index: Int, _ code: Code) -> Double {
    switch questions[index].type {
    case .scale, .single: return questions[index].optionCredits[Int(code.bits)]
    case .yesno: return code.bits == 1 ? questions[index].yesCredit : questions[index].noCredit
    case .multi:
      var sum = 0.0
      var bits = code.bits
      while bits != 0 {
        let option = bits.trailingZeroBitCount
        sum += questions[index].optionCredits[option]
        bits &= bits - 1
      }
      return min(1, sum)
    case .number, .percent:
      let number = Double(bitPattern: code.bits)
      return questions[index].bands.first { $0.contains(number) }?.credit ?? 0
    case .text: return 0
    }
  }
}

// MARK: - Encoding answers

extension ScoringPlan {
  /// Why an answer could not be encoded; the keys are those of response validation messages.
  public enum EncodingFailure: Error, Sendable, Equatable {
    case notApplicableNotAllowed, unknownNotAllowed, unknownOption(String), notYesNo, notNumber, percentRange

    /// The catalogue key of the message.
    public var code: String {
      switch self {
      case .notApplicableNotAllowed: "response.naNotAllowed"
      case .unknownNotAllowed: "response.unknownNotAllowed"
      case .unknownOption: "response.unknownOption"
      case .notYesNo: "response.expectedYesNo"
      case .notNumber: "response.expectedNumber"
      case .percentRange: "response.percentRange"
      }
    }
  }

  /// Encodes an answer written as in a peer answers CSV (`|` between ticked options, decimal
  /// comma accepted), without making a string for known values.
  /// What this fast path refuses goes through ``AnswerCellReader`` as every other path does
  /// (labels, words in other languages, grouped numbers, percent signs).
  public func encode(_ bytes: UnsafeBufferPointer<UInt8>, question index: Int, unsure: Bool = false)
    -> Result<
      Code, EncodingFailure
    >
  {
    let fast = encodeCanonical(bytes, question: index, unsure: unsure)
    guard case .failure = fast, let question = questionnaire.question(questions[index].id),
      let value = try? ResponseLoader.value(
        String(decoding: Self.trimmed(bytes), as: UTF8.self), for: question, file: ""),
      let code = encode(Answer(questionID: question.id, value: value, unsure: unsure))
    else { return fast }
    return .success(code)
  }

  /// Encodes an answer written in the words of the formats (ids, `yes`/`no`, plain numbers).
  private func encodeCanonical(_ bytes: UnsafeBufferPointer<UInt8>, question index: Int, unsure: Bool)
    -> Result<Code, EncodingFailure>
  {
    let text = Self.trimmed(bytes)
    if Self.equalsIgnoringCase(text, "na") {
      guard questions[index].notApplicable != nil else { return .failure(.notApplicableNotAllowed) }
      return .success(Code(kind: .notApplicable, unsure: unsure, bits: 0))
    }
    if Self.equalsIgnoringCase(text, "unknown") {
      guard questions[index].allowUnknown else { return .failure(.unknownNotAllowed) }
      return .success(Code(kind: .unknown, unsure: unsure, bits: 0))
    }
    switch questions[index].type {
    case .scale, .single:
      guard let option = questions[index].optionIDs.firstIndex(where: { Self.same($0, text) }) else {
        return .failure(.unknownOption(String(decoding: text, as: UTF8.self)))
      }
      return .success(Code(kind: .value, unsure: unsure, bits: UInt64(option)))
    case .yesno:
      for (word, flag) in [
        ("yes", true), ("true", true), ("on", true), ("no", false), ("false", false), ("off", false),
      ]
      where Self.equalsIgnoringCase(text, word) {
        return .success(Code(kind: .value, unsure: unsure, bits: flag ? 1 : 0))
      }
      return .failure(.notYesNo)
    case .multi:
      var bits: UInt64 = 0
      var start = 0
      for end in 0...text.count where end == text.count || text[end] == 0x7C {
        let part = Self.trimmed(UnsafeBufferPointer(rebasing: text[start..<end]))
        start = end + 1
        if part.isEmpty { continue }
        guard let option = questions[index].optionIDs.firstIndex(where: { Self.same($0, part) }) else {
          return .failure(.unknownOption(String(decoding: part, as: UTF8.self)))
        }
        bits |= 1 << UInt64(option)
      }
      return .success(Code(kind: .value, unsure: unsure, bits: bits))
    case .number, .percent:
      guard let number = CSVNumber.parse(UnsafeRawBufferPointer(text)) else { return .failure(.notNumber) }
      if questions[index].type == .percent && !(0...100).contains(number) { return .failure(.percentRange) }
      return .success(Code(kind: .value, unsure: unsure, bits: number.bitPattern))
    case .text:
      return .success(Code(kind: .value, unsure: unsure, bits: Self.textHash(text)))
    }
  }

  /// The code of a typed answer (for responses read from files).
  public func encode(_ answer: Answer) -> Code? {
    guard let index = indexByID[answer.questionID] else { return nil }
    let question = questions[index]
    switch answer.value {
    case .notApplicable: return Code(kind: .notApplicable, unsure: answer.unsure, bits: 0)
    case .unknown: return Code(kind: .unknown, unsure: answer.unsure, bits: 0)
    case .option(let id):
      guard let option = question.optionIDs.firstIndex(where: { $0.elementsEqual(id.utf8) }) else {
        return nil
      }
      return Code(kind: .value, unsure: answer.unsure, bits: UInt64(option))
    case .boolean(let flag): return Code(kind: .value, unsure: answer.unsure, bits: flag ? 1 : 0)
    case .options(let ids):
      var bits: UInt64 = 0
      for id in ids {
        guard let option = question.optionIDs.firstIndex(where: { $0.elementsEqual(id.utf8) }) else {
          return nil
        }
        bits |= 1 << UInt64(option)
      }
      return Code(kind: .value, unsure: answer.unsure, bits: bits)
    case .number(let number): return Code(kind: .value, unsure: answer.unsure, bits: number.bitPattern)
    case .text(let text): return Code(kind: .value, unsure: answer.unsure, bits: Self.textHash(text.utf8))
    case nil: return nil
    }
  }

  /// FNV-1a of a text's UTF-8 bytes, to compare text answers without keeping them.
  static func textHash(_ bytes: some Sequence<UInt8>) -> UInt64 {
    var hash: UInt64 = 0xCBF2_9CE4_8422_2325
    for byte in bytes {
      hash ^= UInt64(byte)
      hash &*= 0x100_0000_01B3
    }
    return hash
  }

  static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
    var start = 0
    var end = bytes.count
    while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
    while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
    return UnsafeBufferPointer(rebasing: bytes[start..<end])
  }

  /// Whether ASCII `bytes` spell the lower-case `word`, in any case.
  static func equalsIgnoringCase(_ bytes: UnsafeBufferPointer<UInt8>, _ word: String) -> Bool {
    guard bytes.count == word.utf8.count else { return false }
    for (byte, expected) in zip(bytes, word.utf8) where byte | 0x20 != expected { return false }
    return true
  }
}
