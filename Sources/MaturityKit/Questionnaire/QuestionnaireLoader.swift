import Foundation
import Yams

/// Reads a questionnaire YAML file and checks it, reporting every problem with its line.
public enum QuestionnaireLoader {
  /// Loads and validates the questionnaire at `path`; throws ``Problems`` listing every error.
  /// Warnings, if any, come back with the questionnaire.
  public static func load(path: String) throws(Problems) -> (
    questionnaire: Questionnaire, warnings: [Problem]
  ) {
    var log = ProblemLog(file: path)
    guard let root = YAMLFile.load(path: path, log: &log) else { throw Problems(log.problems) }
    return try load(root: root, file: path)
  }

  /// Loads and validates a questionnaire from YAML text; `file` names it in messages.
  public static func load(yaml: String, file: String) throws(Problems) -> (
    questionnaire: Questionnaire, warnings: [Problem]
  ) {
    var log = ProblemLog(file: file)
    guard let root = YAMLFile.parse(Data(yaml.utf8), log: &log) else { throw Problems(log.problems) }
    return try load(root: root, file: file)
  }

  static func load(root: Node, file: String) throws(Problems) -> (
    questionnaire: Questionnaire, warnings: [Problem]
  ) {
    var builder = QuestionnaireBuilder(file: file)
    let questionnaire = builder.build(root)
    if let questionnaire {
      QuestionnaireChecks.run(questionnaire, lines: builder.lines, log: &builder.reader.log)
    }
    try builder.reader.log.check()
    guard let questionnaire else { throw Problems(builder.reader.log.problems) }
    return (questionnaire, builder.reader.log.problems)
  }
}

/// Where things were defined, for messages of checks that run after the tree is read.
struct DefinitionLines {
  var questions: [String: Int] = [:]
  var relevant: [String: Int] = [:]
  var actions: [String: Int] = [:]
  var prerequisites: [String: Int] = [:]
  var levels: [String: Int] = [:]
  var gates: [String: Int] = [:]
  var skipped: [String: Int] = [:]
  /// Each legal duty's `appliesWhen`, with where it is and what it belongs to.
  var legalConditions: [(owner: String, line: Int?, condition: RelevanceExpression)] = []
  var staffQuestion: Int?
}

/// Turns the YAML tree into a ``Questionnaire``, logging structural problems as it goes.
struct QuestionnaireBuilder {
  var reader: YAMLReader
  var lines = DefinitionLines()
  private(set) var languages: [String] = ["en"]
  private var seenQuestionIDs: Set<String> = []
  private var seenActionIDs: Set<String> = []

  init(file: String) { reader = YAMLReader(file: file) }

  private static let topKeys = [
    "id", "version", "languages", "title", "description", "aggregation", "coverageFloor", "populationBands",
    "efforts", "staffQuestion", "levels", "dimensions",
  ]

