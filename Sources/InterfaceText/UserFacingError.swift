/// Where in a user's file a problem was found.
public struct SourceLocation: Hashable, Sendable, Codable, CustomStringConvertible {
  /// The file as the user named it.
  public var file: String
  /// The 1-based physical line, when known.
  public var line: Int?
  /// The 1-based column, when known.
  public var column: Int?

  public init(file: String, line: Int? = nil, column: Int? = nil) {
    self.file = file
    self.line = line
    self.column = column
  }

  /// `file:line:column`, leaving out what is unknown.
  public var description: String {
    var text = file
    if let line { text += ":\(line)" }
    if line != nil, let column { text += ":\(column)" }
    return text
  }
}

/// An error caused by what a user handed the tool, which can explain itself in their language.
public protocol UserFacingError: Error, Sendable {
  /// The file and line the problem is in, when it is in a file.
  var location: SourceLocation? { get }
  /// The explanation, without the location, in the catalogue's language.
  func message(_ texts: TextCatalogue) -> String
  /// What is printed on standard error: `file:line: message`, one line per problem.
  func report(_ texts: TextCatalogue) -> String
}

extension UserFacingError {
  /// `file:line: message`, as printed on standard error.
  public func report(_ texts: TextCatalogue) -> String {
    guard let location else { return message(texts) }
    return "\(location): \(message(texts))"
  }
}
