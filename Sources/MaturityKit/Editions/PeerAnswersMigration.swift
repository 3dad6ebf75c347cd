import CSV
import Foundation
import InterfaceText

/// Carries a peer answers file over to a later edition: each authority-year's answers go through
/// the migrations as a response's would, and are written as an answers file of the later
/// edition, to be read and rescored like any other.
public enum PeerAnswersMigration {
  /// Writes `path`'s answers, carried over by `migration` from edition `source`, to `output`
  /// (atomically). Throws ``Problems`` naming each row whose question or answer `source` does
  /// not know: such a file is no more usable carried over than as it is.
  public static func carry(
    _ path: String, through migration: ResponseMigration, source: Questionnaire, options: CSVReadOptions,
    to output: String
  ) throws {
    guard let target = migration.target else { return }
    let texts = TextCatalogue(language: .english)
    var log = ProblemLog(file: path)
    var columns: Columns?
    var writer = CSVWriter(guardsFormulas: false)
    var group: (key: [String], first: [String], answers: [Answer])?
    // Written as it goes (a peer set can hold millions of rows), renamed into place at the end.
    let partial = output + ".partial"
    guard FileManager.default.createFile(atPath: partial, contents: nil),
      let file = FileHandle(forWritingAtPath: partial)
    else { throw OutputError.cannotWrite(path: output, reason: String(cString: strerror(errno))) }
    defer {
      try? file.close()
      try? FileManager.default.removeItem(atPath: partial)
    }

    func flush() {
      guard let open = group, let columns else { return }
      let response = Response(
        questionnaireID: source.id, version: source.version, authority: Authority(id: open.key[0], name: ""),
        answers: open.answers)
      for answer in migration.migrate(response, texts: texts).response.answers {
        guard let value = answer.value else { continue }
        var row = open.first
        row[columns.question] = answer.questionID
        row[columns.answer] = value.formatted
        row[columns.questionnaire] = target.id
        row[columns.version] = target.version
        writer.write(row)
      }
      if writer.bytes.count > 1 << 20 { file.write(Data(writer.take())) }
    }

    try CSVReader(path: path, options: options).forEach { record in
      let fields = (0..<record.count).map { record.value($0) ?? "" }
      guard let known = columns else {
        let found = Columns(header: fields)
        columns = found
        writer.write(found.names)
        return
      }
      let row = fields + Array(repeating: "", count: max(0, known.names.count - fields.count))
      let key = [row[known.authority], row[known.year]]
      if group?.key != key {
        flush()
        group = (key, row, [])
      }
      let questionID = row[known.question].trimmingCharacters(in: .whitespaces)
      let text = row[known.answer].trimmingCharacters(in: .whitespaces)
      guard !text.isEmpty else { return }
      guard let question = source.question(questionID) else {
        log.error(record.line, "peers.unknownQuestion", ["question": questionID])
        return
      }
      do {
        let value = try ResponseLoader.value(text, for: question, file: path)
        group?.answers.append(Answer(questionID: questionID, value: value))
      } catch let problems as Problems {
        for problem in problems.all { log.error(record.line, problem.code, problem.arguments) }
      }
    }
    flush()
    try log.check()
    file.write(Data(writer.take()))
    try file.close()
    guard rename(partial, output) == 0 else {
      throw OutputError.cannotWrite(path: output, reason: String(cString: strerror(errno)))
    }
  }

  /// Where the key columns are, with `questionnaire` and `version` added when missing.
  private struct Columns {
    var names: [String]
    var authority = 0, year = 0, question = 0, answer = 0, questionnaire = 0, version = 0

    init(header: [String]) {
      names = header
      func index(_ name: String) -> Int {
        if let found = names.firstIndex(where: {
          $0.trimmingCharacters(in: .whitespaces).lowercased() == name
        }) {
          return found
        }
        names.append(name)
        return names.count - 1
      }
      authority = index("authority_id")
      year = index("year")
      question = index("question_id")
      answer = index("answer")
      questionnaire = index("questionnaire")
      version = index("version")
    }
  }
}
