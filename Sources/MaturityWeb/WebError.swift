import InterfaceText

/// A questionnaire an assessment needs is not among those the app was started with.
public enum ShelfError: UserFacingError, Equatable {
  case missing(id: String, version: String, available: [String])

  public var location: SourceLocation? { nil }

  public func message(_ texts: TextCatalogue) -> String {
    switch self {
    case .missing(let id, let version, let available):
      texts(
        "web.questionnaireMissing",
        ["questionnaire": "\(id) \(version)", "available": available.joined(separator: ", ")])
    }
  }
}

/// Why a request was refused, in words for the person at the browser.
public enum WebError: UserFacingError, Equatable {
  /// A form came without the page's security token (an old page, or another site posting).
  case csrf
  /// A form field had a value that cannot be used.
  case invalidField(field: String, value: String)
  /// A required field was empty.
  case missingField(field: String)
  /// No page here.
  case notFound
  /// The person signed in has no right to this page.
  case forbidden

  public var location: SourceLocation? { nil }

  public func message(_ texts: TextCatalogue) -> String {
    switch self {
    case .csrf: texts("web.csrf")
    case .invalidField(let field, let value):
      texts("web.invalidField", ["field": texts("web.field.\(field)"), "value": value])
    case .missingField(let field): texts("web.missingField", ["field": texts("web.field.\(field)")])
    case .notFound: texts("web.notFound")
    case .forbidden: texts("web.forbidden")
    }
  }
}
