import Foundation

/// Finds questionnaires by path or by id under `Questionnaires/`.
public struct QuestionnaireLocator: Sendable {
  /// Folders searched for `<id>/questionnaire.yaml`, in order.
  public var folders: [String]

  /// Searches `Questionnaires/` in the current folder, then the folders in
  /// `MATURITY_QUESTIONNAIRES` (separated by `:`).
  public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
    var folders = ["Questionnaires"]
    if let extra = environment["MATURITY_QUESTIONNAIRES"] {
      folders += extra.split(separator: ":").map(String.init)
    }
    self.folders = folders
  }

  public init(folders: [String]) { self.folders = folders }

  /// The file for `reference`: an existing path, else `<folder>/<reference>/questionnaire.yaml`.
  public func path(for reference: String) throws(LocatorError) -> String {
    var isDirectory: ObjCBool = false
    if FileManager.default.fileExists(atPath: reference, isDirectory: &isDirectory) {
      return isDirectory.boolValue ? reference + "/questionnaire.yaml" : reference
    }
    for folder in folders {
      let candidate = "\(folder)/\(reference)/questionnaire.yaml"
      if FileManager.default.fileExists(atPath: candidate) { return candidate }
    }
    throw LocatorError.notFound(reference: reference, searched: folders)
  }

  /// Loads the questionnaire `reference` names.
  public func load(_ reference: String) throws -> (questionnaire: Questionnaire, warnings: [Problem]) {
    try QuestionnaireLoader.load(path: try path(for: reference))
  }

  /// Loads the questionnaire a response names and checks that its version is the one answered;
  /// a questionnaire that is not found is a problem of the response at `line`, where it is named.
  public func load(id: String, version: String, for responsePath: String, line: Int? = nil) throws
    -> Questionnaire
  {
    let path: String
    do {
      path = try self.path(for: id)
    } catch {
      throw Problems([error.problem(file: responsePath, line: line)])
    }
    let loaded = try QuestionnaireLoader.load(path: path)
    guard loaded.questionnaire.isVersion(version) else {
      throw Problems([
        Problem(
          .error, .init(file: responsePath), "response.questionnaireMismatch",
          [
            "response": "\(id) \(version)",
            "questionnaire": "\(loaded.questionnaire.id) \(loaded.questionnaire.version)",
          ])
      ])
    }
    return loaded.questionnaire
  }
}
