import Crypto
import Foundation

/// Random secrets given to a browser or a person (session ids, invitation tokens), and the
/// digests the database keeps instead of them: a copy of the database opens no session and
/// spends no invitation.
public enum SecretToken {
  /// 32 random bytes from the system's secure generator, as 64 hexadecimal digits.
  public static func generate() -> String {
    var generator = SystemRandomNumberGenerator()
    return (0..<4).map { _ in
      let hex = String(generator.next() as UInt64, radix: 16)
      return String(repeating: "0", count: 16 - hex.count) + hex
    }.joined()
  }

  /// Whether `text` has the shape of a generated token (so that nothing else reaches the database).
  public static func isWellFormed(_ text: String) -> Bool {
    text.utf8.count == 64 && text.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
  }

  /// The SHA-256 digest of `token`, in hexadecimal: what the database stores.
  public static func digest(_ token: String) -> String {
    SHA256.hash(data: Data(token.utf8)).map { byte in
      let hex = String(byte, radix: 16)
      return byte < 16 ? "0" + hex : hex
    }.joined()
  }
}
