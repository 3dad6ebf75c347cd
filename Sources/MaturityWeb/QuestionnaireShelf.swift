import Foundation
import MaturityKit
import MaturityStore

/// The questionnaires the web app offers, loaded once at start-up.
public struct QuestionnaireShelf: Sendable {
  /// Every questionnaire, the default first.
  public let all: [Questionnaire]

  /// Loads every `<id>/questionnaire.yaml` under `folder`; `ai-data-readiness` comes first.
  public init(folder: String) throws {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
    let loaded = try names.sorted()
      .filter { FileManager.default.fileExists(atPath: "\(folder)/\($0)/questionnaire.yaml") }
      .map { try QuestionnaireLoader.load(path: "\(folder)/\($0)/questionnaire.yaml").questionnaire }
    guard !loaded.isEmpty else { throw LocatorError.notFound(reference: "*", searched: [folder]) }
    self.init(loaded)
  }

  public init(_ questionnaires: [Questionnaire]) {
    all = questionnaires.sorted { a, b in
      (a.id == "ai-data-readiness" ? 0 : 1, a.id) < (b.id == "ai-data-readiness" ? 0 : 1, b.id)
    }
  }

  /// The questionnaire a new assessment uses unless told otherwise.
  public var preferred: Questionnaire { all[0] }

  /// The questionnaire with this id and version.
  public func questionnaire(_ id: String, _ version: String) throws(ShelfError) -> Questionnaire {
    guard
      let found = all.first(where: { $0.id == id && $0.version == version })
        ?? all.first(where: { $0.id == id && $0.isVersion(version) })
    else {
      throw .missing(id: id, version: version, available: all.map { "\($0.id) \($0.version)" })
    }
    return found
  }

  /// A lookup for ``StoreTransfer``.
  public var lookup: StoreTransfer.QuestionnaireLookup {
    { id, version in try questionnaire(id, version) }
  }
}
