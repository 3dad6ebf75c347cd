import Foundation
import Yams

/// Reads a `*.response.yaml` file.
enum ResponseYAMLReader {
  private static let topKeys = ["questionnaire", "version", "authority", "date", "respondent", "answers"]
  private static let answerKeys = ["value", "unsure", "comment", "evidence"]

  static func read(path: String) -> ResponseDocument {
    var log = ProblemLog(file: path)
    let root = YAMLFile.load(path: path, log: &log)
    return read(root: root, file: path, log: log)
  }

  static func read(yaml: String, file: String) -> ResponseDocument {
    var log = ProblemLog(file: file)
    let root = YAMLFile.parse(Data(yaml.utf8), log: &log)
    return read(root: root, file: file, log: log)
  }

  private static func read(root: Node?, file: String, log: ProblemLog) -> ResponseDocument {
    var reader = YAMLReader(file: file)
    reader.log = log
    var document = ResponseDocument(
      file: file, questionnaireID: "", version: "", authority: Authority(id: "", name: ""), answers: [],
      log: log)
    defer { document.log = reader.log }
    guard let root,
      let top = reader.mapping(
        root, "response", allowed: topKeys, required: ["questionnaire", "version", "authority"])
    else { return finish(&document, reader) }
    document.questionnaireID = top["questionnaire"].flatMap { reader.string($0, "questionnaire") } ?? ""
    document.questionnaireLine = top["questionnaire"].flatMap(YAMLReader.line)
    document.version = top["version"].flatMap { reader.string($0, "version") } ?? ""
    document.versionLine = top["version"].flatMap(YAMLReader.line)
    if let node = top["date"], !YAMLReader.isNull(node) {
      document.date = reader.string(node, "date").flatMap {
        AuthorityFields.date($0, cells: document.cells, line: YAMLReader.line(node), log: &reader.log)
      }
    }
    if let node = top["authority"] { document.authority = readAuthority(node, &reader) }
    if let node = top["respondent"], !YAMLReader.isNull(node),
      let map = reader.mapping(node, "respondent", allowed: ["name", "role", "email", "phone"])
    {
      document.respondent = Respondent(
        name: map["name"].flatMap { YAMLReader.isNull($0) ? nil : reader.string($0, "respondent name") },
        role: map["role"].flatMap { YAMLReader.isNull($0) ? nil : reader.string($0, "respondent role") })
    }
    if let node = top["answers"], !YAMLReader.isNull(node) {
      if case .mapping(let mapping) = node {
        for (key, value) in mapping {
          guard let id = reader.string(key, "answers") else { continue }
          if let answer = readAnswer(id: id, value, line: YAMLReader.line(key), &reader) {
            document.answers.append(answer)
          }
        }
      } else {
        _ = reader.mapping(node, "answers", allowed: [])
      }
    }
    return finish(&document, reader)
  }

  private static func finish(_ document: inout ResponseDocument, _ reader: YAMLReader) -> ResponseDocument {
    document.log = reader.log
    return document
  }

  private static func readAuthority(_ node: Node, _ reader: inout YAMLReader) -> Authority {
    guard
      let map = reader.mapping(
        node, "authority", allowed: ["id", "name", "country", "population", "type"], required: ["id", "name"])
    else { return Authority(id: "", name: "") }
    var fields = AuthorityFields()
    for (key, value) in map where !YAMLReader.isNull(value) {
      guard let text = reader.string(value, "authority \(key)") else { continue }
      fields.set(key, text, line: YAMLReader.line(value), log: &reader.log)
    }
    return fields.authority
  }

  private static func readAnswer(id: String, _ node: Node, line: Int?, _ reader: inout YAMLReader)
    -> ResponseDocument.RawAnswer?
  {
    var answer = ResponseDocument.RawAnswer(questionID: id, value: nil, unsure: false, line: line)
    switch node {
    case .mapping:
      guard let map = reader.mapping(node, "answer \(id)", allowed: answerKeys) else { return nil }
      answer.value = map["value"].flatMap { rawValue($0, id, &reader) }
      answer.unsure = map["unsure"].flatMap { reader.bool($0, "answer \(id) unsure") } ?? false
      answer.comment = map["comment"].flatMap {
        YAMLReader.isNull($0) ? nil : reader.string($0, "answer \(id) comment")
      }
      answer.evidence = map["evidence"].flatMap {
        YAMLReader.isNull($0) ? nil : reader.string($0, "answer \(id) evidence")
      }
    default:
      answer.value = rawValue(node, id, &reader)
    }
    return answer
  }

  private static func rawValue(_ node: Node, _ id: String, _ reader: inout YAMLReader) -> ResponseDocument
    .RawValue?
  {
    if YAMLReader.isNull(node) { return nil }
    switch node {
    case .scalar(let scalar): return .scalar(scalar.string)
    case .sequence(let items):
      return .list(items.compactMap { reader.string($0, "answer \(id)") })
    default:
      _ = reader.string(node, "answer \(id)")
      return nil
    }
  }
}

/// The authority fields common to both response formats, checked as they are set.
struct AuthorityFields {
  var authority = Authority(id: "", name: "")

  /// Sets a field from its text; an empty optional field stays unset (as in a blank template).
  mutating func set(_ key: String, _ text: String, line: Int?, log: inout ProblemLog) {
    if text.isEmpty && key != "id" && key != "name" { return }
    switch key {
    case "id": authority.id = text
    case "name": authority.name = text
    case "country":
      if Authority.isCountryCode(text) {
        authority.country = text
      } else {
        log.error(line, "response.badCountry", ["value": text])
      }
    case "population":
      if let value = AnswerCellReader().wholeNumber(text.filter { $0 != "_" }) {
        authority.population = value
      } else {
        log.error(line, "response.badPopulation", ["value": text])
      }
    case "type":
      if let type = AuthorityType(rawValue: text) {
        authority.type = type
      } else {
        log.error(
          line, "response.badAuthorityType",
          ["value": text, "choices": AuthorityType.allCases.map(\.rawValue).joined(separator: ", ")])
      }
    default: break
    }
  }

  /// The date written in `text` as `YYYY-MM-DD` (see ``AnswerCellReader/date(_:)``), or nil
  /// with the problem logged.
  static func date(_ text: String, cells: AnswerCellReader, line: Int?, log: inout ProblemLog) -> String? {
    switch cells.date(text) {
    case .date(let date): return date
    case .ambiguous(let dayFirst, let monthFirst):
      log.error(
        line, "response.ambiguousDate", ["value": text, "dayFirst": dayFirst, "monthFirst": monthFirst])
    case .invalid: log.error(line, "response.badDate", ["value": text])
    }
    return nil
  }
}
