import Foundation

/// Finds questionnaires by path or by id under the questionnaire folders.
public struct QuestionnaireLocator: Sendable {
  /// Folders searched for `<id>/questionnaire.yaml`, in order.
  public var folders: [String]

  /// The installed share folder's questionnaires, where the Debian package puts them.
  public static let installedFolder = "/usr/share/digital-maturity/Questionnaires"

  /// Searches the folders in `MATURITY_QUESTIONNAIRES` (separated by `:`), then `Questionnaires/`
  /// in the current folder, then the share folder of an installed copy:
  /// `share/digital-maturity/Questionnaires` beside the `bin/` folder of `executable` (a copy
  /// unpacked under `/opt` or `/usr/local`), and ``installedFolder``.
  public init(
    environment: [String: String] = ProcessInfo.processInfo.environment,
    executable: URL? = Bundle.main.executableURL
  ) {
    var folders = environment["MATURITY_QUESTIONNAIRES"]?.split(separator: ":").map(String.init) ?? []
    folders.append("Questionnaires")
    if let executable {
      let prefix = executable.resolvingSymlinksInPath().deletingLastPathComponent()
        .deletingLastPathComponent()
      folders.append(prefix.appendingPathComponent("share/digital-maturity/Questionnaires").path)
    }
    if !folders.contains(Self.installedFolder) { folders.append(Self.installedFolder) }
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
    guard loaded.questionnaire.version == version else {
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
