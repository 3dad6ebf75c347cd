import CSV
import Foundation
import InterfaceText

/// Reads answer cells as people and spreadsheets write them, the same way for every path
/// (response CSV and YAML, imports, `maturity fill`, the web app).
///
/// Numbers may carry thousands separators (a space, a no-break space, a narrow no-break space,
/// an apostrophe, or the `.`/`,` that is not the decimal mark) and, for percentages, a `%` sign;
/// option ids and labels match whatever their case and accents, in every language of the
/// questionnaire; yes, no, don't know and not applicable may be written in the words of any
/// interface language (the `answer.words.*` table of the catalogues); dates may be written day
/// first. `docs/formats.md` gives the rules, the ambiguous cases included.
public struct AnswerCellReader: Sendable, Equatable {
  /// How a decimal fraction is marked where the answers were written.
  public enum DecimalMark: Sendable, Equatable {
    case point, comma
  }

  /// A special answer or a yes/no, written as a word.
  public enum Word: Sendable, Equatable {
    case yes, no, unknown, notApplicable
  }

  /// A date cell read.
  public enum DateReading: Sendable, Equatable {
    /// The date, written `YYYY-MM-DD`.
    case date(String)
    /// Both day first and month first make a date: the two readings.
    case ambiguous(dayFirst: String, monthFirst: String)
    /// Not a date.
    case invalid
  }

  /// The decimal mark of the file or of the person typing; it settles `1.500` and `1,500`.
  public var decimalMark: DecimalMark

  public init(decimalMark: DecimalMark = .point) { self.decimalMark = decimalMark }

  /// The reader for answers typed in `language`'s interface (its decimal separator).
  public init(language: Language) {
    self.init(
      decimalMark: TextCatalogue(language: language)("number.decimalSeparator") == "," ? .comma : .point)
  }

  // MARK: Numbers

  /// Spaces that may group the digits of a number: space, no-break space, narrow no-break
  /// space, thin space, and the apostrophes of Swiss notation.
  private static let groupSpaces: Set<Character> = [" ", "\u{A0}", "\u{202F}", "\u{2009}", "'", "’"]

  /// The number written in `text`, or nil when it is not one.
  ///
  /// A single `.` or `,` followed by exactly three digits (`1.500`) is a thousands separator
  /// when it is not the decimal mark, and the decimal mark otherwise; with `wholeNumber`, such a
  /// separator always groups thousands (a population is never `120.000` meaning 120).
  public func number(_ text: String, wholeNumber: Bool = false) -> Double? {
    var body = Substring(text).trimmingAnswerSpaces
    var sign = ""
    if let first = body.first, first == "-" || first == "+" || first == "\u{2212}" {
      sign = first == "+" ? "" : "-"
      body = body.dropFirst().trimmingAnswerSpaces
    }
    if body.contains(where: { $0 == "e" || $0 == "E" }) { return CSVNumber.parse(sign + body) }
    guard let plain = ungrouped(body, wholeNumber: wholeNumber) else { return nil }
    return CSVNumber.parse(sign + plain)
  }

  /// A whole number of zero or more, such as a population (`120 000`, `120.000`, `4000`).
  public func wholeNumber(_ text: String) -> Int? {
    guard let value = number(text, wholeNumber: true), value >= 0, value < 1e15, value == value.rounded()
    else {
      return nil
    }
    return Int(value)
  }

  /// A percentage: a number with or without a `%` sign after it.
  public func percent(_ text: String) -> Double? {
    var body = Substring(text).trimmingAnswerSpaces
    if body.last == "%" { body = body.dropLast().trimmingAnswerSpaces }
    return number(String(body))
  }

