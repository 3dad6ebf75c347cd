import Foundation
import Yams

/// The survey tool an export comes from: it decides the conventions `--suggest-mapping` looks
/// for and the default "complete" column.
public enum ImportSource: String, Sendable, CaseIterable, Codable {
  case limesurvey, kobo, odk, qualtrics, eusurvey, csv

  /// The columns, by each name the tool gives them, filled in only for complete responses (a
  /// date, or `True`/`1`): the first the export has is read when the mapping names none.
  var completionColumns: [String] {
    switch self {
    case .limesurvey: ["submitdate", "Date submitted"]
    case .qualtrics: ["Finished"]
    default: []
    }
  }

  /// The columns, by each name the tool gives them, holding the submission date: the first the
  /// export has is read when the mapping names none.
  var dateColumns: [String] {
    switch self {
    case .limesurvey: ["submitdate", "Date submitted"]
    case .kobo: ["_submission_time"]
    case .odk: ["SubmissionDate"]
    case .qualtrics: ["RecordedDate", "EndDate"]
    case .eusurvey, .csv: []
    }
  }

  /// How many rows under the header hold question texts rather than answers (Qualtrics: the
  /// question-text row; its `{"ImportId":…}` row is recognised by its content).
  var textRows: Int { self == .qualtrics ? 1 : 0 }
}

/// How an export's columns map to a questionnaire: which columns hold the authority, and for each
/// question its column (with answer codes) or one column per option. See `docs/imports.md`.
public struct ImportMapping: Sendable, Equatable {
  /// One question's columns.
  public struct QuestionColumns: Sendable, Equatable {
    public var questionID: String
    /// The column with the answer (for multi: ids or codes separated by `separator`).
    public var column: String?
    /// For multi questions exported as one column per option: option id → column.
    public var optionColumns: [String: String]
    /// Answer codes of the export → option ids (or `yes`, `no`, `na`, `unknown`).
    public var codes: [String: String]
    /// Separator of a multi answer in one column (a space for Kobo and ODK).
    public var separator: String
    /// Columns whose text becomes the answer's comment ("other" fields, comments).
    public var commentColumns: [String]
    /// The column of a companion question saying `na` or `unknown` instead of a number (the
    /// XLSForm's `<id>_special`): when filled, it is the answer.
    public var specialColumn: String?
  }

  public var questionnaire: String
  public var version: String
  public var source: ImportSource
  /// Authority field (`id`, `name`, `country`, `population`, `type`) → column.
  public var authorityColumns: [String: String]
  /// Authority field → the same value for every row (e.g. `type: municipality`).
  public var authorityValues: [String: String]
  public var dateColumn: String?
  /// A response is complete when this column is not empty.
  public var completeColumn: String?
  public var questions: [QuestionColumns]

  static let authorityFields = ["id", "name", "country", "population", "type"]

  /// Reads a mapping file, reporting every problem with its line.
  public static func load(path: String) throws(Problems) -> ImportMapping {
    var log = ProblemLog(file: path)
    guard let root = YAMLFile.load(path: path, log: &log) else { throw Problems(log.problems) }
    var reader = YAMLReader(file: path)
    reader.log = log
    let top =
      reader.mapping(
        root, "mapping",
        allowed: ["questionnaire", "version", "from", "authority", "date", "complete", "questions"],
        required: ["questionnaire", "version", "authority", "questions"]) ?? [:]
    var mapping = ImportMapping(
      questionnaire: top["questionnaire"].flatMap { reader.string($0, "questionnaire") } ?? "",
      version: top["version"].flatMap { reader.string($0, "version") } ?? "", source: .csv,
      authorityColumns: [:],
      authorityValues: [:],
      dateColumn: top["date"].flatMap { YAMLReader.isNull($0) ? nil : reader.string($0, "date") },
      completeColumn: top["complete"].flatMap { YAMLReader.isNull($0) ? nil : reader.string($0, "complete") },
      questions: [])
    if let node = top["from"], let name = reader.string(node, "from") {
      if let source = ImportSource(rawValue: name) {
        mapping.source = source
      } else {
        reader.log.error(
          YAMLReader.line(node), "questionnaire.invalidChoice",
          [
            "in": "from", "value": name,
            "choices": ImportSource.allCases.map(\.rawValue).joined(separator: ", "),
          ])
      }
    }
    if let node = top["authority"],
      let fields = reader.mapping(node, "authority", allowed: authorityFields, required: ["id"])
    {
      for (field, value) in fields {
        if case .mapping = value,
          let constant = reader.mapping(value, "authority \(field)", allowed: ["value"], required: ["value"])
        {
          mapping.authorityValues[field] = constant["value"].flatMap {
            reader.string($0, "authority \(field) value")
          }
        } else if let column = reader.string(value, "authority \(field)") {
          mapping.authorityColumns[field] = column
        }
      }
    }
    if let node = top["questions"], case .mapping(let questions) = node {
      for (key, value) in questions {
        guard let id = reader.string(key, "questions") else { continue }
        if case .scalar = value, let column = reader.string(value, "question \(id)") {
          mapping.questions.append(
            QuestionColumns(
              questionID: id, column: column, optionColumns: [:], codes: [:], separator: " ",
              commentColumns: []))
          continue
        }
        guard
          let fields = reader.mapping(
            value, "question \(id)",
            allowed: ["column", "options", "codes", "separator", "comment", "special"])
        else { continue }
        var question = QuestionColumns(
          questionID: id, column: fields["column"].flatMap { reader.string($0, "question \(id) column") },
          optionColumns: [:],
          codes: [:],
          separator: fields["separator"].flatMap { reader.string($0, "question \(id) separator") } ?? " ",
          commentColumns: [],
          specialColumn: fields["special"].flatMap { reader.string($0, "question \(id) special") })
        for (name, target) in [
          ("options", \QuestionColumns.optionColumns), ("codes", \QuestionColumns.codes),
        ] {
          guard let node = fields[name], case .mapping(let pairs) = node else { continue }
          for (from, to) in pairs {
            if let from = reader.string(from, "question \(id) \(name)"),
              let to = reader.string(to, "question \(id) \(name)")
            {
              question[keyPath: target][from] = to
            }
          }
        }
        if let node = fields["comment"] {
          if case .sequence(let items) = node {
            question.commentColumns = items.compactMap { reader.string($0, "question \(id) comment") }
          } else if let column = reader.string(node, "question \(id) comment") {
            question.commentColumns = [column]
          }
        }
        if question.column == nil && question.optionColumns.isEmpty {
          reader.log.error(YAMLReader.line(value), "import.noColumn", ["question": id])
        }
        mapping.questions.append(question)
      }
    } else if let node = top["questions"] {
      _ = reader.mapping(node, "questions", allowed: [])
    }
    try reader.log.check()
    return mapping
  }
}
