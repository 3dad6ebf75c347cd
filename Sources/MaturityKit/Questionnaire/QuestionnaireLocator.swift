import CSV
import Foundation
import InterfaceText

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

  /// The file of edition `version` of questionnaire `id`: `<folder>/<id>/editions/<version>.yaml`
  /// when there is one, else the current `<folder>/<id>/questionnaire.yaml`.
  public func path(for id: String, version: String) throws(LocatorError) -> String {
    let current = try path(for: id)
    guard Self.isSafeEditionName(version) else { return current }
    let folder = URL(fileURLWithPath: current).deletingLastPathComponent().path + "/editions"
    if FileManager.default.fileExists(atPath: "\(folder)/\(version).yaml") {
      return "\(folder)/\(version).yaml"
    }
    // A version a spreadsheet turned into a number (`2025,1`) names the same edition.
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
    guard let written = CSVNumber.parse(version),
      let name = names.first(where: {
        $0.hasSuffix(".yaml") && CSVNumber.parse(String($0.dropLast(5))) == written
      })
    else { return current }
    return "\(folder)/\(name)"
  }

  /// Loads the questionnaire a response names and checks that its version is the one answered;
  /// a questionnaire that is not found is a problem of the response at `line`, where it is named.
  /// Earlier editions are found in the questionnaire's `editions/` folder.
  public func load(id: String, version: String, for responsePath: String, line: Int? = nil) throws
    -> Questionnaire
  {
    let path: String
    do {
      path = try self.path(for: id, version: version)
    } catch {
      throw Problems([error.problem(file: responsePath, line: line)])
    }
    let loaded = try QuestionnaireLoader.load(path: path)
    guard loaded.questionnaire.isVersion(version) else {
      throw Problems([
        Problem(
          .error, SourceLocation(file: responsePath, line: line), "response.editionNotFound",
          ["response": "\(id) \(version)", "editions": editions(of: id).joined(separator: ", ")])
      ])
    }
    return loaded.questionnaire
  }

  /// The versions of questionnaire `id` that can be loaded: its earlier editions, then the
  /// current one, as their files name them.
  public func editions(of id: String) -> [String] {
    guard let current = try? path(for: id) else { return [] }
    let folder = URL(fileURLWithPath: current).deletingLastPathComponent().path + "/editions"
    let earlier = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
      .filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }.sorted()
    let currentVersion = (try? QuestionnaireLoader.load(path: current))?.questionnaire.version
    return earlier + (currentVersion.map { [$0] } ?? [])
  }

  /// A version that can name a file: no path separators, no leading dot.
  static func isSafeEditionName(_ version: String) -> Bool {
    !version.isEmpty && !version.hasPrefix(".") && !version.contains("/") && !version.contains("\0")
  }
}
