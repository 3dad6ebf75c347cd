import Foundation
import InterfaceText
import Yams

/// Reads a migration file and checks it against the two editions it joins, reporting every
/// problem with its line.
public enum EditionMigrationLoader {
  /// A migration with the two editions it joins.
  public struct Loaded: Sendable {
    public var migration: EditionMigration
    public var source: Questionnaire
    public var target: Questionnaire
  }

  /// Loads the migration at `path`; its editions are looked up beside it (the questionnaire
  /// folder holding `migrations/`), then through `locator`.
  public static func load(path: String, locator: QuestionnaireLocator = QuestionnaireLocator()) throws
    -> Loaded
  {
    var log = ProblemLog(file: path)
    guard let root = YAMLFile.load(path: path, log: &log) else { throw Problems(log.problems) }
    // <folders>/<id>/migrations/<file>: the folder of questionnaires is three levels up.
    let shelf = URL(fileURLWithPath: path).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().path
    let nearby = QuestionnaireLocator(folders: [shelf] + locator.folders)
    return try load(root: root, file: path) { id, version, line in
      try nearby.load(id: id, version: version, for: path, line: line)
    }
  }

  /// Loads a migration from YAML text between two editions already at hand.
  public static func load(yaml: String, file: String, source: Questionnaire, target: Questionnaire)
    throws -> EditionMigration
  {
    var log = ProblemLog(file: file)
    guard let root = YAMLFile.parse(Data(yaml.utf8), log: &log) else { throw Problems(log.problems) }
    return try load(root: root, file: file) { id, version, line in
      for edition in [source, target] where edition.id == id && edition.version == version { return edition }
      throw Problems([
        Problem(
          .error, SourceLocation(file: file, line: line), "response.editionNotFound",
          ["response": "\(id) \(version)", "editions": "\(source.version), \(target.version)"])
      ])
    }.migration
  }

  private static func load(
    root: Node, file: String,
    edition: (_ id: String, _ version: String, _ line: Int?) throws -> Questionnaire
  ) throws -> Loaded {
    var reader = YAMLReader(file: file)
    guard
      let top = reader.mapping(
        root, "migration", allowed: ["questionnaire", "from", "to", "questions"],
        required: ["questionnaire", "from", "to", "questions"])
    else { throw Problems(reader.log.problems) }
    let id = top["questionnaire"].flatMap { reader.string($0, "questionnaire") } ?? ""
    let from = top["from"].flatMap { reader.string($0, "from") } ?? ""
    let to = top["to"].flatMap { reader.string($0, "to") } ?? ""
    try reader.log.check()
    if from == to {
      reader.log.error(top["to"].flatMap(YAMLReader.line), "migration.sameEdition", ["version": to])
    }
    var editions: [Questionnaire] = []
    for (version, key) in [(from, "from"), (to, "to")] {
      do {
        editions.append(try edition(id, version, top[key].flatMap(YAMLReader.line)))
      } catch let problems as Problems {
        reader.log.append(contentsOf: problems.all)
      }
    }
    try reader.log.check()
    var builder = MigrationBuilder(reader: reader, source: editions[0], target: editions[1])
    let changes = top["questions"].map { builder.changes($0) } ?? []
    builder.checkCoverage(line: top["questions"].flatMap(YAMLReader.line))
    try builder.reader.log.check()
    return Loaded(
      migration: EditionMigration(questionnaireID: id, from: from, to: to, changes: changes),
      source: editions[0], target: editions[1])
  }
}

/// Turns the `questions:` list into changes, checking each against both editions.
private struct MigrationBuilder {
  var reader: YAMLReader
  let source: Questionnaire
  let target: Questionnaire
  private var sourceLines: [String: Int] = [:]
  private var targetLines: [String: Int] = [:]

  init(reader: YAMLReader, source: Questionnaire, target: Questionnaire) {
    self.reader = reader
    self.source = source
    self.target = target
  }

  mutating func changes(_ node: Node) -> [QuestionChange] {
    guard let items = reader.sequence(node, "questions") else { return [] }
    return items.compactMap { change($0) }
  }

