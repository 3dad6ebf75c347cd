import Foundation
import GRDB
import MaturityKit
import TestSupport
import Testing

@testable import MaturityStore

/// A fresh database file in a folder of its own.
func temporaryDatabasePath() -> String {
  FileManager.default.temporaryDirectory.appendingPathComponent("store-\(UUID())").appendingPathComponent(
    "a.sqlite"
  ).path
}

func defaultQuestionnaire() throws -> Questionnaire {
  try QuestionnaireLocator(folders: [Repository.path("Questionnaires")]).load("ai-data-readiness")
    .questionnaire
}

func sampleRecord(_ authority: String = "ES-4000", date: String = "2025-10-01") -> AssessmentRecord {
  AssessmentRecord(
    questionnaireID: "ai-data-readiness", questionnaireVersion: "2026.1", authorityID: authority,
    authorityName: "Villa <Test>", country: "ES", population: 4000, authorityType: "municipality", date: date,
    respondentName: "Ana", respondentRole: "Digital officer")
}

/// A new, empty store on `database`.
func newStore(_ database: TestDatabase) async throws -> Store {
  try await Store.open(try await database.newLocation())
}

/// The store's operations, on every database (see ``TestDatabase``).
@Suite struct StoreTests {
  @Test func postgresHalfRuns() throws {
    if TestDatabase.postgresServer == nil {
      // Outside CI the PostgreSQL half may be skipped, and says why; CI must run it.
      if ProcessInfo.processInfo.environment["CI"] != nil {
        Issue.record("\(TestDatabase.postgresSkipReason)")
      }
      print(TestDatabase.postgresSkipReason)
    }
  }

  @Test(arguments: TestDatabase.available) func createsSavesAndReadsBack(_ database: TestDatabase)
    async throws
  {
    let store = try await newStore(database)
    let record = try await store.create(sampleRecord())
    let id = try #require(record.id)
    try await store.save(
      [WrittenAnswer(questionID: "opn-policy", value: "adopted", unsure: true, comment: "c", evidence: "e")],
      to: id)
    try await store.save([WrittenAnswer(questionID: "eco-ai-use", value: "no")], to: id)
    try await store.save(
      [WrittenAnswer(questionID: "opn-policy", value: "draft")], clearing: ["eco-ai-use"], to: id)
    #expect(try await store.answers(of: id) == [WrittenAnswer(questionID: "opn-policy", value: "draft")])
    let stored = try await store.assessment(id)
    #expect(stored.authorityName == "Villa <Test>")
    #expect(stored.population == 4000 && stored.status == .draft && stored.networkID == nil)
    #expect(abs(stored.createdAt.timeIntervalSince(record.createdAt)) < 0.002)
    await #expect(throws: StoreError.assessmentNotFound(id: 999)) { try await store.save([], to: 999) }
    var changed = stored
    changed.authorityName = "Villa Nueva"
    changed.date = nil
    try await store.update(changed)
    #expect(try await store.assessment(id).authorityName == "Villa Nueva")
    #expect(try await store.assessment(id).date == nil)
    await store.close()
  }

  @Test(arguments: TestDatabase.available)
  func concurrentSavesOfDifferentQuestionsBothLand(_ database: TestDatabase) async throws {
    let store = try await newStore(database)
    let id = try await #require(try store.create(sampleRecord()).id)
    let questions = (0..<40).map { "q\($0)" }
    try await withThrowingTaskGroup(of: Void.self) { group in
      for question in questions {
        group.addTask { try await store.save([WrittenAnswer(questionID: question, value: "yes")], to: id) }
      }
      try await group.waitForAll()
    }
    await #expect(Set(try store.answers(of: id).map(\.questionID)) == Set(questions))
    await store.close()
  }

