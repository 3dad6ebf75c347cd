import HummingbirdBcrypt
import NIOConcurrencyHelpers
import NIOPosix

/// bcrypt hashing of passwords, run on NIO's thread pool: each hash takes a quarter of a second
/// on purpose, and must not hold up the threads that serve requests.
public struct PasswordHasher: Sendable {
  /// log2 of bcrypt's rounds.
  public let cost: UInt8

  /// What the server and the command line use: cost 12.
  public static let standard = PasswordHasher(cost: 12)

  /// A hasher of another cost; tests use bcrypt's lowest, 4, to run fast.
  public init(cost: UInt8) { self.cost = min(max(cost, 4), 31) }

  /// The bcrypt hash of `password`, salted.
  public func hash(_ password: String) async throws -> String {
    let cost = cost
    return try await NIOThreadPool.singleton.runIfActive { Bcrypt.hash(password, cost: cost) }
  }

  /// Whether `password` matches `hash`. With no hash (no such account) a dummy hash of the same
  /// cost is checked, so that an unknown email takes as long to refuse as a wrong password.
  public func verify(_ password: String, hash: String?) async throws -> Bool {
    let cost = cost
    return try await NIOThreadPool.singleton.runIfActive {
      let matches = Bcrypt.verify(password, hash: hash ?? Self.dummyHash(cost: cost))
      return matches && hash != nil
    }
  }

  private static let dummyHashes = NIOLockedValueBox<[UInt8: String]>([:])

  /// A hash of a random secret at `cost`, computed once.
  private static func dummyHash(cost: UInt8) -> String {
    if let hash = dummyHashes.withLockedValue({ $0[cost] }) { return hash }
    let hash = Bcrypt.hash(SecretToken.generate(), cost: cost)
    return dummyHashes.withLockedValue { hashes in
      if let earlier = hashes[cost] { return earlier }
      hashes[cost] = hash
      return hash
    }
  }
}
