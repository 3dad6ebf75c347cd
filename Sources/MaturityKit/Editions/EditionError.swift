import InterfaceText

/// Files of two editions of a questionnaire that cannot be used together.
public enum EditionError: UserFacingError, Equatable {
  /// No migration file leads from one edition to the other.
  case noMigration(questionnaire: String, from: String, to: String)
  /// A peer file of scores made on another edition: scores cannot be migrated.
  case scoresOfOtherEdition(file: String, found: String, expected: String)

  public var location: SourceLocation? {
    switch self {
    case .noMigration: nil
    case .scoresOfOtherEdition(let file, _, _): SourceLocation(file: file)
    }
  }

  public func message(_ texts: TextCatalogue) -> String {
    switch self {
    case .noMigration(let questionnaire, let from, let to):
      texts("edition.noMigration", ["questionnaire": questionnaire, "from": from, "to": to])
    case .scoresOfOtherEdition(_, let found, let expected):
      texts("edition.scoresOfOtherEdition", ["found": found, "expected": expected])
    }
  }
}
