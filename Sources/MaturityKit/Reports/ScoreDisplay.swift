import Foundation
import InterfaceText

/// How renderers show numbers to people: scores with one decimal, coverage as a whole
/// percentage, in the language's style (`67.5` and `83%` in English, `67,5` and `83 %` in French).
public enum ScoreDisplay {
  /// `67.5`, or the catalogue's "insufficient data" text for nil.
  public static func score(_ value: Double?, _ texts: TextCatalogue) -> String {
    guard let value else { return texts("score.insufficient") }
    return decimal(value, texts)
  }

  /// A number with one decimal and the language's decimal separator.
  public static func decimal(_ value: Double, _ texts: TextCatalogue) -> String {
    let text = number(value, decimals: 1)
    let separator = texts("number.decimalSeparator")
    return separator == "." ? text : text.replacingOccurrences(of: ".", with: separator)
  }

  /// A whole number as it is, else with one decimal, in the language's style: `40`, `5.5`, `5,5`.
  public static func amount(_ value: Double, _ texts: TextCatalogue) -> String {
    value == value.rounded() ? number(value, decimals: 0) : decimal(value, texts)
  }

  /// A gap (target − score) in words, never as a bare signed number: "behind by 3.7", "ahead by
  /// 2.6", "on target" when it rounds to zero; "—" when unknown.
  public static func gap(_ value: Double?, _ texts: TextCatalogue) -> String {
    guard let value else { return "—" }
    let shown = decimal(abs(value), texts)
    guard number(abs(value), decimals: 1) != "0.0" else { return texts("gap.even") }
    return texts(value > 0 ? "gap.behind" : "gap.ahead", ["value": shown])
  }

  /// `83%` or `83 %`.
  public static func percent(_ fraction: Double, _ texts: TextCatalogue) -> String {
    texts("number.percent", ["value": "\(Int((fraction * 100).rounded()))"])
  }

  /// A number rounded half away from zero to `decimals` places, without trailing zeros beyond one.
  public static func number(_ value: Double, decimals: Int) -> String {
    let factor = pow10(decimals)
    let rounded = (value * factor).rounded(.toNearestOrAwayFromZero) / factor
    if decimals == 0 { return String(Int(rounded)) }
    let whole = Int(rounded.magnitude)
    let fraction = Int(((rounded.magnitude - Double(whole)) * factor).rounded())
    let digits = String(fraction)
    return (rounded < 0 ? "-" : "") + "\(whole)." + String(repeating: "0", count: decimals - digits.count)
      + digits
  }

  /// An ISO date (`2025-10-15`) written for the language: `15 October 2025`, `15 octobre 2025`,
  /// `15 de octubre de 2025`; other text is returned as it is.
  public static func date(_ iso: String, _ texts: TextCatalogue) -> String {
    let parts = iso.split(separator: "-").compactMap { Int($0) }
    guard parts.count == 3, (1...12).contains(parts[1]), (1...31).contains(parts[2]) else { return iso }
    return texts(
      "date.format", ["day": "\(parts[2])", "month": texts("date.month.\(parts[1])"), "year": "\(parts[0])"])
  }

  /// A level's name, or "—" when none.
  public static func level(_ level: LevelReached?, _ language: Language) -> String {
    level?.name.text(language) ?? "—"
  }

  private static func pow10(_ exponent: Int) -> Double { (0..<exponent).reduce(1.0) { acc, _ in acc * 10 } }
}
