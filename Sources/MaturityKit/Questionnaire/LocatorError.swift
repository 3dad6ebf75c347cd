import InterfaceText

/// A questionnaire that could not be found.
public enum LocatorError: UserFacingError, Equatable {
  case notFound(reference: String, searched: [String])

  public var location: SourceLocation? { nil }

  public func message(_ texts: TextCatalogue) -> String {
    switch self {
    case .notFound(let reference, let searched):
      texts("questionnaire.notFound", ["reference": reference, "folders": searched.joined(separator: ", ")])
    }
  }
}
