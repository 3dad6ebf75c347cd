import Foundation
import InterfaceText

extension QuestionnaireLocator {
  /// The chain of migrations that carries answers of questionnaire `id` from edition `from` to
  /// edition `to`, read from the questionnaire's `migrations/<from>-to-<to>.yaml` files (the
  /// shortest chain when several lead there). Throws ``EditionError/noMigration`` when none does.
  public func migration(of id: String, from: String, to: String) throws -> ResponseMigration {
    let folder = URL(fileURLWithPath: try path(for: id)).deletingLastPathComponent().path + "/migrations"
    let files = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter {
      $0.hasSuffix(".yaml")
    }
    var next: [String: [(to: String, file: String)]] = [:]
    for file in files.sorted() {
      let parts = file.dropLast(5).components(separatedBy: "-to-")
      if parts.count == 2 { next[parts[0], default: []].append((parts[1], file)) }
    }
    // Breadth first: the shortest chain of steps.
    var paths: [String: [String]] = [from: []]
    var queue = [from]
    while !queue.isEmpty, paths[to] == nil {
      let version = queue.removeFirst()
      for step in next[version] ?? [] where paths[step.to] == nil {
        paths[step.to] = paths[version]! + [step.file]
        queue.append(step.to)
      }
    }
    guard let chain = paths[to], from != to else {
      throw EditionError.noMigration(questionnaire: id, from: from, to: to)
    }
    return ResponseMigration(
      steps: try chain.map { try EditionMigrationLoader.load(path: folder + "/" + $0, locator: self) })
  }
}

extension QuestionnaireLocator {
  /// The response `file` holds, on `edition`: read with the edition of the questionnaire it
  /// names and, when that is an earlier one, carried over through the migrations (what the
  /// migration did comes back with it). A response of another questionnaire is refused as when
  /// read with `edition` directly.
  public func response(in file: ResponseFile, on edition: Questionnaire, texts: TextCatalogue) throws -> (
    response: Response, warnings: [Problem], migrated: MigratedResponse?
  ) {
    let header = try file.header()
    guard header.id == edition.id, header.version != edition.version else {
      let loaded = try file.response(on: edition)
      return (loaded.response, loaded.warnings, nil)
    }
    let own = try file.questionnaire(self)
    let loaded = try file.response(on: own)
    let migrated = try migration(of: edition.id, from: own.version, to: edition.version).migrate(
      loaded.response, texts: texts)
    return (migrated.response, loaded.warnings, migrated)
  }
}