  /// Every question of both editions accounted for.
  mutating func checkCoverage(line: Int?) {
    let missingSources = source.questions.map(\.id).filter { sourceLines[$0] == nil }
    if !missingSources.isEmpty {
      reader.log.error(
        line, "migration.missingSources",
        ["version": source.version, "questions": missingSources.joined(separator: ", ")])
    }
    let missingTargets = target.questions.map(\.id).filter { targetLines[$0] == nil }
    if !missingTargets.isEmpty {
      reader.log.error(
        line, "migration.missingTargets",
        ["version": target.version, "questions": missingTargets.joined(separator: ", ")])
    }
  }

  private mutating func change(_ node: Node) -> QuestionChange? {
    let line = YAMLReader.line(node)
    guard
      let map = reader.mapping(
        node, "questions", allowed: ["from", "to", "change", "options", "reason"], required: ["change"]),
      let kindText = map["change"].flatMap({ reader.string($0, "change") })
    else { return nil }
    guard let kind = QuestionChange.Kind(rawValue: kindText) else {
      reader.log.error(
        line, "migration.unknownChange",
        ["change": kindText, "known": QuestionChange.Kind.allCases.map(\.rawValue).joined(separator: ", ")])
      return nil
    }
    let sources = map["from"].map { ids($0, "from") } ?? []
    let targets = map["to"].map { ids($0, "to") } ?? (kind == .same || kind == .options ? sources : [])
    guard shapeIsRight(kind, sources: sources, targets: targets, map: map, line: line) else { return nil }
    guard register(sources, earlier: true, line: line), register(targets, earlier: false, line: line)
    else { return nil }
    var change = QuestionChange(
      kind: kind, sources: sources, targets: targets, optionMap: [:], reason: nil, line: line)
    switch kind {
    case .same, .renamed:
      checkKept(sources[0], as: targets[0], line: line)
    case .options, .split, .merged:
      guard let optionsNode = map["options"] else {
        reader.log.error(line, "yaml.missingKey", ["key": "options", "in": "change: \(kind.rawValue)"])
        return nil
      }
      change.optionMap = optionMap(kind, optionsNode, sources: sources, targets: targets)
    case .dropped:
      change.reason = map["reason"].flatMap {
        reader.localizedText($0, "reason", languages: target.languages)
      }
    case .new:
      break
    }
    return change
  }

  /// The number of `from` and `to` ids and the keys each kind takes.
  private mutating func shapeIsRight(
    _ kind: QuestionChange.Kind, sources: [String], targets: [String], map: [String: Node], line: Int?
  ) -> Bool {
    let (sourceCount, targetCount): (ClosedRange<Int>, ClosedRange<Int>) =
      switch kind {
      case .same, .renamed, .options: (1...1, 1...1)
      case .split: (1...1, 2...Int.max)
      case .merged: (2...Int.max, 1...1)
      case .dropped: (1...1, 0...0)
      case .new: (0...0, 1...1)
      }
    guard sourceCount.contains(sources.count), targetCount.contains(targets.count),
      kind != .same || sources == targets
    else {
      reader.log.error(line, "migration.shape.\(kind.rawValue)")
      return false
    }
    let takes = ["options": [.options, .split, .merged].contains(kind), "reason": kind == .dropped]
    for (key, taken) in takes.sorted(by: { $0.key < $1.key }) where !taken && map[key] != nil {
      reader.log.error(
        YAMLReader.line(map[key]!), "migration.keyNotTaken", ["key": key, "change": kind.rawValue])
      return false
    }
    if kind == .dropped, map["reason"] == nil {
      reader.log.error(line, "yaml.missingKey", ["key": "reason", "in": "change: dropped"])
      return false
    }
    return true
  }

  /// One id or a list of ids.
  private mutating func ids(_ node: Node, _ what: String) -> [String] {
    if case .sequence(let items) = node { return items.compactMap { reader.string($0, what) } }
    return reader.string(node, what).map { [$0] } ?? []
  }

  /// Records each id as accounted for, refusing ids the edition lacks and ids seen before.
  private mutating func register(_ ids: [String], earlier: Bool, line: Int?) -> Bool {
    let edition = earlier ? source : target
    var lines = earlier ? sourceLines : targetLines
    defer { if earlier { sourceLines = lines } else { targetLines = lines } }
    var fine = true
    for id in ids {
      guard edition.question(id) != nil else {
        var arguments = ["id": id, "version": edition.version]
        if let suggestion = NearestName.suggestion(for: id, among: edition.questions.map(\.id)) {
          arguments["suggestion"] = suggestion
          reader.log.error(line, "migration.unknownQuestionSuggestion", arguments)
        } else {
          reader.log.error(line, "migration.unknownQuestion", arguments)
        }
        fine = false
        continue
      }
      if let first = lines[id] {
        reader.log.error(
          line, "migration.twice", ["id": id, "version": edition.version, "first": "\(first)"])
        fine = false
      } else {
        lines[id] = line ?? 0
      }
    }
    return fine
  }