  mutating func build(_ root: Node) -> Questionnaire? {
    guard
      let top = reader.mapping(
        root, "questionnaire", allowed: Self.topKeys,
        required: ["id", "version", "languages", "title", "levels", "dimensions"])
    else { return nil }
    if let node = top["languages"], let items = reader.sequence(node, "languages") {
      let codes = items.compactMap { reader.string($0, "languages") }
      if !codes.isEmpty { languages = codes }
    }
    let id = top["id"].flatMap { identifier($0, "id") } ?? ""
    let version = top["version"].flatMap { reader.string($0, "version") } ?? ""
    let title = top["title"].flatMap { text($0, "title") } ?? LocalizedText([:])
    let description = top["description"].flatMap { text($0, "description") }
    var aggregation = Questionnaire.Aggregation.mean
    if let node = top["aggregation"], let name = reader.string(node, "aggregation") {
      if let value = Questionnaire.Aggregation(rawValue: name) {
        aggregation = value
      } else {
        invalidChoice(node, "aggregation", name, Questionnaire.Aggregation.allCases.map(\.rawValue))
      }
    }
    var coverageFloor = 0.5
    if let node = top["coverageFloor"], let value = reader.number(node, "coverageFloor") {
      if (0...1).contains(value) {
        coverageFloor = value
      } else {
        reader.log.error(YAMLReader.line(node), "questionnaire.coverageFloorRange")
      }
    }
    var bands = Questionnaire.defaultPopulationBands
    if let node = top["populationBands"], let items = reader.sequence(node, "populationBands") {
      let values = items.compactMap { reader.number($0, "populationBands") }
      if zip(values, values.dropFirst()).contains(where: { $0 >= $1 }) || values.contains(where: { $0 <= 0 })
      {
        reader.log.error(YAMLReader.line(node), "questionnaire.populationBandsOrder")
      } else {
        bands = values
      }
    }
    let efforts = top["efforts"].map { readEfforts($0) } ?? Questionnaire.defaultEfforts
    let staffQuestion = top["staffQuestion"].flatMap { reader.string($0, "staffQuestion") }
    lines.staffQuestion = top["staffQuestion"].flatMap(YAMLReader.line)
    let levels =
      top["levels"].flatMap { reader.sequence($0, "levels") }.map { items in
        items.compactMap { readLevel($0) }
      } ?? []
    var dimensions: [Dimension] = []
    for node in top["dimensions"].flatMap({ reader.sequence($0, "dimensions") }) ?? [] {
      guard let dimension = readDimension(node) else { continue }
      if dimensions.contains(where: { $0.id == dimension.id }) {
        reader.log.error(
          YAMLReader.line(node), "questionnaire.duplicateID", ["kind": "dimension", "id": dimension.id])
      }
      dimensions.append(dimension)
    }
    return Questionnaire(
      id: id, version: version, languages: languages, title: title, description: description,
      aggregation: aggregation, coverageFloor: coverageFloor, populationBands: bands, efforts: efforts,
      staffQuestion: staffQuestion, levels: levels, dimensions: dimensions)
  }

  // MARK: Parts

  private mutating func readEfforts(_ node: Node) -> [Effort: EffortRange] {
    var efforts = Questionnaire.defaultEfforts
    guard let map = reader.mapping(node, "efforts", allowed: Effort.allCases.map(\.rawValue)) else {
      return efforts
    }
    for (key, value) in map {
      guard let items = reader.sequence(value, "efforts.\(key)") else { continue }
      let numbers = items.compactMap { reader.number($0, "efforts.\(key)") }
      guard numbers.count == 2, numbers[0] >= 0, numbers[0] <= numbers[1] else {
        reader.log.error(YAMLReader.line(value), "questionnaire.effortRange", ["effort": key])
        continue
      }
      efforts[Effort(rawValue: key)!] = EffortRange(minimum: numbers[0], maximum: numbers[1])
    }
    return efforts
  }

  private mutating func readLevel(_ node: Node) -> Level? {
    guard
      let map = reader.mapping(
        node, "level", allowed: ["id", "name", "min", "gate"], required: ["id", "name", "min"]),
      let id = map["id"].flatMap({ identifier($0, "level id") })
    else { return nil }
    if lines.levels[id] != nil {
      reader.log.error(YAMLReader.line(node), "questionnaire.duplicateID", ["kind": "level", "id": id])
    }
    lines.levels[id] = YAMLReader.line(node)
    let name = map["name"].flatMap { text($0, "level \(id) name") } ?? LocalizedText([:])
    var minimum = 0.0
    if let value = map["min"].flatMap({ reader.number($0, "level \(id) min") }) {
      if (0...100).contains(value) {
        minimum = value
      } else {
        reader.log.error(YAMLReader.line(map["min"]!), "questionnaire.levelMinRange", ["level": id])
      }
    }
    var gates: [Gate] = []
    if let gateNode = map["gate"], let items = reader.sequence(gateNode, "level \(id) gate") {
      for item in items {
        guard
          let gate = reader.mapping(
            item, "gate", allowed: ["question", "minCredit"], required: ["question", "minCredit"]),
          let question = gate["question"].flatMap({ reader.string($0, "gate question") }),
          let minCredit = gate["minCredit"].flatMap({ credit($0, "gate minCredit") })
        else { continue }
        lines.gates["\(id)/\(question)"] = YAMLReader.line(item)
        gates.append(Gate(question: question, minCredit: minCredit))
      }
    }
    return Level(id: id, name: name, min: minimum, gate: gates)
  }

