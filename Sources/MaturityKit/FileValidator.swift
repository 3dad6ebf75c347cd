import CSV
import Foundation
import InterfaceText
import Yams

/// Checks any file the tool reads: a questionnaire, or a response against its questionnaire.
public struct FileValidator: Sendable {
  public enum Kind: String, Sendable { case questionnaire, response, migration, unknown }

  public struct Outcome: Sendable {
    public var kind: Kind
    /// Errors and warnings, in file order.
    public var problems: [Problem]
    public var hasErrors: Bool { problems.contains { $0.severity == .error } }
  }

  let locator: QuestionnaireLocator
  let questionnaireReference: String?
  let csv: CSVReadOptions

  /// Responses are checked against `questionnaire` when given, else against the one they name;
  /// response CSVs are read with `csv`.
  public init(
    locator: QuestionnaireLocator, questionnaire: String? = nil, csv: CSVReadOptions = CSVReadOptions()
  ) {
    self.locator = locator
    self.questionnaireReference = questionnaire
    self.csv = csv
  }

  public func validate(_ path: String) -> Outcome {
    let kind = Self.kind(of: path)
    do {
      switch kind {
      case .questionnaire:
        return Outcome(kind: kind, problems: try QuestionnaireLoader.load(path: path).warnings)
      case .migration:
        _ = try EditionMigrationLoader.load(path: path, locator: locator)
        return Outcome(kind: kind, problems: [])
      case .response, .unknown:
        let file = try ResponseFile(path: path, csv: csv)
        let questionnaire = try file.questionnaire(locator, reference: questionnaireReference)
        return Outcome(kind: .response, problems: try file.response(on: questionnaire).warnings)
      }
    } catch let problems as Problems {
      return Outcome(kind: kind, problems: problems.all)
    } catch let error as CSVError {
      return Outcome(
        kind: kind, problems: [Problem(.error, error.location!, error.catalogueKey, error.arguments)])
    } catch let error as LocatorError {
      return Outcome(kind: kind, problems: [error.problem(file: path, line: nil)])
    } catch {
      return Outcome(kind: kind, problems: [Problem(.error, SourceLocation(file: path), "file.unreadable")])
    }
  }

  /// A response when the name says so or the file is CSV; a questionnaire when its YAML has
  /// `dimensions`; a migration when it has `from`, `to` and `questions`.
  static func kind(of path: String) -> Kind {
    if path.hasSuffix(".response.yaml") || path.hasSuffix(".response.yml") || ResponseLoader.isCSV(path) {
      return .response
    }
    if URL(fileURLWithPath: path).lastPathComponent.hasPrefix("questionnaire.") { return .questionnaire }
    guard let data = FileManager.default.contents(atPath: path), data.count <= YAMLFile.sizeLimit,
      let text = String(data: data, encoding: .utf8), let root = try? Yams.compose(yaml: text),
      case .mapping(let mapping) = root
    else { return .unknown }
    let keys = Set(mapping.keys.map(\.string))
    if keys.contains("dimensions") { return .questionnaire }
    return keys.isSuperset(of: ["from", "to", "questions"]) ? .migration : .response
  }
}
