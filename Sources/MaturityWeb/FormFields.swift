import Foundation

/// The fields of a submitted form (`application/x-www-form-urlencoded`), in order, a name
/// possibly repeated (ticked boxes).
public struct FormFields: Sendable, Equatable {
  /// Every name and value, in the order sent.
  public private(set) var pairs: [(name: String, value: String)]

  /// Decodes `body`; a malformed escape is kept as written rather than refused.
  public init(urlEncoded body: String) {
    pairs = body.split(separator: "&", omittingEmptySubsequences: true).map { pair in
      let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
      return (Self.decode(parts[0]), parts.count > 1 ? Self.decode(parts[1]) : "")
    }
  }

  public init(_ pairs: [(name: String, value: String)]) { self.pairs = pairs }

  /// The first value of `name`, if sent.
  public subscript(name: String) -> String? { pairs.first { $0.name == name }?.value }

  /// Every value of `name`, in order.
  public func all(_ name: String) -> [String] { pairs.filter { $0.name == name }.map(\.value) }

  /// The first value of `name` with surrounding spaces removed, nil when empty.
  public func trimmed(_ name: String) -> String? {
    guard let value = self[name]?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else {
      return nil
    }
    return value
  }

  private static func decode(_ text: Substring) -> String {
    let spaced = text.replacingOccurrences(of: "+", with: " ")
    return spaced.removingPercentEncoding ?? spaced
  }

  public static func == (a: FormFields, b: FormFields) -> Bool {
    a.pairs.map(\.name) == b.pairs.map(\.name) && a.pairs.map(\.value) == b.pairs.map(\.value)
  }
}
