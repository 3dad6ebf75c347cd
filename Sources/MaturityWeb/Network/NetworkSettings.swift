import Accounts
import Foundation

/// How `maturity serve --accounts` runs the network server.
public struct NetworkSettings: Sendable {
  /// The address people reach the server at: invitation links start with it, and its `https`
  /// makes the session cookie `Secure`.
  public var publicURL: String
  public var hasher: PasswordHasher
  /// A session ends after this long without a request.
  public var sessionIdleLimit: TimeInterval
  public var signInLimits: SignInLimits
  /// k: a member sees a group's aggregates only over at least this many other members.
  public var minimumGroup: Int
  /// Reverse proxies whose `X-Forwarded-For` names the visitor's address (for sign-in limits per
  /// address and the audit log); any other peer's header is ignored.
  public var trustedProxies: Set<String>

  public init(
    publicURL: String, hasher: PasswordHasher = .standard, sessionIdleLimit: TimeInterval = 2 * 3600,
    signInLimits: SignInLimits = SignInLimits(), minimumGroup: Int = 5, trustedProxies: Set<String> = []
  ) {
    self.minimumGroup = minimumGroup
    self.trustedProxies = trustedProxies
    self.publicURL = publicURL.hasSuffix("/") ? String(publicURL.dropLast()) : publicURL
    self.hasher = hasher
    self.sessionIdleLimit = sessionIdleLimit
    self.signInLimits = signInLimits
  }

  var secureCookies: Bool { publicURL.lowercased().hasPrefix("https://") }

  /// The visitor's address: the connection's `peer`, or, when the peer is a trusted proxy, the
  /// last address of `X-Forwarded-For` that is not one (each proxy appends the address it saw).
  func clientAddress(peer: String?, forwardedFor: [String]) -> String? {
    guard let peer, trustedProxies.contains(peer) else { return peer }
    let chain = forwardedFor.flatMap { $0.split(separator: ",") }.map {
      $0.trimmingCharacters(in: .whitespaces)
    }
    return chain.last { !$0.isEmpty && !trustedProxies.contains($0) } ?? peer
  }
}

/// How failed sign-ins slow down the next attempts: after the free failures within the window,
/// each attempt waits twice as long as the last, up to the longest wait.
public struct SignInLimits: Sendable {
  /// Failures of one account allowed without waiting.
  public var perAccount = 5
  /// Failures from one address allowed without waiting (higher: a town hall shares one address).
  public var perAddress = 20
  /// How far back failures count.
  public var window: TimeInterval = 15 * 60
  /// The longest wait.
  public var longestWait: TimeInterval = 15 * 60

  public init() {}

  /// The wait after `failures` failures, the last at `last`, as of `now`: zero when none is due.
  func wait(failures: Int, free: Int, last: Date?, now: Date) -> TimeInterval {
    guard failures >= free, let last else { return 0 }
    let delay = min(longestWait, pow(2, Double(min(failures - free, 20))))
    return max(0, last.addingTimeInterval(delay).timeIntervalSince(now))
  }
}
