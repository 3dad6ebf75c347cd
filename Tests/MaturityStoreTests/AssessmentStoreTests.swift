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

@Suite struct AssessmentStoreTests {
  @Test func createsSavesAndReadsBack() throws {
    let store = try AssessmentStore(path: temporaryDatabasePath())
    let record = try store.create(sampleRecord())
    let id = try #require(record.id)
    try store.save(
      [WrittenAnswer(questionID: "opn-policy", value: "adopted", unsure: true, comment: "c", evidence: "e")],
      to: id)
    try store.save([WrittenAnswer(questionID: "eco-ai-use", value: "no")], to: id)
    try store.save(
      [WrittenAnswer(questionID: "opn-policy", value: "draft")], clearing: ["eco-ai-use"], to: id)
    #expect(try store.answers(of: id) == [WrittenAnswer(questionID: "opn-policy", value: "draft")])
    #expect(try store.assessment(id).authorityName == "Villa <Test>")
    #expect(throws: StoreError.assessmentNotFound(id: 999)) { try store.save([], to: 999) }
  }

  @Test func journalIsWriteAhead() throws {
    let path = temporaryDatabasePath()
    _ = try AssessmentStore(path: path)
    let mode = try DatabaseQueue(path: path).read { try String.fetchOne($0, sql: "PRAGMA journal_mode") }
    #expect(mode == "wal")
  }

  @Test func concurrentSavesOfDifferentQuestionsBothLand() async throws {
    let store = try AssessmentStore(path: temporaryDatabasePath())
    let id = try #require(try store.create(sampleRecord()).id)
    let questions = (0..<40).map { "q\($0)" }
    try await withThrowingTaskGroup(of: Void.self) { group in
      for question in questions {
        group.addTask { try store.save([WrittenAnswer(questionID: question, value: "yes")], to: id) }
      }
      try await group.waitForAll()
    }
    #expect(Set(try store.answers(of: id).map(\.questionID)) == Set(questions))
  }

  @Test func duplicateCopiesAnswersAndDeleteAuthorityRemovesPersonalData() throws {
    let store = try AssessmentStore(path: temporaryDatabasePath())
    let first = try store.create(
      sampleRecord(), answers: [WrittenAnswer(questionID: "opn-policy", value: "draft")])
    let second = try store.duplicate(first.id!, date: "2026-10-01")
    #expect(second.basedOn == first.id)
    #expect(second.date == "2026-10-01")
    #expect(try store.answers(of: second.id!) == [WrittenAnswer(questionID: "opn-policy", value: "draft")])
    _ = try store.create(sampleRecord("FR-1"))
    #expect(try store.deleteAuthority("ES-4000") == 2)
    #expect(try store.assessments().map(\.authorityID) == ["FR-1"])
    let leftOver = try DatabaseQueue(path: store.path).read {
      try Int.fetchOne($0, sql: "SELECT count(*) FROM answer")
    }
    #expect(leftOver == 0)
    let names = try DatabaseQueue(path: store.path).read {
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
    try StoreMigrations.migrator.migrate(old, upTo: migration)
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

  @Test func migratesADatabaseOfTheFirstSchemaWithoutLosingIt() throws {
    let path = try olderDatabase(
      upTo: "v1-assessments",
      answers: """
        INSERT INTO answer (assessmentID, questionID, value, unsure, updatedAt)
        VALUES (1, 'opn-policy', 'adopted', 0, '2025-01-01 00:00:00.000');
        """)

    let store = try AssessmentStore(path: path)
    #expect(try store.assessments().map(\.authorityName) == ["Old town"])
    #expect(try store.answers(of: 1) == [WrittenAnswer(questionID: "opn-policy", value: "adopted")])
    let peers = try store.addPeerSet(name: "p.csv", content: Data("a,b\n".utf8))
    #expect(try store.peerSet(peers.id!).content == Data("a,b\n".utf8))
    let backup = path + ".before-v2-peer-sets.sqlite"
    #expect(FileManager.default.fileExists(atPath: backup))
    let kept = try DatabaseQueue(path: backup).read {
      try String.fetchAll($0, sql: "SELECT authorityName FROM assessment")
    }
    #expect(kept == ["Old town"])
  }

  @Test func keepsNotesWithoutAnAnswer() throws {
    let store = try AssessmentStore(path: temporaryDatabasePath())
    let id = try #require(try store.create(sampleRecord()).id)
    let note = WrittenAnswer(questionID: "opn-policy", value: nil, unsure: true, comment: "Ask legal")
    try store.save([note], to: id)
    #expect(try store.answers(of: id) == [note])
    let response = try StoreTransfer.response(
      try store.assessment(id), store, questionnaire: try defaultQuestionnaire())
    #expect(response.answer("opn-policy")?.comment == "Ask legal")
    #expect(response.value("opn-policy") == nil)
    let files = try StoreTransfer.responseFiles(store, questionnaires: { _, _ in try defaultQuestionnaire() })
    #expect(files[0].yaml.contains("  opn-policy:\n    unsure: true\n    comment: \"Ask legal\"\n"))
  }

  @Test func migratesAnswersOfTheSecondSchemaKeepingTheirOrder() throws {
    let path = try olderDatabase(
      upTo: "v2-peer-sets",
      answers: """
        INSERT INTO answer (assessmentID, questionID, value, unsure, comment, updatedAt)
        VALUES (1, 'opn-policy', 'adopted', 1, 'kept', '2025-01-01 00:00:00.000'),
               (1, 'eco-needs', 'list', 0, NULL, '2025-01-01 00:00:00.000');
        """)
    let store = try AssessmentStore(path: path)
    #expect(
      try store.answers(of: 1) == [
        WrittenAnswer(questionID: "opn-policy", value: "adopted", unsure: true, comment: "kept"),
        WrittenAnswer(questionID: "eco-needs", value: "list"),
      ])
    try store.save([WrittenAnswer(questionID: "eco-needs", value: nil, comment: "note")], to: 1)
    #expect(
      try store.answers(of: 1).last == WrittenAnswer(questionID: "eco-needs", value: nil, comment: "note"))
    #expect(FileManager.default.fileExists(atPath: path + ".before-v3-notes-without-answers.sqlite"))
    try store.delete(1)
    #expect(try store.answers(of: 1).isEmpty)
  }

