import Foundation
import GRDB
import MaturityKit

/// The assessments of one installation, in a SQLite database (WAL mode, versioned migrations).
///
/// Every change is one transaction: two saves of different questions of the same assessment, at
/// the same time, both land.
public struct AssessmentStore: Sendable {
  /// The database file.
  public let path: String
  private let pool: DatabasePool

  /// Opens the database at `path`, creating it (and its folder) on first use and migrating an
  /// older one; a copy of an older database is kept beside it before it is migrated.
  public init(path: String) throws(StoreError) {
    self.path = path
    do {
      let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
      try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
      var configuration = Configuration()
      configuration.foreignKeysEnabled = true
      configuration.busyMode = .timeout(10)
      pool = try DatabasePool(path: path, configuration: configuration)
    } catch {
      throw .cannotOpen(path: path, reason: Self.reason(error))
    }
    try migrate()
  }

  private func migrate() throws(StoreError) {
    let migrator = StoreMigrations.migrator
    do {
      let applied = try pool.read { try migrator.appliedIdentifiers($0) }
      let unknown = applied.subtracting(StoreMigrations.identifiers)
      if !unknown.isEmpty { throw StoreError.newerSchema(path: path, migrations: unknown.sorted()) }
      let pending = StoreMigrations.identifiers.filter { !applied.contains($0) }
      if !applied.isEmpty && !pending.isEmpty {
        let backup = try DatabaseQueue(path: path + ".before-\(pending[0]).sqlite")
        try pool.backup(to: backup)
      }
      try migrator.migrate(pool)
    } catch let error as StoreError {
      throw error
    } catch {
      throw .cannotOpen(path: path, reason: Self.reason(error))
    }
  }

