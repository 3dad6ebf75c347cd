import Accounts
import Foundation
import MaturityStore

/// Slows down password guessing: failures are counted in the database per account and per
/// address (so every instance of the server sees them), whether or not the account exists.
struct SignInLimiter: Sendable {
  let store: Store
  let limits: SignInLimits

  private static func keys(email: String, address: String?) -> [(key: String, isAccount: Bool)] {
    [("email:" + (Email.normalized(email) ?? email.lowercased()), true)]
      + (address.map { [("address:" + $0, false)] } ?? [])
  }

  /// How long to wait before trying again, or zero.
  func wait(email: String, address: String?, now: Date = Date()) async throws -> TimeInterval {
    var wait: TimeInterval = 0
    for (key, isAccount) in Self.keys(email: email, address: address) {
      let failures = try await store.signInFailures(key: key, since: now.addingTimeInterval(-limits.window))
      wait = max(
        wait,
        limits.wait(
          failures: failures.count, free: isAccount ? limits.perAccount : limits.perAddress,
          last: failures.last,
          now: now))
    }
    return wait
  }

  func failed(email: String, address: String?) async throws {
    ServerMetrics.signIn(succeeded: false)
    try await store.recordSignInFailure(keys: Self.keys(email: email, address: address).map(\.key))
  }

  func succeeded(email: String) async throws {
    try await store.clearSignInFailures(
      key: Self.keys(email: email, address: nil)[0].key, olderThan: Date().addingTimeInterval(-limits.window))
  }
}