  @Test func refusesADatabaseOfANewerVersion() throws {
    let path = temporaryDatabasePath()
    _ = try AssessmentStore(path: path)
    try DatabaseQueue(path: path).write { db in
      try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v9-future')")
    }
    #expect(throws: StoreError.newerSchema(path: path, migrations: ["v9-future"])) {
      try AssessmentStore(path: path)
    }
  }

  @Test func defaultPathFollowsXDG() {
    #expect(
      AssessmentStore.defaultPath(environment: ["XDG_DATA_HOME": "/data", "HOME": "/home/a"])
        == "/data/digital-maturity/assessments.sqlite")
    #expect(
      AssessmentStore.defaultPath(environment: ["HOME": "/home/a"])
        == "/home/a/.local/share/digital-maturity/assessments.sqlite")
  }

  @Test func exportsAndImportsEveryAssessmentAsResponseFiles() throws {
    let questionnaire = try defaultQuestionnaire()
    let lookup: StoreTransfer.QuestionnaireLookup = { _, _ in questionnaire }
    let source = try AssessmentStore(path: temporaryDatabasePath())
    let example = try ResponseLoader.load(
      path: Repository.path("Examples/responses/mid-size-city-2026.response.yaml"),
      questionnaire: questionnaire
    ).response
    try source.create(AssessmentRecord(example), answers: example.answers.map(WrittenAnswer.init))
    try source.create(
      sampleRecord(),
      answers: [WrittenAnswer(questionID: "opn-policy", value: "none", comment: "é \"q\"\nline")])
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("export-\(UUID())").path
    let files = try StoreTransfer.export(source, to: folder, questionnaires: lookup)
    #expect(files.count == 2)

    let target = try AssessmentStore(path: temporaryDatabasePath())
    let imported = try StoreTransfer.importFolder(folder, into: target, questionnaires: lookup)
    #expect(imported.count == 2)
    for record in try source.assessments() {
      let copy = try #require(try target.assessments().first { $0.authorityID == record.authorityID })
      #expect(
        try StoreTransfer.response(copy, target, questionnaire: questionnaire).answers.map(WrittenAnswer.init)
          == StoreTransfer.response(record, source, questionnaire: questionnaire).answers.map(
            WrittenAnswer.init))
      #expect(copy.respondentName == record.respondentName)
    }
    let scored = Scorer.score(
      try StoreTransfer.response(
        try target.assessments().first { $0.authorityID == example.authority.id }!, target,
        questionnaire: questionnaire), with: questionnaire)
    #expect(scored.overall == Scorer.score(example, with: questionnaire).overall)
  }

  @Test func importIsAllOrNothing() throws {
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
    let store = try AssessmentStore(path: temporaryDatabasePath())
    #expect(throws: Problems.self) {
      try StoreTransfer.importFolder(folder, into: store, questionnaires: { _, _ in questionnaire })
    }
    #expect(try store.assessments().isEmpty)
  }
}