  private mutating func readDimension(_ node: Node) -> Dimension? {
    guard
      let map = reader.mapping(
        node, "dimension", allowed: ["id", "name", "weight", "questions", "sections"],
        required: ["id", "name"]),
      let id = map["id"].flatMap({ identifier($0, "dimension id") })
    else { return nil }
    let name = map["name"].flatMap { text($0, "dimension \(id) name") } ?? LocalizedText([:])
    var weight = 1.0
    if let node = map["weight"], let value = reader.number(node, "dimension \(id) weight") {
      if value >= 0 {
        weight = value
      } else {
        reader.log.error(YAMLReader.line(node), "questionnaire.negativeWeight", ["id": id])
      }
    }
    var sections: [Section] = []
    var questions: [Question] = []
    switch (map["sections"], map["questions"]) {
    case (let sectionsNode?, nil):
      var seen: Set<String> = []
      for item in reader.sequence(sectionsNode, "dimension \(id) sections") ?? [] {
        guard
          let section = reader.mapping(
            item, "section", allowed: ["id", "name", "questions"], required: ["id", "name", "questions"]),
          let sectionID = section["id"].flatMap({ identifier($0, "section id") })
        else { continue }
        if !seen.insert(sectionID).inserted {
          reader.log.error(
            YAMLReader.line(item), "questionnaire.duplicateID", ["kind": "section", "id": sectionID])
        }
        let sectionQuestions = section["questions"].map { readQuestions($0, "section \(sectionID)") } ?? []
        sections.append(
          Section(
            id: sectionID,
            name: section["name"].flatMap { text($0, "section \(sectionID) name") } ?? LocalizedText([:]),
            questionIDs: sectionQuestions.map(\.id)))
        questions += sectionQuestions
      }
    case (nil, let questionsNode?):
      questions = readQuestions(questionsNode, "dimension \(id)")
    case (.some, .some):
      reader.log.error(YAMLReader.line(node), "questionnaire.sectionsAndQuestions", ["id": id])
    case (nil, nil):
      reader.log.error(YAMLReader.line(node), "questionnaire.noQuestions", ["id": id])
    }
    return Dimension(id: id, name: name, weight: weight, sections: sections, questions: questions)
  }

  private static let questionKeys = [
    "id", "type", "text", "help", "weight", "scored", "options", "bands", "na", "allowUnknown", "relevant",
    "skipped",
    "legal", "actions",
  ]

  private mutating func readQuestions(_ node: Node, _ what: String) -> [Question] {
    (reader.sequence(node, "\(what) questions") ?? []).compactMap { readQuestion($0) }
  }