  /// Where the database lives by default: `$XDG_DATA_HOME/digital-maturity/assessments.sqlite`,
  /// else `~/.local/share/digital-maturity/assessments.sqlite`.
  public static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment)
    -> String
  {
    let base =
      environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
      ?? (environment["HOME"] ?? NSHomeDirectory()) + "/.local/share"
    return base + "/digital-maturity/assessments.sqlite"
  }

  // MARK: Assessments

  /// Every assessment, the newest first within each authority, authorities by name.
  public func assessments() throws(StoreError) -> [AssessmentRecord] {
    try read { db in
      try AssessmentRecord.order(
        Column("authorityName"), Column("authorityID"), Column("date").desc, Column("id").desc
      )
      .fetchAll(db)
    }
  }

  /// The assessments of one authority, the oldest first.
  public func assessments(ofAuthority authorityID: String) throws(StoreError) -> [AssessmentRecord] {
    try read { db in
      try AssessmentRecord.filter(Column("authorityID") == authorityID).order(Column("date"), Column("id"))
        .fetchAll(db)
    }
  }

  /// The assessment numbered `id`.
  public func assessment(_ id: Int64) throws(StoreError) -> AssessmentRecord {
    guard let record = try read({ db in try AssessmentRecord.fetchOne(db, key: id) }) else {
      throw .assessmentNotFound(id: id)
    }
    return record
  }

  /// The answers of assessment `id`, in the order they were first saved.
  public func answers(of id: Int64) throws(StoreError) -> [WrittenAnswer] {
    try read { db in
      try AnswerRecord.filter(Column("assessmentID") == id).order(Column("rowid")).fetchAll(db).map(\.written)
    }
  }

  /// Stores a new assessment with `answers`; returns it with its number.
  @discardableResult
  public func create(_ record: AssessmentRecord, answers: [WrittenAnswer] = []) throws(StoreError)
    -> AssessmentRecord
  {
    try create([(record, answers)])[0]
  }

  /// Stores new assessments, all or none; returns them with their numbers.
  @discardableResult
  public func create(_ items: [(record: AssessmentRecord, answers: [WrittenAnswer])]) throws(StoreError)
    -> [AssessmentRecord]
  {
    try write { db in
      try items.map { item in
        var record = item.record
        record.id = nil
        record.createdAt = Date()
        record.updatedAt = record.createdAt
        try record.insert(db)
        for answer in item.answers {
          try AnswerRecord(assessmentID: record.id!, answer, at: record.createdAt).insert(db)
        }
        return record
      }
    }
  }

  /// Replaces the header (authority, date, respondent) of an existing assessment.
  public func update(_ record: AssessmentRecord) throws(StoreError) {
    guard let id = record.id else { return }
    try write { db in
      guard var stored = try AssessmentRecord.fetchOne(db, key: id) else {
        throw StoreError.assessmentNotFound(id: id)
      }
      let created = stored.createdAt
      stored = record
      stored.createdAt = created
      stored.updatedAt = Date()
      try stored.update(db)
    }
  }

  /// Saves answers to assessment `id` and clears the questions in `cleared`, in one transaction.
  /// Answers to other questions are left as they are.
  public func save(_ answers: [WrittenAnswer], clearing cleared: [String] = [], to id: Int64)
    throws(StoreError)
  {
    try write { db in
      guard try AssessmentRecord.exists(db, key: id) else { throw StoreError.assessmentNotFound(id: id) }
      let now = Date()
      for question in cleared {
        try AnswerRecord.deleteOne(db, key: ["assessmentID": id, "questionID": question])
      }
      for answer in answers { try AnswerRecord(assessmentID: id, answer, at: now).upsert(db) }
      try db.execute(sql: "UPDATE assessment SET updatedAt = ? WHERE id = ?", arguments: [now, id])
    }
  }

  /// A copy of assessment `id` (answers included) as the start of a re-assessment, dated `date`.
  public func duplicate(_ id: Int64, date: String?) throws(StoreError) -> AssessmentRecord {
    let source = try assessment(id)
    var copy = source
    copy.basedOn = id
    copy.date = date
    return try create(copy, answers: try answers(of: id))
  }

  /// Deletes assessment `id` and its answers.
  public func delete(_ id: Int64) throws(StoreError) {
    try write { db in _ = try AssessmentRecord.deleteOne(db, key: id) }
  }

  /// Deletes every assessment of an authority, with the personal data of its respondents.
  /// Returns how many were deleted.
  @discardableResult
  public func deleteAuthority(_ authorityID: String) throws(StoreError) -> Int {
    try write { db in try AssessmentRecord.filter(Column("authorityID") == authorityID).deleteAll(db) }
  }

  // MARK: Peer sets

  /// The uploaded peer sets, newest first (without their content).
  public func peerSets() throws(StoreError) -> [(id: Int64, name: String, uploadedAt: Date, bytes: Int)] {
    try read { db in
      try Row.fetchAll(
        db, sql: "SELECT id, name, uploadedAt, length(content) AS bytes FROM peerSet ORDER BY id DESC"
      ).map {
        (id: $0["id"], name: $0["name"], uploadedAt: $0["uploadedAt"], bytes: $0["bytes"])
      }
    }
  }

  /// The uploaded peer set numbered `id`.
  public func peerSet(_ id: Int64) throws(StoreError) -> PeerSetRecord {
    guard let record = try read({ db in try PeerSetRecord.fetchOne(db, key: id) }) else {
      throw .peerSetNotFound(id: id)
    }
    return record
  }

  /// Keeps an uploaded peer CSV; returns it with its number.
  public func addPeerSet(name: String, content: Data) throws(StoreError) -> PeerSetRecord {
    try write { db in
      var record = PeerSetRecord(name: name, content: content)
      try record.insert(db)
      return record
    }
  }

  /// Deletes an uploaded peer set.
  public func deletePeerSet(_ id: Int64) throws(StoreError) {
    try write { db in _ = try PeerSetRecord.deleteOne(db, key: id) }
  }

  // MARK: Access

  private func read<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
    do { return try pool.read(body) } catch { throw mapped(error) }
  }

  private func write<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
    do { return try pool.write(body) } catch { throw mapped(error) }
  }

  private func mapped(_ error: any Error) -> StoreError {
    (error as? StoreError) ?? .failed(path: path, reason: Self.reason(error))
  }

  private static func reason(_ error: any Error) -> String {
    if let error = error as? DatabaseError { return error.message ?? "\(error.resultCode)" }
    return (error as NSError).localizedDescription
  }
}
