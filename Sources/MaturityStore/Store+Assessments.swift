import Foundation
import MaturityKit

extension Store {
  /// Every assessment, the newest first within each authority, authorities by name.
  public func assessments() async throws -> [AssessmentRecord] {
    try await read { session in
      try session.query(
        "SELECT \(AssessmentRecord.columns) FROM assessment ORDER BY authorityName, authorityID, date DESC, id DESC",
        []
      ).map(AssessmentRecord.init)
    }
  }

  /// The assessments of one authority, the oldest first.
  public func assessments(ofAuthority authorityID: String) async throws -> [AssessmentRecord] {
    try await read { session in
      try session.query(
        "SELECT \(AssessmentRecord.columns) FROM assessment WHERE authorityID = ? ORDER BY date, id",
        [.text(authorityID)]
      ).map(AssessmentRecord.init)
    }
  }

  /// The assessment numbered `id`.
  public func assessment(_ id: Int64) async throws -> AssessmentRecord {
    try await read { session in try Self.assessment(id, session) }
  }

  static func assessment(_ id: Int64, _ session: any SQLSession) throws -> AssessmentRecord {
    guard
      let row = try session.queryOne(
        "SELECT \(AssessmentRecord.columns) FROM assessment WHERE id = ?", [.integer(id)])
    else { throw StoreError.assessmentNotFound(id: id) }
    return try AssessmentRecord(row)
  }

  /// The answers of assessment `id`, in the order they were first saved.
  public func answers(of id: Int64) async throws -> [WrittenAnswer] {
    let dialect = dialect
    return try await read { session in try Self.answers(of: id, dialect: dialect, session) }
  }

  static func answers(of id: Int64, dialect: StoreMigrations.Dialect, _ session: any SQLSession) throws
    -> [WrittenAnswer]
  {
    // The order answers were first saved in: SQLite's row id, PostgreSQL's position column.
    let order = dialect == .sqlite ? "rowid" : "position"
    return try session.query(
      "SELECT questionID, value, unsure, comment, evidence FROM answer WHERE assessmentID = ? ORDER BY \(order)",
      [.integer(id)]
    ).map(WrittenAnswer.init)
  }

  /// Stores a new assessment with `answers`; returns it with its number.
  @discardableResult
  public func create(_ record: AssessmentRecord, answers: [WrittenAnswer] = []) async throws
    -> AssessmentRecord
  {
    try await create([(record, answers)])[0]
  }

  /// Stores new assessments, all or none; returns them with their numbers.
  @discardableResult
  public func create(_ items: [(record: AssessmentRecord, answers: [WrittenAnswer])]) async throws
    -> [AssessmentRecord]
  {
    try await write { session in try items.map { try Self.insert($0.record, answers: $0.answers, session) } }
  }

  static func insert(_ record: AssessmentRecord, answers: [WrittenAnswer], _ session: any SQLSession) throws
    -> AssessmentRecord
  {
    var record = record
    record.createdAt = Date()
    record.updatedAt = record.createdAt
    let columns = AssessmentRecord.columns.replacingOccurrences(of: "id, ", with: "", options: .anchored)
    let marks = Array(repeating: "?", count: record.values.count).joined(separator: ", ")
    let row = try session.queryOne(
      "INSERT INTO assessment (\(columns)) VALUES (\(marks)) RETURNING id", record.values)
    record.id = try row?.int64("id")
    for answer in answers { try upsert(answer, to: record.id!, at: record.createdAt, session) }
    return record
  }

  /// Replaces the header (authority, date, respondent) of an existing assessment.
  public func update(_ record: AssessmentRecord) async throws {
    guard let id = record.id else { return }
    try await write { session in
      try Self.checkChangeable(try Self.assessment(id, session), session)
      let changed = try session.execute(
        """
        UPDATE assessment SET questionnaireID = ?, questionnaireVersion = ?, authorityID = ?,
          authorityName = ?, country = ?, population = ?, authorityType = ?, date = ?, respondentName = ?,
          respondentRole = ?, basedOn = ?, updatedAt = ? WHERE id = ?
        """,
        Array(record.values.prefix(11)) + [.date(Date()), .integer(id)])
      if changed == 0 { throw StoreError.assessmentNotFound(id: id) }
    }
  }

