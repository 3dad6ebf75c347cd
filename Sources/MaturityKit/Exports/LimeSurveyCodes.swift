/// LimeSurvey codes derived from the questionnaire's ids, the same for the survey-structure export
/// and for reading answers back. A question or subquestion code is letters and digits, starting
/// with a letter, at most 20 characters; an answer code at most 5. An id that does not fit loses
/// its other characters (`opn-hvd` → `opnhvd`), and a code taken twice gets a number.
public struct LimeSurveyCodes: Sendable {
  /// Question id (or authority question name) → question code.
  public private(set) var questions: [String: String] = [:]
  /// Question id → option id (or `na`, `unknown`, authority kind) → subquestion or answer code.
  public private(set) var options: [String: [String: String]] = [:]

  /// The answer codes of "not applicable" and "don't know".
  public static let specialCodes = ["na": "NA", "unknown": "DK"]

  public init(_ questionnaire: Questionnaire) {
    var taken: Set<String> = []
    for item in AuthorityQuestions.items {
      questions[item.name] = Self.unique(Self.code(item.name, length: 20), among: &taken)
      if item.kind == .authorityType {
        var answers: Set<String> = []
        options[item.name] = Dictionary(
          uniqueKeysWithValues: AuthorityQuestions.kinds.map {
            ($0.id, Self.unique(Self.code($0.id, length: 5), among: &answers))
          })
      }
    }
    for question in questionnaire.questions {
      questions[question.id] = Self.unique(Self.code(question.id, length: 20), among: &taken)
      var codes: Set<String> = Set(Self.specialCodes.values)
      let length = question.type == .multi ? 20 : 5
      var byOption: [String: String] = [:]
      for option in question.options {
        byOption[option.id] = Self.unique(Self.code(option.id, length: length), among: &codes)
      }
      for (word, code) in Self.specialCodes where Self.allows(word, question) { byOption[word] = code }
      options[question.id] = byOption
    }
  }

  /// Whether `question` takes the answer `word` (`na` or `unknown`).
  static func allows(_ word: String, _ question: Question) -> Bool {
    word == "na" ? question.notApplicable != nil : question.allowUnknown
  }

  /// `id` as a code: its ASCII letters and digits, after a `Q` when it does not start with a
  /// letter, cut to `length`.
  static func code(_ id: String, length: Int) -> String {
    let kept = id.unicodeScalars.filter {
      $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))
    }
    var code = String(String.UnicodeScalarView(kept))
    if code.first.map({ !$0.isLetter }) ?? true { code = "Q" + code }
    return String(code.prefix(length))
  }

  /// `code`, or when taken the same cut shorter with a number, not yet in `taken`.
  static func unique(_ code: String, among taken: inout Set<String>) -> String {
    var candidate = code
    var number = 1
    while taken.contains(candidate) {
      number += 1
      let suffix = String(number)
      candidate = String(code.prefix(max(1, code.count - suffix.count))) + suffix
    }
    taken.insert(candidate)
    return candidate
  }
}
