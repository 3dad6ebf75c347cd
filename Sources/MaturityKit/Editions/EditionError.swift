import InterfaceText

/// Files of two editions of a questionnaire that cannot be used together.
public enum EditionError: UserFacingError, Equatable {
  /// No migration file leads from one edition to the other.
  case noMigration(questionnaire: String, from: String, to: String)
  /// A peer file made on an edition the response cannot be carried to (an earlier one): its
  /// scores cannot be carried over, and its answers are not rescored through migrations.
  case peersOfEarlierEdition(file: String, found: String, expected: String)

  public var location: SourceLocation? {
    switch self {
    case .noMigration: nil
    case .peersOfEarlierEdition(let file, _, _): SourceLocation(file: file)
    }
  }

  public func message(_ texts: TextCatalogue) -> String {
    switch self {
    case .noMigration(let questionnaire, let from, let to):
      texts("edition.noMigration", ["questionnaire": questionnaire, "from": from, "to": to])
    case .peersOfEarlierEdition(_, let found, let expected):
      texts("edition.peersOfEarlierEdition", ["found": found, "expected": expected])
    }
  }
}