  /// Saves answers to assessment `id` and clears the questions in `cleared`, in one transaction.
  /// Answers to other questions are left as they are. `author` (an email on the network server)
  /// is kept with each answer saved.
  public func save(
    _ answers: [WrittenAnswer], clearing cleared: [String] = [], to id: Int64, by author: String? = nil
  )
    async throws
  {
    try await write { session in
      try Self.checkChangeable(try Self.assessment(id, session), session)
      let now = Date()
      try session.execute("UPDATE assessment SET updatedAt = ? WHERE id = ?", [.date(now), .integer(id)])
      for question in cleared {
        try session.execute(
          "DELETE FROM answer WHERE assessmentID = ? AND questionID = ?", [.integer(id), .text(question)])
      }
      for answer in answers { try Self.upsert(answer, to: id, at: now, by: author, session) }
    }
  }

  /// Who last saved each answer of assessment `id`, where the server knows it.
  public func answerAuthors(of id: Int64) async throws -> [String: String] {
    try await read { session in
      Dictionary(
        uniqueKeysWithValues: try session.query(
          "SELECT questionID, updatedBy FROM answer WHERE assessmentID = ? AND updatedBy IS NOT NULL",
          [.integer(id)]
        ).map { (try $0.string("questionID"), try $0.string("updatedBy")) })
    }
  }

  private static func upsert(
    _ answer: WrittenAnswer, to id: Int64, at date: Date, by author: String? = nil, _ session: any SQLSession
  ) throws {
    try session.execute(
      """
      INSERT INTO answer (assessmentID, questionID, value, unsure, comment, evidence, updatedAt, updatedBy)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (assessmentID, questionID) DO UPDATE SET value = excluded.value,
        unsure = excluded.unsure, comment = excluded.comment, evidence = excluded.evidence,
        updatedAt = excluded.updatedAt, updatedBy = excluded.updatedBy
      """,
      [
        .integer(id), .text(answer.questionID), .optional(answer.value), .bool(answer.unsure),
        .optional(answer.comment), .optional(answer.evidence), .date(date), .optional(author),
      ])
  }

  /// A copy of assessment `id` (answers included) as the start of a re-assessment, dated `date`.
  public func duplicate(_ id: Int64, date: String?) async throws -> AssessmentRecord {
    let source = try await assessment(id)
    var copy = source
    copy.basedOn = id
    copy.date = date
    copy.status = .draft
    copy.submittedAt = nil
    return try await create(copy, answers: try await answers(of: id))
  }

  /// Deletes assessment `id` and its answers.
  public func delete(_ id: Int64) async throws {
    try await write { session in
      try Self.checkChangeable(try Self.assessment(id, session), session)
      try session.execute("DELETE FROM assessment WHERE id = ?", [.integer(id)])
    }
  }

  /// Refuses a change to a submitted assessment, or to one of a campaign that is not open.
  static func checkChangeable(_ record: AssessmentRecord, _ session: any SQLSession) throws {
    if record.status == .submitted { throw NetworkError.assessmentLocked(id: record.id ?? 0) }
    try checkOpen(record, on: ISODate.today, session)
  }

  /// Deletes every assessment of an authority, with the personal data of its respondents, and
  /// its place in networks. Returns how many assessments were deleted.
  @discardableResult
  public func deleteAuthority(_ authorityID: String) async throws -> Int {
    try await write { session in
      try session.execute("DELETE FROM networkAuthority WHERE authorityID = ?", [.text(authorityID)])
      return try session.execute("DELETE FROM assessment WHERE authorityID = ?", [.text(authorityID)])
    }
  }
}