  private mutating func readQuestion(_ node: Node) -> Question? {
    guard
      let map = reader.mapping(
        node, "question", allowed: Self.questionKeys, required: ["id", "type", "text"]),
      let id = map["id"].flatMap({ identifier($0, "question id") })
    else { return nil }
    let line = YAMLReader.line(node)
    if !seenQuestionIDs.insert(id).inserted {
      reader.log.error(line, "questionnaire.duplicateID", ["kind": "question", "id": id])
    }
    lines.questions[id] = line
    let type = choice(map["type"], "question \(id) type", QuestionType.self)
    let questionText = map["text"].flatMap { text($0, "question \(id) text") } ?? LocalizedText([:])
    let help = map["help"].flatMap { text($0, "question \(id) help") }
    let scored = map["scored"].flatMap { reader.bool($0, "question \(id) scored") } ?? true
    var weight = scored ? 1.0 : 0
    if let node = map["weight"], let value = reader.number(node, "question \(id) weight") {
      if !scored {
        reader.log.error(YAMLReader.line(node), "questionnaire.weightOnUnscored", ["id": id])
      } else if value < 0 {
        reader.log.error(YAMLReader.line(node), "questionnaire.negativeWeight", ["id": id])
      } else {
        weight = value
      }
    }
    var options: [AnswerOption] = []
    if let node = map["options"], let items = reader.sequence(node, "question \(id) options") {
      var seen: Set<String> = []
      for item in items {
        guard let option = readOption(item, question: id) else { continue }
        if !seen.insert(option.id).inserted {
          reader.log.error(
            YAMLReader.line(item), "questionnaire.duplicateID", ["kind": "option", "id": option.id])
        }
        options.append(option)
      }
    }
    var bands: [CreditBand] = []
    if let node = map["bands"], let items = reader.sequence(node, "question \(id) bands") {
      bands = items.compactMap { readBand($0, question: id) }
    }
    var policy: NotApplicablePolicy?
    if let node = map["na"], let name = reader.string(node, "question \(id) na") {
      if let value = NotApplicablePolicy(rawValue: name) {
        policy = value
      } else {
        invalidChoice(node, "question \(id) na", name, NotApplicablePolicy.allCases.map(\.rawValue))
      }
    }
    let allowUnknown = map["allowUnknown"].flatMap { reader.bool($0, "question \(id) allowUnknown") } ?? false
    var relevant: RelevanceExpression?
    if let node = map["relevant"], let source = reader.string(node, "question \(id) relevant") {
      lines.relevant[id] = YAMLReader.line(node)
      do {
        relevant = try RelevanceExpression(source)
      } catch {
        let arguments = error.arguments.merging(["question": id, "column": "\(error.column)"]) { $1 }
        reader.log.error(YAMLReader.line(node), error.code, arguments)
      }
    }
    let skipped = choice(map["skipped"], "question \(id) skipped", SkippedPolicy.self) ?? .zero
    if let node = map["skipped"] { lines.skipped[id] = YAMLReader.line(node) }
    let legal = map["legal"].flatMap { readLegal($0, "question \(id) legal") }
    if legal != nil && !scored {
      reader.log.error(YAMLReader.line(map["legal"]!), "questionnaire.legalUnscored", ["id": id])
    }
    let actions =
      map["actions"].flatMap { reader.sequence($0, "question \(id) actions") }?.compactMap { readAction($0) }
      ?? []
    guard let type else { return nil }
    checkShape(id: id, type: type, scored: scored, options: options, bands: bands, map: map, line: line)
    return Question(
      id: id, type: type, text: questionText, help: help, weight: weight, scored: scored, options: options,
      bands: bands, notApplicable: policy, allowUnknown: allowUnknown, relevant: relevant, skipped: skipped,
      legal: legal,
      actions: actions)
  }

