import Foundation

/// Calendar dates written `YYYY-MM-DD`, which compare as text in date order: the one rule for
/// assessment dates in response files, the web app's forms and `maturity fill`.
public enum ISODate {
  /// Today in UTC, written `YYYY-MM-DD`.
  public static var today: String { string(Date()) }

  /// The day of `date` in UTC, written `YYYY-MM-DD`.
  public static func string(_ date: Date) -> String {
    let parts = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC")!, from: date)
    return String(format: "%04d-%02d-%02d", parts.year ?? 1970, parts.month ?? 1, parts.day ?? 1)
  }

  /// `date` to the minute in UTC: `YYYY-MM-DD HH:MM UTC`, as logs show times.
  public static func timestamp(_ date: Date) -> String {
    let parts = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC")!, from: date)
    return string(date) + String(format: " %02d:%02d UTC", parts.hour ?? 0, parts.minute ?? 0)
  }

  /// Whether `text` is a real calendar date written `YYYY-MM-DD` (no 30 February).
  public static func isValid(_ text: String) -> Bool {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
      parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
      let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
    else { return false }
    return exists(year: year, month: month, day: day)
  }

  /// Whether day `day` of month `month` (1–12) exists in `year`.
  static func exists(year: Int, month: Int, day: Int) -> Bool {
    guard (1...12).contains(month) else { return false }
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
    return (1...lengths[month - 1]).contains(day)
  }
}
