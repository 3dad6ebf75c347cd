import InterfaceText

/// A questionnaire that could not be found.
public enum LocatorError: UserFacingError, Equatable {
  case notFound(reference: String, searched: [String])

  public var location: SourceLocation? { nil }

  public func message(_ texts: TextCatalogue) -> String {
    texts(code, arguments)
  }

  /// The problem in the file that names the questionnaire, at the line that names it.
  public func problem(file: String, line: Int?) -> Problem {
    Problem(.error, SourceLocation(file: file, line: line), code, arguments)
  }

  private var code: String { "questionnaire.notFound" }

  private var arguments: [String: String] {
    switch self {
    case .notFound(let reference, let searched):
      Excerpt.arguments(["reference": reference, "folders": searched.joined(separator: ", ")])
    }
  }
}