  @Test(arguments: TestDatabase.available)
  func duplicateCopiesAnswersAndDeleteAuthorityRemovesEverything(_ database: TestDatabase) async throws {
    let store = try await newStore(database)
    let first = try await store.create(
      sampleRecord(), answers: [WrittenAnswer(questionID: "opn-policy", value: "draft")])
    let second = try await store.duplicate(first.id!, date: "2026-10-01")
    #expect(second.basedOn == first.id)
    #expect(second.date == "2026-10-01")
    #expect(
      try await store.answers(of: second.id!) == [WrittenAnswer(questionID: "opn-policy", value: "draft")])
    _ = try await store.create(sampleRecord("FR-1"))
    #expect(try await store.deleteAuthority("ES-4000") == 2)
    #expect(try await store.assessments().map(\.authorityID) == ["FR-1"])
    #expect(try await store.answers(of: first.id!).isEmpty)
    #expect(try await store.answers(of: second.id!).isEmpty)
    await store.close()
  }

  @Test(arguments: TestDatabase.available) func keepsNotesWithoutAnAnswer(_ database: TestDatabase)
    async throws
  {
    let store = try await newStore(database)
    let id = try await #require(try store.create(sampleRecord()).id)
    let note = WrittenAnswer(questionID: "opn-policy", value: nil, unsure: true, comment: "Ask legal")
    try await store.save([note], to: id)
    #expect(try await store.answers(of: id) == [note])
    let response = try await StoreTransfer.response(
      try await store.assessment(id), store, questionnaire: try defaultQuestionnaire())
    #expect(response.answer("opn-policy")?.comment == "Ask legal")
    #expect(response.value("opn-policy") == nil)
    let files = try await StoreTransfer.responseFiles(
      store, questionnaires: { _, _ in try defaultQuestionnaire() })
    #expect(files[0].yaml.contains("  opn-policy:\n    unsure: true\n    comment: \"Ask legal\"\n"))
    await store.close()
  }

  @Test(arguments: TestDatabase.available) func keepsTheOrderAnswersWereFirstSaved(_ database: TestDatabase)
    async throws
  {
    let store = try await newStore(database)
    let id = try await #require(try store.create(sampleRecord()).id)
    for question in ["b", "a", "c"] {
      try await store.save([WrittenAnswer(questionID: question, value: "1")], to: id)
    }
    try await store.save([WrittenAnswer(questionID: "a", value: "2")], to: id)
    #expect(try await store.answers(of: id).map(\.questionID) == ["b", "a", "c"])
    try await store.delete(id)
    #expect(try await store.answers(of: id).isEmpty)
    await #expect(throws: StoreError.assessmentNotFound(id: id)) { try await store.assessment(id) }
    await store.close()
  }

  @Test(arguments: TestDatabase.available) func keepsUploadedPeerSetsByteForByte(_ database: TestDatabase)
    async throws
  {
    let store = try await newStore(database)
    let bytes = Data([0xEF, 0xBB, 0xBF] + Array("id,name\n1,é\n".utf8) + [0x00, 0xFF])
    let first = try await store.addPeerSet(name: "a.csv", content: bytes)
    let second = try await store.addPeerSet(name: "b.csv", content: Data())
    #expect(try await store.peerSet(first.id).content == bytes)
    #expect(try await store.peerSets().map(\.name) == ["b.csv", "a.csv"])
    #expect(try await store.peerSets().map(\.bytes) == [0, bytes.count])
    try await store.deletePeerSet(second.id)
    await #expect(throws: StoreError.peerSetNotFound(id: second.id)) { try await store.peerSet(second.id) }
    await store.close()
  }

  @Test(arguments: TestDatabase.available)
  func exportsAndImportsEveryAssessmentAsResponseFiles(_ database: TestDatabase) async throws {
    let questionnaire = try defaultQuestionnaire()
    let lookup: StoreTransfer.QuestionnaireLookup = { _, _ in questionnaire }
    let source = try await newStore(database)
    let example = try ResponseLoader.load(
      path: Repository.path("Examples/responses/mid-size-city-2026.response.yaml"),
      questionnaire: questionnaire
    ).response
    try await source.create(AssessmentRecord(example), answers: example.answers.map(WrittenAnswer.init))
    try await source.create(
      sampleRecord(),
      answers: [WrittenAnswer(questionID: "opn-policy", value: "none", comment: "é \"q\"\nline")])
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("export-\(UUID())").path
    let files = try await StoreTransfer.export(source, to: folder, questionnaires: lookup)
    #expect(files.count == 2)

    let target = try await newStore(database)
    let imported = try await StoreTransfer.importFolder(folder, into: target, questionnaires: lookup)
    #expect(imported.count == 2)
    for record in try await source.assessments() {
      let copy = try #require(try await target.assessments().first { $0.authorityID == record.authorityID })
      let copied = try await StoreTransfer.response(copy, target, questionnaire: questionnaire)
      let original = try await StoreTransfer.response(record, source, questionnaire: questionnaire)
      #expect(copied.answers.map(WrittenAnswer.init) == original.answers.map(WrittenAnswer.init))
      #expect(copy.respondentName == record.respondentName)
    }
    let copy = try #require(try await target.assessments().first { $0.authorityID == example.authority.id })
    let scored = Scorer.score(
      try await StoreTransfer.response(copy, target, questionnaire: questionnaire), with: questionnaire)
    #expect(scored.overall == Scorer.score(example, with: questionnaire).overall)
    await source.close()
    await target.close()
  }

  @Test(arguments: TestDatabase.available) func importIsAllOrNothing(_ database: TestDatabase) async throws {
    let questionnaire = try defaultQuestionnaire()
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("import-\(UUID())").path
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    try FileManager.default.copyItem(
      atPath: Repository.path("Examples/responses/region.response.yaml"), toPath: folder + "/a.response.yaml"
    )
    try Data(
      "questionnaire: ai-data-readiness\nversion: \"2025.1\"\nauthority: {id: X, name: X}\nanswers:\n  opn-policy: maybe\n"
        .utf8
    )
    .write(to: URL(fileURLWithPath: folder + "/b.response.yaml"))
    let store = try await newStore(database)
    await #expect(throws: Problems.self) {
      try await StoreTransfer.importFolder(folder, into: store, questionnaires: { _, _ in questionnaire })
    }
    #expect(try await store.assessments().isEmpty)
    await store.close()
  }
}

