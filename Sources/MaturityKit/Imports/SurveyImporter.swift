import CSV
import Foundation
import InterfaceText

/// Turns survey-tool exports into responses through a mapping: one response per authority (the
/// newest complete one, or all of an authority's rows merged), every problem with the export's
/// line and column.
public struct SurveyImporter: Sendable {
  public let mapping: ImportMapping
  public let questionnaire: Questionnaire
  /// Leave out responses the export marks incomplete.
  public var completeOnly = false
  /// Merge an authority's several responses (newest answer wins) instead of keeping the newest.
  public var merge = false

  public init(mapping: ImportMapping, questionnaire: Questionnaire) {
    self.mapping = mapping
    self.questionnaire = questionnaire
  }

  public struct Result: Sendable {
    /// One response per authority, in the order first seen.
    public var responses: [Response]
    /// Warnings (several responses of one authority, unmapped columns, incomplete rows left out).
    public var warnings: [Problem]
  }

  struct Row {
    var response: Response
    var complete: Bool
    var line: Int
  }

  /// Reads every export; throws ``Problems`` with every error when any row is bad.
  public func run(_ exports: [String], csv: CSVReadOptions = CSVReadOptions()) throws -> Result {
    var problems: [Problem] = []
    var rows: [Row] = []
    for export in exports {
      let read = try readExport(export, csv: csv)
      problems += read.problems
      rows += read.rows
    }
    var log = ProblemLog(file: exports.first ?? "")
    log.append(contentsOf: problems)
    try log.check()
    var byAuthority: [String: [Row]] = [:]
    var order: [String] = []
    for row in rows where !completeOnly || row.complete {
      let id = row.response.authority.id
      if byAuthority[id] == nil { order.append(id) }
      byAuthority[id, default: []].append(row)
    }
    var warnings = problems
    for row in rows where completeOnly && !row.complete {
      warnings.append(
        Problem(.warning, SourceLocation(file: row.response.file, line: row.line), "import.incompleteSkipped")
      )
    }
    var responses: [Response] = []
    for id in order {
      let candidates = byAuthority[id]!
      // Newest first: complete before incomplete, then the latest date, then the latest row.
      let sorted = candidates.sorted { a, b in
        (a.complete ? 1 : 0, a.response.date ?? "", a.line) > (
          b.complete ? 1 : 0, b.response.date ?? "", b.line
        )
      }
      var chosen = sorted[0].response
      if candidates.count > 1 {
        warnings.append(
          Problem(
            .warning, SourceLocation(file: chosen.file, line: sorted[0].line),
            merge ? "import.severalMerged" : "import.severalNewest",
            ["authority": id, "lines": candidates.map { "\($0.line)" }.joined(separator: ", ")]))
        if merge {
          for older in sorted.dropFirst() {
            for answer in older.response.answers where chosen.answer(answer.questionID) == nil {
              chosen.answers.append(answer)
            }
          }
        }
      }
      responses.append(chosen)
    }
    return Result(responses: responses, warnings: warnings.filter { $0.severity == .warning })
  }

  /// The export's columns the date and completeness are read from: the mapping's, or the first
  /// of the tool's names the export has.
  struct StatusColumns {
    var date: String?
    var complete: String?
  }

  private func readExport(_ path: String, csv: CSVReadOptions) throws -> (rows: [Row], problems: [Problem]) {
    let reader = try CSVReader(path: path, options: csv)
    var log = ProblemLog(file: path)
    for _ in reader.warnings { log.warning(nil, "peers.readAsWindows1252") }
    var header: ExportHeader?
    var status = StatusColumns()
    var headerLine = 1
    var rows: [Row] = []
    var isRepeatFile = false
    try reader.forEach { record in
      guard !isRepeatFile else { return }
      guard let currentHeader = header else {
        let parsed = ExportHeader(names: record.strings().map(FormulaGuard.unguarded))
        header = parsed
        headerLine = record.line
        // An ODK Central repeat group's file: its rows belong to the main file's submissions.
        if parsed["PARENT_KEY"] != nil {
          isRepeatFile = true
          log.warning(record.line, "import.repeatFileIgnored")
          return
        }
        status = StatusColumns(
          date: mapping.dateColumn ?? mapping.source.dateColumns.first { parsed[$0] != nil },
          complete: mapping.completeColumn ?? mapping.source.completionColumns.first { parsed[$0] != nil })
        checkColumns(parsed, status: status, line: record.line, log: &log)
        return
      }
      if let reason = notData(record, header: currentHeader, headerLine: headerLine) {
        log.warning(record.line, reason)
        return
      }
      if let row = read(record, header: currentHeader, status: status, file: path, log: &log) {
        rows.append(row)
      }
    }
    if header == nil { log.error(1, "file.empty") }
    return (rows, log.problems)
  }

