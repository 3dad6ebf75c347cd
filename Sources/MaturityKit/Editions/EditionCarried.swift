import InterfaceText

/// An assessment carried over from an earlier edition: the editions, and how many questions of
/// the later one had no counterpart (blank) and how many answers could not be carried.
public struct EditionCarried: Sendable, Equatable, Codable {
  public var from: String
  public var to: String
  public var newQuestions: Int
  public var notCarried: Int

  public init(_ migrated: MigratedResponse) {
    from = migrated.from
    to = migrated.response.version
    newQuestions = migrated.newQuestions.count
    notCarried = migrated.notCarried.count
  }

  /// `{"from", "to", "newQuestions", "notCarried"}`.
  static func json(_ carried: EditionCarried) -> JSONValue {
    .object([
      ("from", .string(carried.from)), ("to", .string(carried.to)),
      ("newQuestions", .integer(carried.newQuestions)), ("notCarried", .integer(carried.notCarried)),
    ])
  }

  /// The sentence that says so, for a comparison made on the later edition.
  public func sentence(_ texts: TextCatalogue) -> String {
    texts(
      "migration.comparedOn", ["to": to, "from": from, "new": "\(newQuestions)", "lost": "\(notCarried)"])
  }
}
