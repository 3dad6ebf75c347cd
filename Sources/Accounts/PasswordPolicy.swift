/// What a password must be: long enough, within bcrypt's limit, and not a common one.
///
/// Length is what makes a password strong (NIST SP 800-63B, ANSSI's recommendations): at least
/// 12 characters, no rule on character classes. A password among the 30,000 most common ones is
/// refused, also when it only adds digits or symbols around a common one ("Sunshine2024!!"), or
/// when it holds the person's own email name.
public struct PasswordPolicy: Sendable {
  /// The fewest characters accepted.
  public static let minimumLength = 12
  /// bcrypt reads at most 72 bytes: a longer password would be cut without a word.
  public static let maximumBytes = 72

  private let common: Set<Substring>
  /// Runs of keys or digits ("123456789012", "qwertyuiopas"), forwards and backwards.
  private static let sequences = [
    "0123456789", "abcdefghijklmnopqrstuvwxyz", "qwertyuiopasdfghjklzxcvbnm",
    "azertyuiopqsdfghjklmwxcvbn", "qwertzuiopasdfghjklyxcvbnm",
  ].flatMap { run in
    let repeated = String(repeating: run, count: 8)
    return [repeated, String(repeated.reversed())]
  }

  /// The policy with the shipped list of common passwords.
  public static let standard = PasswordPolicy()

  private init() {
    let text = EmbeddedFiles.texts["common-passwords.txt"] ?? ""
    common = Set(text.split(separator: "\n").filter { !$0.hasPrefix("#") })
  }

  /// Why `password` is refused for the account `email`, or nil when it is accepted.
  public func problem(_ password: String, email: String) -> PasswordProblem? {
    if password.count < Self.minimumLength { return .tooShort(minimum: Self.minimumLength) }
    if password.utf8.count > Self.maximumBytes { return .tooLong(maximumBytes: Self.maximumBytes) }
    if password.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
      return .controlCharacter
    }
    let lowered = password.lowercased()
    let core = lowered.trimmingPrefixAndSuffix { !$0.isLetter }
    if common.contains(Substring(lowered)) || common.contains(Substring(core)) || Set(lowered).count <= 2
      || Self.sequences.contains(where: { $0.contains(lowered) })
    {
      return .common
    }
    let name = email.lowercased().split(separator: "@").first.map(String.init) ?? ""
    if name.count >= 4 && lowered.contains(name) { return .containsEmail }
    return nil
  }
}

/// Why a password was refused.
public enum PasswordProblem: Equatable, Sendable {
  case tooShort(minimum: Int)
  case tooLong(maximumBytes: Int)
  case controlCharacter
  case common
  case containsEmail
}

extension String {
  fileprivate func trimmingPrefixAndSuffix(while drop: (Character) -> Bool) -> String {
    String(self.drop(while: drop).reversed().drop(while: drop).reversed())
  }
}