  /// The message code saying why a record is not a submission (a repeated header, the question
  /// texts or the `{"ImportId":…}` row of a Qualtrics export), or nil when it is one.
  private func notData(_ record: CSVRecord, header: ExportHeader, headerLine: Int) -> String? {
    let cells = record.strings().map { $0.trimmingCharacters(in: .whitespaces) }
    if record.line <= headerLine + mapping.source.textRows { return "import.skippedTextRow" }
    if cells.contains(where: { $0.hasPrefix("{\"ImportId\"") }) { return "import.skippedImportIDRow" }
    let filled = zip(cells, header.names).filter { !$0.0.isEmpty }
    if !filled.isEmpty && filled.filter({ $0.0.lowercased() == $0.1.lowercased() }).count * 2 > filled.count {
      return "import.skippedHeaderRow"
    }
    return nil
  }

  /// Mapped columns missing from the export, or named twice in it, are errors; export columns
  /// nobody maps are warnings, except a tool's one column per option of a mapped multiple choice.
  private func checkColumns(_ header: ExportHeader, status: StatusColumns, line: Int, log: inout ProblemLog) {
    var used = Set(mapping.authorityColumns.values)
    used.formUnion([status.date, status.complete].compactMap { $0 })
    var multiColumns: [String] = []
    for question in mapping.questions {
      used.formUnion(
        [question.column, question.specialColumn].compactMap { $0 } + question.optionColumns.values
          + question.commentColumns)
      if let column = question.column, questionnaire.question(question.questionID)?.type == .multi {
        multiColumns.append(column.lowercased())
      }
    }
    for column in used.sorted() {
      if header[column] == nil {
        log.error(line, "import.missingColumn", ["column": column])
      } else if header.isRepeated(column) {
        log.error(line, "import.ambiguousColumn", ["column": column])
      }
    }
    let usedKeys = Set(used.map { $0.lowercased() })
    for (index, name) in header.names.enumerated()
    where !usedKeys.contains(name.lowercased()) && !Self.isMetadata(name) {
      let lowered = name.lowercased()
      if multiColumns.contains(where: { lowered.hasPrefix($0 + "/") || lowered.hasPrefix($0 + " [") }) {
        continue
      }
      log.warning(line, "import.unmappedColumn", ["column": name, "position": "\(index + 1)"])
    }
  }

  /// Columns survey tools add on their own (ids, timings, device data): not answers.
  static func isMetadata(_ name: String) -> Bool {
    let lowered = name.lowercased()
    let known = [
      "id", "submitdate", "lastpage", "startlanguage", "seed", "startdate", "datestamp", "ipaddr", "refurl",
      "token",
      "start", "end", "today", "deviceid", "username", "instanceid", "submissiondate", "key", "submitterid",
      "submittername",
      "attachmentsexpected", "attachmentspresent", "status", "reviewstate", "edits", "formversion",
      "meta/instanceid",
      "response id", "date submitted", "last page", "start language", "date started", "date last action",
      "responseid", "recordeddate", "enddate", "finished", "progress", "duration (in seconds)", "ipaddress",
      "recipientlastname", "recipientfirstname", "recipientemail", "externalreference", "locationlatitude",
      "locationlongitude", "distributionchannel", "userlanguage",
    ]
    return lowered.hasPrefix("_") || known.contains(lowered) || lowered.hasPrefix("meta/")
      || lowered.hasPrefix("meta-")
  }

  static let ticked: Set<String> = ["1", "y", "yes", "true", "x", "checked", "oui", "sí", "si", "ja"]
  static let unticked: Set<String> = ["0", "n", "no", "false", "non"]