  private mutating func checkShape(
    id: String, type: QuestionType, scored: Bool, options: [AnswerOption], bands: [CreditBand],
    map: [String: Node],
    line: Int?
  ) {
    let arguments = ["id": id, "type": type.rawValue]
    switch type {
    case .scale, .single, .multi:
      if options.isEmpty { reader.log.error(line, "questionnaire.needsOptions", arguments) }
      if map["bands"] != nil {
        reader.log.error(YAMLReader.line(map["bands"]!), "questionnaire.bandsNotAllowed", arguments)
      }
    case .yesno:
      if map["bands"] != nil {
        reader.log.error(YAMLReader.line(map["bands"]!), "questionnaire.bandsNotAllowed", arguments)
      }
      if !options.isEmpty && Set(options.map(\.id)) != ["yes", "no"] {
        reader.log.error(YAMLReader.line(map["options"]!), "questionnaire.yesnoOptions", arguments)
      }
    case .number, .percent:
      if map["options"] != nil {
        reader.log.error(YAMLReader.line(map["options"]!), "questionnaire.optionsNotAllowed", arguments)
      }
      if scored && bands.isEmpty { reader.log.error(line, "questionnaire.needsBands", arguments) }
    case .text:
      if scored { reader.log.error(line, "questionnaire.textScored", arguments) }
      if map["bands"] != nil {
        reader.log.error(YAMLReader.line(map["bands"]!), "questionnaire.bandsNotAllowed", arguments)
      }
      if map["options"] != nil {
        reader.log.error(YAMLReader.line(map["options"]!), "questionnaire.optionsNotAllowed", arguments)
      }
    }
  }

  private mutating func readOption(_ node: Node, question: String) -> AnswerOption? {
    guard
      let map = reader.mapping(
        node, "option", allowed: ["id", "label", "credit", "legal", "exclusive"], required: ["id", "label"]),
      let id = map["id"].flatMap({ reader.string($0, "option id") })
    else { return nil }
    if id.lowercased() == "na" || id.lowercased() == "unknown" {
      reader.log.error(
        YAMLReader.line(node), "questionnaire.reservedOption", ["id": id, "question": question])
    } else if id.isEmpty || id.contains("|") || id.hasPrefix("@") || id.contains(where: \.isWhitespace) {
      reader.log.error(YAMLReader.line(node), "questionnaire.badOptionID", ["id": id, "question": question])
    }
    let label = map["label"].flatMap { text($0, "option \(id) label") } ?? LocalizedText([:])
    let value = map["credit"].flatMap { credit($0, "option \(id) credit") } ?? 0
    let legal = map["legal"].flatMap { readLegal($0, "option \(id) legal") }
    let exclusive = map["exclusive"].flatMap { reader.bool($0, "option \(id) exclusive") } == true
    return AnswerOption(id: id, label: label, credit: value, legal: legal, exclusive: exclusive ? true : nil)
  }

  private mutating func readBand(_ node: Node, question: String) -> CreditBand? {
    guard let map = reader.mapping(node, "band", allowed: ["min", "max", "credit"], required: ["credit"])
    else { return nil }
    let minimum = map["min"].flatMap { reader.number($0, "band min") }
    let maximum = map["max"].flatMap { reader.number($0, "band max") }
    let value = map["credit"].flatMap { credit($0, "band credit") } ?? 0
    if let minimum, let maximum, minimum >= maximum {
      reader.log.error(YAMLReader.line(node), "questionnaire.bandOrder", ["question": question])
    }
    return CreditBand(min: minimum, max: maximum, credit: value)
  }

  private static let actionKeys = [
    "id", "below", "raisesTo", "title", "description", "effort", "costBand", "owner", "kind", "prerequisites",
    "resources",
  ]

