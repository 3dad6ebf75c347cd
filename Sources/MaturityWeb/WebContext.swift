import Hummingbird
import InterfaceText
import NIOCore

/// The context of one request: Hummingbird's core storage, the upload limit, and the visitor's
/// language and CSRF token once the security middleware has read them.
public struct WebContext: RequestContext {
  public var coreContext: CoreRequestContextStorage
  /// The interface language: the `lang` cookie, else the browser's preference, else English.
  public var texts = TextCatalogue(language: .english)
  /// The visitor's CSRF token, echoed in every form.
  public var csrfToken = ""
  /// On the network server, the person signed in, if any.
  public var visitor: Visitor?
  /// The address the request came from, for sign-in limits and the audit log.
  public var remoteAddress: String?

  public init(source: ApplicationRequestContextSource) {
    coreContext = .init(source: source)
    remoteAddress = source.channel.remoteAddress?.ipAddress
  }

  /// The largest body accepted: a peer CSV upload. Forms are limited further where they are read.
  public var maxUploadSize: Int { WebLimits.upload }
}

/// Request size limits.
public enum WebLimits {
  /// A peer CSV upload (32 MiB).
  public static let upload = 32 << 20
  /// A form of answers (1 MiB).
  public static let form = 1 << 20
}