  private func read(
    _ record: CSVRecord, header: ExportHeader, status: StatusColumns, file: String, log: inout ProblemLog
  ) -> Row? {
    func cell(_ column: String?) -> String? {
      guard let column, let index = header[column],
        let value = record.value(index)?.trimmingCharacters(in: .whitespaces),
        !value.isEmpty
      else { return nil }
      return value
    }
    var fields = AuthorityFields()
    var local = ProblemLog(file: file)
    for field in ImportMapping.authorityFields {
      if let value = mapping.authorityValues[field] ?? cell(mapping.authorityColumns[field]) {
        // A kind of authority may be written as a form's label or a LimeSurvey code.
        fields.set(
          field, field == "type" ? AuthorityQuestions.kind(value) ?? value : value, line: record.line,
          log: &local)
      }
    }
    let date = cell(status.date).map { String($0.prefix(10)) }
    let complete =
      status.complete.map { column in cell(column).map { !Self.unticked.contains($0.lowercased()) } ?? false }
      ?? true
    var answers: [ResponseDocument.RawAnswer] = []
    for question in mapping.questions {
      var value: ResponseDocument.RawValue?
      if let special = cell(question.specialColumn) {
        value = .scalar(question.codes[special] ?? special)
      } else if !question.optionColumns.isEmpty {
        var ids: [String] = []
        var explicit = false
        for (option, column) in question.optionColumns.sorted(by: { $0.key < $1.key }) {
          guard let text = cell(column)?.lowercased() else { continue }
          if Self.ticked.contains(text) {
            ids.append(option)
          } else if Self.unticked.contains(text) {
            explicit = true
          } else {
            local.error(record.line, "import.badTick", ["column": column, "value": text])
          }
        }
        // "Not applicable" or "don't know" ticked as a column of its own (LimeSurvey).
        if ids.count == 1, ["na", "unknown"].contains(ids[0]),
          questionnaire.question(question.questionID)?.option(ids[0]) == nil
        {
          value = .scalar(ids[0])
        } else if !ids.isEmpty || explicit {
          value = .list(ids)
        }
      } else if let text = cell(question.column), let target = questionnaire.question(question.questionID) {
        value = Self.value(text, of: target, codes: question.codes, separator: question.separator)
      }
      let comments = question.commentColumns.compactMap { cell($0) }
      guard value != nil || !comments.isEmpty else { continue }
      answers.append(
        ResponseDocument.RawAnswer(
          questionID: question.questionID, value: value, unsure: false,
          comment: comments.isEmpty ? nil : comments.joined(separator: "; "),
          evidence: nil, line: record.line))
    }
    if fields.authority.id.isEmpty { local.error(record.line, "response.missingAuthorityID") }
    let document = ResponseDocument(
      file: file, questionnaireID: mapping.questionnaire, version: mapping.version,
      authority: fields.authority, date: date,
      respondent: nil, answers: answers, log: local)
    do {
      let interpreted = try ResponseInterpreter.interpret(document, with: questionnaire)
      log.append(contentsOf: interpreted.warnings.map { located($0, header) })
      return Row(response: interpreted.response, complete: complete, line: record.line)
    } catch {
      log.append(contentsOf: error.all.map { located($0, header) })
      return nil
    }
  }

  /// A cell's answer as written, for ``ResponseInterpreter`` to read exactly as `validate` reads a
  /// response file: a whole cell that is `na`, `unknown` or one option (by code, id or label in
  /// any language) is one value; otherwise a multiple choice is split at `separator`.
  static func value(_ text: String, of question: Question, codes: [String: String], separator: String)
    -> ResponseDocument.RawValue
  {
    let whole = codes[text] ?? text
    guard question.type == .multi else { return .scalar(whole) }
    let cells = AnswerCellReader()
    if cells.option(whole, of: question) != nil { return .list([whole]) }
    if cells.word(whole) == .notApplicable || cells.word(whole) == .unknown { return .scalar(whole) }
    let parts = text.split(separator: Character(separator.isEmpty ? " " : separator)).map {
      String($0).trimmingCharacters(in: .whitespaces)
    }
    return .list(parts.filter { !$0.isEmpty }.map { codes[$0] ?? $0 })
  }

  /// Adds the export column of the question a problem is about, as its column number.
  private func located(_ problem: Problem, _ header: ExportHeader) -> Problem {
    var problem = problem
    guard let id = problem.arguments["question"],
      let mapped = mapping.questions.first(where: { $0.questionID == id }),
      let column = mapped.column ?? mapped.optionColumns.values.sorted().first, let index = header[column]
    else { return problem }
    problem.location.column = index + 1
    problem.arguments["column"] = column
    return problem
  }
}