/// What only a SQLite file has: its journal, its migrations from older files, its default place.
@Suite struct SQLiteFileTests {
  @Test func journalIsWriteAhead() throws {
    let path = temporaryDatabasePath()
    _ = try Store(path: path)
    let mode = try DatabaseQueue(path: path).read { try String.fetchOne($0, sql: "PRAGMA journal_mode") }
    #expect(mode == "wal")
  }

  @Test func deletingAnAuthorityLeavesNoAnswerInTheFile() async throws {
    let path = temporaryDatabasePath()
    let store = try Store(path: path)
    try await store.create(sampleRecord(), answers: [WrittenAnswer(questionID: "opn-policy", value: "draft")])
    try await store.create(sampleRecord("FR-1"))
    try await store.deleteAuthority("ES-4000")
    let leftOver = try await DatabaseQueue(path: path).read {
      try Int.fetchOne($0, sql: "SELECT count(*) FROM answer")
    }
    #expect(leftOver == 0)
    let names = try await DatabaseQueue(path: path).read {
      try String.fetchAll($0, sql: "SELECT respondentName FROM assessment WHERE respondentName IS NOT NULL")
    }
    #expect(names == ["Ana"])  // FR-1's own respondent only
  }

  /// A database of an older schema (migrated up to `migration`) holding one assessment, with
  /// the answers that `answers` (SQL) inserts.
  func olderDatabase(upTo migration: String, answers: String) throws -> String {
    let path = temporaryDatabasePath()
    try FileManager.default.createDirectory(
      atPath: URL(fileURLWithPath: path).deletingLastPathComponent().path, withIntermediateDirectories: true)
    let old = try DatabaseQueue(path: path)
    try StoreMigrations.sqlite.migrate(old, upTo: migration)
    try old.write { db in
      try db.execute(
        sql: """
          INSERT INTO assessment (questionnaireID, questionnaireVersion, authorityID, authorityName, createdAt, updatedAt)
          VALUES ('ai-data-readiness', '2025.1', 'OLD-1', 'Old town', '2025-01-01 00:00:00.000', '2025-01-01 00:00:00.000');
          """ + answers)
    }
    try old.close()
    return path
  }

