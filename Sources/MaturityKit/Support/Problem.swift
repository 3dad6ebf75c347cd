import InterfaceText

/// One problem found in a user's file: where, how serious, and what (a catalogue key with values).
public struct Problem: Sendable, Equatable, Codable, CustomStringConvertible {
  public enum Severity: String, Sendable, Codable { case error, warning }

  public var severity: Severity
  public var location: SourceLocation
  /// The catalogue key of the message, e.g. `questionnaire.unknownKey`.
  public var code: String
  /// The values the message names, by placeholder, each a short excerpt (see ``Excerpt``): a
  /// file's value of megabytes makes a message of one line.
  public var arguments: [String: String]

  public init(
    _ severity: Severity, _ location: SourceLocation, _ code: String, _ arguments: [String: String] = [:]
  ) {
    self.severity = severity
    self.location = location
    self.code = code
    self.arguments = Excerpt.arguments(arguments)
  }

  /// `file:line:column: message` (warnings say so), in the catalogue's language.
  public func report(_ texts: TextCatalogue) -> String {
    let prefix = severity == .warning ? texts("problem.warning") + ": " : ""
    return "\(location): \(prefix)\(texts(code, arguments))"
  }

  public var description: String { report(TextCatalogue(language: .english)) }
}

/// Problems that stop a file from being used, reported together.
public struct Problems: UserFacingError, Equatable {
  /// Every problem found, errors and warnings, in file order.
  public let all: [Problem]

  public init(_ problems: [Problem]) { self.all = problems }

  /// Throws `problems` when one is an error, unless bad rows are to be skipped (`skipping`).
  static func refuse(_ problems: [Problem], unless skipping: Bool) throws(Problems) {
    if !skipping && problems.contains(where: { $0.severity == .error }) { throw Problems(problems) }
  }

  public var location: SourceLocation? { all.first?.location }

  public func message(_ texts: TextCatalogue) -> String {
    all.first.map { texts($0.code, $0.arguments) } ?? ""
  }

  /// One line per problem.
  public func report(_ texts: TextCatalogue) -> String {
    all.map { $0.report(texts) }.joined(separator: "\n")
  }
}

/// Collects problems while a file is read, so that all of them are reported at once.
struct ProblemLog {
  let file: String
  private(set) var problems: [Problem] = []

  init(file: String) { self.file = file }

  var hasErrors: Bool { problems.contains { $0.severity == .error } }

  mutating func error(_ line: Int?, _ code: String, _ arguments: [String: String] = [:], column: Int? = nil) {
    problems.append(Problem(.error, SourceLocation(file: file, line: line, column: column), code, arguments))
  }

  mutating func warning(_ line: Int?, _ code: String, _ arguments: [String: String] = [:]) {
    problems.append(Problem(.warning, SourceLocation(file: file, line: line), code, arguments))
  }

  mutating func append(contentsOf other: [Problem]) { problems.append(contentsOf: other) }

  /// Throws every problem when any is an error.
  func check() throws(Problems) {
    if hasErrors { throw Problems(problems.sorted(by: Self.fileOrder)) }
  }

  static func fileOrder(_ a: Problem, _ b: Problem) -> Bool {
    (a.location.line ?? 0, a.location.column ?? 0) < (b.location.line ?? 0, b.location.column ?? 0)
  }
}