  private mutating func readAction(_ node: Node) -> Action? {
    guard
      let map = reader.mapping(
        node, "action", allowed: Self.actionKeys,
        required: ["id", "title", "description", "effort", "owner", "kind"]),
      let id = map["id"].flatMap({ identifier($0, "action id") })
    else { return nil }
    if !seenActionIDs.insert(id).inserted {
      reader.log.error(YAMLReader.line(node), "questionnaire.duplicateID", ["kind": "action", "id": id])
    }
    lines.actions[id] = YAMLReader.line(node)
    let below = map["below"].flatMap { credit($0, "action \(id) below") } ?? 1
    let raisesTo = map["raisesTo"].flatMap { credit($0, "action \(id) raisesTo") } ?? 1
    if raisesTo < below {
      reader.log.error(YAMLReader.line(node), "questionnaire.raisesToBelow", ["id": id])
    }
    let effort = choice(map["effort"], "action \(id) effort", Effort.self) ?? .medium
    let costBand = choice(map["costBand"], "action \(id) costBand", CostBand.self)
    let kind = choice(map["kind"], "action \(id) kind", ActionKind.self) ?? .governance
    var prerequisites: [String] = []
    if let node = map["prerequisites"], let items = reader.sequence(node, "action \(id) prerequisites") {
      prerequisites = items.compactMap { reader.string($0, "prerequisite") }
      lines.prerequisites[id] = YAMLReader.line(node)
    }
    var resources: [Resource] = []
    if let node = map["resources"], let items = reader.sequence(node, "action \(id) resources") {
      for item in items {
        guard
          let resource = reader.mapping(
            item, "resource", allowed: ["title", "url"], required: ["title", "url"]),
          let url = resource["url"].flatMap({ reader.string($0, "resource url") })
        else { continue }
        let lowered = url.lowercased()
        if !(lowered.hasPrefix("https://") || lowered.hasPrefix("http://"))
          || url.contains(where: \.isWhitespace)
        {
          reader.log.error(YAMLReader.line(item), "questionnaire.badURL", ["url": url])
        }
        resources.append(
          Resource(
            title: resource["title"].flatMap { text($0, "resource title") } ?? LocalizedText([:]), url: url))
      }
    }
    return Action(
      id: id, below: below, raisesTo: raisesTo,
      title: map["title"].flatMap { text($0, "action \(id) title") } ?? LocalizedText([:]),
      description: map["description"].flatMap { text($0, "action \(id) description") } ?? LocalizedText([:]),
      effort: effort, costBand: costBand,
      owner: map["owner"].flatMap { text($0, "action \(id) owner") } ?? LocalizedText([:]), kind: kind,
      prerequisites: prerequisites, resources: resources)
  }

  // MARK: Values

  /// A text in every declared language.
  mutating func text(_ node: Node, _ what: String) -> LocalizedText? {
    reader.localizedText(node, what, languages: languages)
  }

  private mutating func identifier(_ node: Node, _ what: String) -> String? {
    guard let id = reader.string(node, what) else { return nil }
    let allowed = id.unicodeScalars.allSatisfy {
      CharacterSet.alphanumerics.contains($0) || "-_.".unicodeScalars.contains($0)
    }
    guard let first = id.unicodeScalars.first, CharacterSet.letters.contains(first), allowed,
      !["and", "or", "not", "in", "selected", "answered"].contains(id), !id.hasPrefix(AuthorityContext.prefix)
    else {
      reader.log.error(YAMLReader.line(node), "questionnaire.badID", ["in": what, "id": id])
      return nil
    }
    return id
  }

  private mutating func credit(_ node: Node, _ what: String) -> Double? {
    guard let value = reader.number(node, what) else { return nil }
    guard (0...1).contains(value) else {
      reader.log.error(
        YAMLReader.line(node), "questionnaire.creditRange", ["in": what, "value": value.formatted])
      return nil
    }
    return value
  }

  private mutating func choice<T: RawRepresentable & CaseIterable>(
    _ node: Node?, _ what: String, _ type: T.Type
  ) -> T?
  where T.RawValue == String {
    guard let node, let name = reader.string(node, what) else { return nil }
    if let value = T(rawValue: name) { return value }
    invalidChoice(node, what, name, T.allCases.map(\.rawValue))
    return nil
  }

  private mutating func invalidChoice(_ node: Node, _ what: String, _ value: String, _ choices: [String]) {
    var arguments = ["in": what, "value": value, "choices": choices.joined(separator: ", ")]
    if let suggestion = NearestName.suggestion(for: value, among: choices) {
      arguments["suggestion"] = suggestion
      reader.log.error(YAMLReader.line(node), "questionnaire.invalidChoiceSuggestion", arguments)
    } else {
      reader.log.error(YAMLReader.line(node), "questionnaire.invalidChoice", arguments)
    }
  }
}
