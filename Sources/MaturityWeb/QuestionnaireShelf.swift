import Foundation
import MaturityKit
import MaturityStore

/// The questionnaires the web app offers, loaded once at start-up.
public struct QuestionnaireShelf: Sendable {
  /// Every questionnaire, the default first: the current editions, offered for new assessments.
  public let all: [Questionnaire]
  /// Earlier editions (`<id>/editions/<version>.yaml`), kept for the assessments made on them.
  public let earlier: [Questionnaire]
  /// The folder they were loaded from, if any.
  public private(set) var folder: String?

  /// Loads every `<id>/questionnaire.yaml` under `folder`, and its earlier editions;
  /// `ai-data-readiness` comes first.
  public init(folder: String) throws {
    let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
      .filter { FileManager.default.fileExists(atPath: "\(folder)/\($0)/questionnaire.yaml") }
    let loaded = try names.map {
      try QuestionnaireLoader.load(path: "\(folder)/\($0)/questionnaire.yaml").questionnaire
    }
    guard !loaded.isEmpty else { throw LocatorError.notFound(reference: "*", searched: [folder]) }
    let earlier = try names.flatMap { name in
      let editions = "\(folder)/\(name)/editions"
      return try ((try? FileManager.default.contentsOfDirectory(atPath: editions)) ?? []).sorted()
        .filter { $0.hasSuffix(".yaml") }
        .map { try QuestionnaireLoader.load(path: "\(editions)/\($0)").questionnaire }
    }
    self.init(loaded, earlier: earlier)
    self.folder = folder
  }

  public init(_ questionnaires: [Questionnaire], earlier: [Questionnaire] = []) {
    all = questionnaires.sorted { a, b in
      (a.id == "ai-data-readiness" ? 0 : 1, a.id) < (b.id == "ai-data-readiness" ? 0 : 1, b.id)
    }
    self.earlier = earlier
  }

  /// The questionnaire a new assessment uses unless told otherwise.
  public var preferred: Questionnaire { all[0] }

  /// The questionnaire with this id and version.
  public func questionnaire(_ id: String, _ version: String) throws(ShelfError) -> Questionnaire {
    let shelved = all + earlier
    guard
      let found = shelved.first(where: { $0.id == id && $0.version == version })
        ?? shelved.first(where: { $0.id == id && $0.isVersion(version) })
    else {
      throw .missing(id: id, version: version, available: shelved.map { "\($0.id) \($0.version)" })
    }
    return found
  }

  /// A lookup for ``StoreTransfer``.
  public var lookup: StoreTransfer.QuestionnaireLookup {
    { id, version in try questionnaire(id, version) }
  }
}
