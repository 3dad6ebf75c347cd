/// An email address as accounts are keyed: trimmed and in lower case.
import Foundation

public enum Email {
  /// `text` in the form accounts are stored under, or nil when it is not an email address
  /// (one `@`, something before it, a dotted domain after it, no spaces, at most 254 characters).
  public static func normalized(_ text: String) -> String? {
    let email = text.trimmingCharacters(in: .whitespaces).lowercased()
    let parts = email.split(separator: "@", omittingEmptySubsequences: false)
    guard email.count <= 254, parts.count == 2, !parts[0].isEmpty, parts[1].contains("."),
      !parts[1].hasPrefix("."), !parts[1].hasSuffix("."),
      email.unicodeScalars.allSatisfy({
        $0.value > 0x20 && $0.value != 0x7F && !"<>()[],;:\"\\".unicodeScalars.contains($0)
      })
    else { return nil }
    return email
  }
}