  @Test func migratesADatabaseOfTheFirstSchemaWithoutLosingIt() async throws {
    let path = try olderDatabase(
      upTo: "v1-assessments",
      answers: """
        INSERT INTO answer (assessmentID, questionID, value, unsure, updatedAt)
        VALUES (1, 'opn-policy', 'adopted', 0, '2025-01-01 00:00:00.000');
        """)

    let store = try Store(path: path)
    #expect(try await store.assessments().map(\.authorityName) == ["Old town"])
    #expect(try await store.assessments()[0].status == .draft)
    #expect(try await store.answers(of: 1) == [WrittenAnswer(questionID: "opn-policy", value: "adopted")])
    let peers = try await store.addPeerSet(name: "p.csv", content: Data("a,b\n".utf8))
    #expect(try await store.peerSet(peers.id).content == Data("a,b\n".utf8))
    let backup = path + ".before-v2-peer-sets.sqlite"
    #expect(FileManager.default.fileExists(atPath: backup))
    let kept = try await DatabaseQueue(path: backup).read {
      try String.fetchAll($0, sql: "SELECT authorityName FROM assessment")
    }
    #expect(kept == ["Old town"])
  }

  @Test func migratesAnswersOfTheSecondSchemaKeepingTheirOrder() async throws {
    let path = try olderDatabase(
      upTo: "v2-peer-sets",
      answers: """
        INSERT INTO answer (assessmentID, questionID, value, unsure, comment, updatedAt)
        VALUES (1, 'opn-policy', 'adopted', 1, 'kept', '2025-01-01 00:00:00.000'),
               (1, 'eco-needs', 'list', 0, NULL, '2025-01-01 00:00:00.000');
        """)
    let store = try Store(path: path)
    #expect(
      try await store.answers(of: 1) == [
        WrittenAnswer(questionID: "opn-policy", value: "adopted", unsure: true, comment: "kept"),
        WrittenAnswer(questionID: "eco-needs", value: "list"),
      ])
    try await store.save([WrittenAnswer(questionID: "eco-needs", value: nil, comment: "note")], to: 1)
    #expect(
      try await store.answers(of: 1).last
        == WrittenAnswer(questionID: "eco-needs", value: nil, comment: "note"))
    #expect(FileManager.default.fileExists(atPath: path + ".before-v3-notes-without-answers.sqlite"))
    #expect(
      try await store.assessment(1).createdAt == ISO8601DateFormatter().date(from: "2025-01-01T00:00:00Z"))
  }

  @Test func refusesADatabaseOfANewerVersion() throws {
    let path = temporaryDatabasePath()
    _ = try Store(path: path)
    try DatabaseQueue(path: path).write { db in
      try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v9-future')")
    }
    #expect(throws: StoreError.newerSchema(path: path, migrations: ["v9-future"])) {
      try Store(path: path)
    }
  }

  @Test func defaultPathFollowsXDG() {
    #expect(
      Store.defaultPath(environment: ["XDG_DATA_HOME": "/data", "HOME": "/home/a"])
        == "/data/digital-maturity/assessments.sqlite")
    #expect(
      Store.defaultPath(environment: ["HOME": "/home/a"])
        == "/home/a/.local/share/digital-maturity/assessments.sqlite")
  }

  @Test(arguments: TestDatabase.available)
  func schemaStatusSaysWhetherTheDatabaseIsThisBuilds(_ database: TestDatabase) async throws {
    let store = try await newStore(database)
    #expect(try await store.schemaStatus() == SchemaStatus(pending: [], unknown: []))
    // A newer build's migration: this build is not ready for that database.
    let table =
      store.dialect == .postgres ? "schemaMigration (identifier, appliedAt)" : "grdb_migrations (identifier)"
    let values = store.dialect == .postgres ? "(?, CURRENT_TIMESTAMP)" : "(?)"
    try await store.write { try $0.execute("INSERT INTO \(table) VALUES \(values)", [.text("v9-future")]) }
    let status = try await store.schemaStatus()
    #expect(status.unknown == ["v9-future"] && !status.isCurrent)
    await store.close()
  }

  @Test(arguments: TestDatabase.available) func activeSessionsAreThoseUsedLately(_ database: TestDatabase)
    async throws
  {
    let store = try await newStore(database)
    let account = try await store.addAccount(email: "a@example.eu", passwordHash: "x")
    let now = Date()
    try await store.openSession(
      digest: "old", accountID: account.id, idleLimit: 7200, at: now.addingTimeInterval(-3600))
    try await store.openSession(digest: "new", accountID: account.id, idleLimit: 7200, at: now)
    #expect(try await store.activeSessionCount(idleLimit: 1800, at: now) == 1)
    #expect(try await store.activeSessionCount(idleLimit: 7200, at: now) == 2)
    await store.close()
  }
}