  /// `same` and `renamed` carry answers as written: the type and the option ids must match.
  private mutating func checkKept(_ old: String, as new: String, line: Int?) {
    guard let before = source.question(old), let after = target.question(new) else { return }
    if before.type != after.type || Set(before.mappableOptionIDs) != Set(after.mappableOptionIDs) {
      reader.log.error(
        line, "migration.notKept",
        [
          "from": old, "to": new, "before": before.summary, "after": after.summary,
        ])
    }
  }

  private mutating func optionMap(
    _ kind: QuestionChange.Kind, _ node: Node, sources: [String], targets: [String]
  ) -> [String: [String: [String: String]]] {
    guard let map = reader.mapping(node, "options", allowed: allowedKeys(kind, sources: sources)) else {
      return [:]
    }
    var result: [String: [String: [String: String]]] = [:]
    for question in sources {
      guard let before = source.question(question) else { continue }
      guard before.type.hasOptions else {
        reader.log.error(
          YAMLReader.line(node), "migration.noOptions", ["id": question, "type": before.type.rawValue])
        continue
      }
      for target in targets {
        guard let after = self.target.question(target) else { continue }
        if !after.type.hasOptions {
          reader.log.error(
            YAMLReader.line(node), "migration.typesDiffer",
            ["from": question, "to": target, "before": before.type.rawValue, "after": after.type.rawValue])
        }
      }
      let optionsNode = kind == .merged ? map[question] : node
      guard let optionsNode,
        let pairs = kind == .merged
          ? reader.mapping(optionsNode, "options of \(question)", allowed: before.mappableOptionIDs) : map
      else { continue }
      var options: [String: [String: String]] = [:]
      for (oldOption, value) in pairs where !YAMLReader.isNull(value) {
        options[oldOption] =
          kind == .split ? splitTargets(value, targets: targets) : single(value, targets[0])
      }
      result[question] = options
    }
    return result
  }

  /// The keys of `options:`: earlier option ids, or, for `merged`, the earlier questions.
  private func allowedKeys(_ kind: QuestionChange.Kind, sources: [String]) -> [String] {
    kind == .merged ? sources : source.question(sources[0])?.mappableOptionIDs ?? []
  }

  private mutating func single(_ node: Node, _ targetID: String) -> [String: String] {
    guard let option = targetOption(node, of: targetID) else { return [:] }
    return [targetID: option]
  }

  private mutating func splitTargets(_ node: Node, targets: [String]) -> [String: String] {
    guard let map = reader.mapping(node, "options", allowed: targets) else { return [:] }
    var result: [String: String] = [:]
    for (targetID, value) in map where !YAMLReader.isNull(value) {
      if let option = targetOption(value, of: targetID) { result[targetID] = option }
    }
    return result
  }

  /// A later option id of `targetID`, checked.
  private mutating func targetOption(_ node: Node, of targetID: String) -> String? {
    guard let option = reader.string(node, "options"), let question = target.question(targetID) else {
      return nil
    }
    guard question.mappableOptionIDs.contains(option) else {
      reader.log.error(
        YAMLReader.line(node), "migration.unknownOption",
        ["id": targetID, "option": option, "options": question.mappableOptionIDs.joined(separator: ", ")])
      return nil
    }
    return option
  }
}

extension QuestionType {
  /// Whether answers are option ids (`yes`/`no` for a `yesno` question).
  var hasOptions: Bool { [.scale, .single, .multi, .yesno].contains(self) }
}

extension Question {
  /// The ids an answer may name: the options, or `yes` and `no`.
  var mappableOptionIDs: [String] {
    type == .yesno ? ["yes", "no"] : options.map(\.id)
  }

  /// The type and option ids, for messages.
  fileprivate var summary: String {
    mappableOptionIDs.isEmpty
      ? type.rawValue : "\(type.rawValue) [\(mappableOptionIDs.joined(separator: ", "))]"
  }
}
