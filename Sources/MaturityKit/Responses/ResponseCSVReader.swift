import CSV

/// Reads a response CSV: `question_id,answer,unsure,comment,evidence`, with `@` rows for the
/// questionnaire and the authority. Other columns (the template's question texts) are ignored.
enum ResponseCSVReader {
  static func read(path: String, options: CSVReadOptions = CSVReadOptions()) throws(CSVError)
    -> ResponseDocument
  {
    var log = ProblemLog(file: path)
    var document = ResponseDocument(
      file: path, questionnaireID: "", version: "", authority: Authority(id: "", name: ""), answers: [],
      log: log)
    let reader = try CSVReader(path: path, options: options)
    var header: CSVHeader?
    var columns: (id: Int, answer: Int, unsure: Int?, comment: Int?, evidence: Int?)?
    var fields = AuthorityFields()
    var seen: [String: Int] = [:]
    var writtenDate: (text: String, line: Int)?
    do {
      try reader.forEach { record in
        guard let currentHeader = header else {
          let parsed = try CSVHeader(record, file: path)
          header = parsed
          columns = (
            try parsed.require("question_id", file: path), try parsed.require("answer", file: path),
            parsed["unsure"], parsed["comment"], parsed["evidence"]
          )
          return
        }
        _ = currentHeader
        guard let columns, let id = record.value(columns.id)?.trimmedSpaces, !id.isEmpty else { return }
        let answer = record.value(columns.answer) ?? ""
        if id.hasPrefix("@") {
          let key = String(id.dropFirst())
          switch key {
          case "questionnaire":
            document.questionnaireID = answer.trimmedSpaces
            document.questionnaireLine = record.line
          case "version":
            document.version = String(answer.trimmedSpaces.trimmingPrefix("'"))
            document.versionLine = record.line
          case "date":
            if !answer.trimmedSpaces.isEmpty { writtenDate = (answer.trimmedSpaces, record.line) }
          case "authority.id", "authority.name", "authority.country", "authority.population",
            "authority.type":
            if !answer.trimmedSpaces.isEmpty {
              fields.set(
                String(key.dropFirst("authority.".count)), answer.trimmedSpaces, line: record.line, log: &log)
            }
          case "respondent.name", "respondent.role":
            let value = answer.trimmedSpaces
            if !value.isEmpty {
              var respondent = document.respondent ?? Respondent()
              if key == "respondent.name" { respondent.name = value } else { respondent.role = value }
              document.respondent = respondent
            }
          default:
            log.warning(record.line, "response.unknownMetaRow", ["row": id])
          }
          return
        }
        if let first = seen[id] {
          log.error(record.line, "response.duplicateAnswer", ["question": id, "first": "\(first)"])
          return
        }
        seen[id] = record.line
        let unsureText = columns.unsure.flatMap { record.value($0) }?.trimmedSpaces ?? ""
        let unsureWord = document.cells.word(unsureText)
        let unsure = unsureWord == .yes || unsureText == "1"
        if !unsure && !(unsureText.isEmpty || unsureText == "0" || unsureWord == .no) {
          log.error(record.line, "response.badUnsure", ["value": unsureText])
        }
        let trimmed = answer.trimmedSpaces
        document.answers.append(
          ResponseDocument.RawAnswer(
            questionID: id, value: trimmed.isEmpty ? nil : .scalar(trimmed), unsure: unsure,
            comment: columns.comment.flatMap { record.value($0) }.flatMap { $0.isEmpty ? nil : $0 },
            evidence: columns.evidence.flatMap { record.value($0) }.flatMap {
              $0.trimmedSpaces.isEmpty ? nil : $0.trimmedSpaces
            },
            line: record.line))
      }
    } catch let error as CSVError {
      throw error
    } catch {
      throw CSVError(file: path, line: nil, kind: .unreadable(reason: "\(error)"))
    }
    if header == nil { log.error(1, "file.empty") }
    for key in ["questionnaire", "version"]
    where (key == "questionnaire" ? document.questionnaireID : document.version).isEmpty {
      log.error(nil, "response.missingMetaRow", ["row": "@\(key)"])
    }
    for _ in reader.warnings { log.warning(nil, "peers.readAsWindows1252") }
    document.cells.decimalMark = AnswerCellReader.decimalMark(
      of: document.answers.compactMap { if case .scalar(let text) = $0.value { text } else { nil } },
      semicolonDelimited: reader.delimiter == .semicolon)
    if let writtenDate {
      document.date = AuthorityFields.date(
        writtenDate.text, cells: document.cells, line: writtenDate.line, log: &log)
    }
    document.authority = fields.authority
    document.log = log
    return document
  }
}

extension String {
  /// Without leading and trailing spaces and tabs.
  var trimmedSpaces: String {
    var text = Substring(self)
    while let first = text.first, first == " " || first == "\t" { text.removeFirst() }
    while let last = text.last, last == " " || last == "\t" { text.removeLast() }
    return String(text)
  }
}