  /// `body` (digits and separators, no sign) with its grouping removed and a `.` as decimal
  /// mark, or nil when the grouping is not regular (groups of three digits).
  private func ungrouped(_ body: Substring, wholeNumber: Bool) -> String? {
    guard !body.isEmpty else { return nil }
    let marks = body.filter { $0 == "." || $0 == "," }
    let spaced = body.contains { Self.groupSpaces.contains($0) }
    var decimal: Character?
    var group: Character?
    let pointCount = marks.filter { $0 == "." }.count
    let commaCount = marks.count - pointCount
    switch (pointCount, commaCount) {
    case (0, 0): break
    case (_, 0), (0, _):
      let mark: Character = pointCount > 0 ? "." : ","
      let afterLast = body.split(separator: mark, omittingEmptySubsequences: false).last?.count ?? 0
      if marks.count > 1 {
        group = mark
      } else if afterLast == 3 && !spaced && (wholeNumber || mark != decimalMarkCharacter)
        && body.first != mark && body.first != "0"
      {
        group = mark
      } else {
        decimal = mark
      }
    default:
      decimal = marks.last
      group = decimal == "." ? "," : "."
    }
    // The integer part, in groups of three after the first when grouped.
    let parts = body.split(separator: decimal ?? "\u{0}", maxSplits: 1, omittingEmptySubsequences: false)
    let integer = parts[0]
    let fraction = parts.count > 1 ? parts[1] : ""
    // `.5` and `5.` are numbers, as they are in CSV; `.` alone is not.
    guard fraction.allSatisfy(\.isASCIIDigit), !(integer.isEmpty && fraction.isEmpty) else { return nil }
    if integer.isEmpty { return "0." + fraction }
    let groups = integer.split(omittingEmptySubsequences: false) {
      $0 == group || Self.groupSpaces.contains($0)
    }
    guard groups.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }), let head = groups.first, !head.isEmpty else {
      return nil
    }
    if groups.count > 1 {
      guard head.count <= 3, groups.dropFirst().allSatisfy({ $0.count == 3 }) else { return nil }
    }
    return groups.joined() + (fraction.isEmpty ? "" : "." + fraction)
  }

  /// The decimal mark of a file whose answer cells are `cells`: the mark that the numbers
  /// written unambiguously use most (`3,5`, `1.234,5`, `72,5%`), else a comma in a file
  /// separated by semicolons (as spreadsheets save it where the comma is the decimal mark),
  /// else a point.
  public static func decimalMark(of cells: [String], semicolonDelimited: Bool) -> DecimalMark {
    var votes = (point: 0, comma: 0)
    for cell in cells {
      var body = Substring(cell).trimmingAnswerSpaces
      if body.last == "%" { body = body.dropLast().trimmingAnswerSpaces }
      if body.first == "-" || body.first == "+" { body = body.dropFirst() }
      guard body.first?.isASCIIDigit == true,
        body.allSatisfy({ $0.isASCIIDigit || $0 == "." || $0 == "," || groupSpaces.contains($0) }),
        let last = body.last(where: { $0 == "." || $0 == "," })
      else { continue }
      let decimals = body.split(separator: last, omittingEmptySubsequences: false).last?.count ?? 0
      let unambiguous = body.contains(last == "." ? "," : ".") || (decimals != 3 && decimals > 0)
      guard unambiguous, body.filter({ $0 == last }).count == 1 else { continue }
      if last == "." { votes.point += 1 } else { votes.comma += 1 }
    }
    if votes.point != votes.comma { return votes.comma > votes.point ? .comma : .point }
    return semicolonDelimited ? .comma : .point
  }

  private var decimalMarkCharacter: Character { decimalMark == .comma ? "," : "." }

  // MARK: Dates

  /// A date written `YYYY-MM-DD`, or day first as fr, es and de write it (`15/10/2025`,
  /// `15.10.2025`, `15-10-25`), or month first as US English writes it (`10/15/2025`).
  ///
  /// With `/`, a part over 12 says which is the day; when both are 12 or less, the date is day
  /// first where the decimal mark is a comma (the fr, es and de settings) and ambiguous
  /// otherwise. With `.` or `-` the day always comes first. A two-digit year is in 2000–2099.
  public func date(_ text: String) -> DateReading {
    let trimmed = String(Substring(text).trimmingAnswerSpaces)
    if ISODate.isValid(trimmed) { return .date(trimmed) }
    guard let separator = trimmed.first(where: { $0 == "/" || $0 == "." || $0 == "-" }) else {
      return .invalid
    }
    let parts = trimmed.split(separator: separator, omittingEmptySubsequences: false)
    guard parts.count == 3,
      parts.allSatisfy({ !$0.isEmpty && $0.count <= 4 && $0.allSatisfy(\.isASCIIDigit) }),
      parts[0].count <= 2, parts[1].count <= 2, parts[2].count == 2 || parts[2].count == 4,
      let first = Int(parts[0]), let second = Int(parts[1]), var year = Int(parts[2])
    else { return .invalid }
    if parts[2].count == 2 { year += 2000 }
    func iso(day: Int, month: Int) -> String? {
      let written = String(format: "%04d-%02d-%02d", year, month, day)
      return ISODate.exists(year: year, month: month, day: day) ? written : nil
    }
    let dayFirst = iso(day: first, month: second)
    let monthFirst = separator == "/" ? iso(day: second, month: first) : nil
    switch (dayFirst, monthFirst) {
    case (let day?, let month?):
      if day == month || decimalMark == .comma { return .date(day) }
      return .ambiguous(dayFirst: day, monthFirst: month)
    case (let day?, nil): return .date(day)
    case (nil, let month?): return .date(month)
    case (nil, nil): return .invalid
    }
  }

  // MARK: Words and options

  /// The words of every interface language, folded (see ``fold(_:)``).
  private static let words: [(Word, Set<String>)] = {
    let keys: [(Word, String)] = [
      (.yes, "answer.words.yes"), (.no, "answer.words.no"), (.unknown, "answer.words.unknown"),
      (.notApplicable, "answer.words.na"),
    ]
    let catalogues = Language.available.map { TextCatalogue(language: $0) }
    return keys.map { word, key in
      (word, Set(catalogues.flatMap { $0(key).split(separator: "|").map { fold(String($0)) } }))
    }
  }()

  /// What `text` says as a word in any interface language, if anything.
  public func word(_ text: String) -> Word? {
    let folded = Self.fold(text)
    if folded.isEmpty { return nil }
    if folded == "na" { return .notApplicable }
    if folded == "unknown" { return .unknown }
    if folded == "true" { return .yes }
    if folded == "false" { return .no }
    return Self.words.first { $0.1.contains(folded) }?.0
  }

  /// The option of `question` that `text` names: its id, or its label in any language,
  /// whatever the case and accents.
  public func option(_ text: String, of question: Question) -> String? {
    if question.option(text) != nil { return text }
    let folded = Self.fold(text)
    guard !folded.isEmpty else { return nil }
    return question.options.first { Self.fold($0.id) == folded }?.id
      ?? question.options.first { option in
        option.label.translations.values.contains { Self.fold($0) == folded }
      }?.id
  }

  /// `text` without surrounding spaces, in lower case, without accents, with typographic
  /// apostrophes as `'`.
  static func fold(_ text: String) -> String {
    String(Substring(text).trimmingAnswerSpaces).replacingOccurrences(of: "’", with: "'")
      .folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
  }
}

extension Substring {
  /// Without leading and trailing spaces, tabs, no-break and narrow no-break spaces.
  var trimmingAnswerSpaces: Substring {
    let spaces: Set<Character> = [" ", "\t", "\u{A0}", "\u{202F}", "\u{2009}"]
    var text = self
    while let first = text.first, spaces.contains(first) { text = text.dropFirst() }
    while let last = text.last, spaces.contains(last) { text = text.dropLast() }
    return text
  }
}

extension Character {
  fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
