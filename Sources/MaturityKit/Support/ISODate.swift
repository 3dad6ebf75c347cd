import Foundation

/// Calendar dates written `YYYY-MM-DD`, which compare as text in date order.
enum ISODate {
  /// Today in UTC, written `YYYY-MM-DD`.
  static var today: String {
    let parts = Calendar(identifier: .gregorian).dateComponents(
      in: TimeZone(identifier: "UTC")!, from: Date())
    return String(format: "%04d-%02d-%02d", parts.year ?? 1970, parts.month ?? 1, parts.day ?? 1)
  }

  /// Whether `text` is a date written `YYYY-MM-DD` with a month 1–12 and a day 1–31.
  static func isValid(_ text: String) -> Bool {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    let numbers = parts.compactMap { Int($0) }
    return parts.count == 3 && numbers.count == 3 && parts[0].count == 4 && parts[1].count == 2
      && parts[2].count == 2 && (1...12).contains(numbers[1]) && (1...31).contains(numbers[2])
  }
}
