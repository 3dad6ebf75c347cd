import Foundation
import InterfaceText
import Testing

@testable import MaturityKit

@Suite("Editions of a questionnaire and migrations between them")
struct EditionTests {
  /// `Tests/Fixtures/editions`: test-assessment 2.0, with 1.0 in `editions/` and a migration.
  let locator = QuestionnaireLocator(folders: [Fixtures.path("editions")])
  let texts = TextCatalogue(language: .english)

  func workedExample(version: String = "1.0") throws -> Response {
    let questionnaire = try locator.load(
      id: "test-assessment", version: version, for: "worked-example.response.yaml")
    return try ResponseLoader.load(
      path: Fixtures.path("responses/worked-example.response.yaml"), questionnaire: questionnaire
    ).response
  }

  @Test("a response's version finds its edition: the current file or editions/<version>.yaml")
  func editionsByVersion() throws {
    #expect(try locator.load(id: "test-assessment", version: "2.0", for: "r").version == "2.0")
    let earlier = try locator.load(id: "test-assessment", version: "1.0", for: "r")
    #expect(earlier.version == "1.0" && earlier.question("ai-share") != nil)
    #expect(locator.editions(of: "test-assessment") == ["1.0", "2.0"])
    #expect(throws: Problems.self) { try locator.load(id: "test-assessment", version: "../1.0", for: "r") }
    do {
      _ = try locator.load(id: "test-assessment", version: "3.0", for: "r.yaml", line: 2)
      Issue.record("edition 3.0 was found")
    } catch let problems as Problems {
      #expect(
        problems.all.map(\.description) == [
          "r.yaml:2: the response is for test-assessment 3.0, an edition of the questionnaire that is not here (editions found: 1.0, 2.0); check the version, or add the edition to the questionnaire's editions folder"
        ])
    }
  }

  @Test("the worked example carried to 2.0: each kind of change, checked answer by answer")
  func migrateWorkedExample() throws {
    let migration = try locator.migration(of: "test-assessment", from: "1.0", to: "2.0")
    let migrated = migration.migrate(try workedExample(), texts: texts)
    let answers = Dictionary(uniqueKeysWithValues: migrated.response.answers.map { ($0.questionID, $0) })
    #expect(migrated.response.version == "2.0" && migrated.from == "1.0")
    // same: kept with its marks and comment, no note added
    #expect(answers["strategy"]?.value == .option("draft") && answers["strategy"]?.unsure == true)
    #expect(answers["strategy"]?.comment == "Approved by the council in spring?")
    // options: paper-forms "no" (forms are not only on paper) is forms "online"
    #expect(answers["forms"]?.value == .option("online"))
    #expect(answers["forms"]?.comment == "Carried over from edition 1.0: paper-forms = no.")
    // renamed: "don't know" carried (the new question allows it)
    #expect(answers["data-owner"]?.value == .unknown)
    // split: catalogue ticked → has-catalogue yes; the rest stay ticked
    #expect(answers["has-catalogue"]?.value == .boolean(true))
    #expect(answers["practices"]?.value == .options(["quality", "training"]))
    // merged: ai-register "na" carried, regional-hub unanswered
    #expect(answers["ai-openness"]?.value == .notApplicable)
    // dropped and new
    #expect(answers["ai-share"] == nil && answers["backups"] == nil)
    #expect(migrated.newQuestions == ["backups"])
    #expect(
      migrated.notCarried == [
        UncarriedAnswer(
          questionID: "ai-share", value: .number(40),
          reason: .dropped(
            LocalizedText([
              "en": "the share of services using AI is no longer asked",
              "fr": "la part des services utilisant l'IA n'est plus demandée",
              "es": "ya no se pregunta la parte de servicios que usan IA",
            ])))
      ])
    #expect(migrated.mapped == ["forms", "data-owner", "has-catalogue", "practices", "ai-openness"])
  }

  @Test("the migrated worked example scores as computed by hand on 2.0")
  func migratedScores() throws {
    let migration = try locator.migration(of: "test-assessment", from: "1.0", to: "2.0")
    let migrated = migration.migrate(try workedExample(), texts: texts)
    let card = Scorer.score(migrated.response, with: migration.target!)
    // governance: strategy 0.5×40 + forms 1×5 + data-owner unknown 0×10 + has-catalogue 1×10
    //   + practices (0.5 + 0.5)×10 = 45 of 75 → 60
    #expect(close(card.dimension("governance").score, 60))
    // data: uses-ai 1×10 + ai-openness n/a (zero) 0×5 + backups blank 0×5 = 10 of 20 → 50
    #expect(close(card.dimension("data").score, 50))
    // overall: (2 × 60 + 1 × 50) / 3
    #expect(close(card.overall.score, 170.0 / 3))
  }

  @Test("merged: the lowest credit wins; an unmapped option is reported, not invented")
  func mergedAndUnmapped() throws {
    let migration = try locator.migration(of: "test-assessment", from: "1.0", to: "2.0")
    var response = try workedExample()
    response.answers = [
      Answer(questionID: "ai-register", value: .option("published")),
      Answer(questionID: "regional-hub", value: .boolean(false)),
      Answer(questionID: "owner", value: .option("it")),
    ]
    let migrated = migration.migrate(response, texts: texts)
    #expect(migrated.response.answer("ai-openness")?.value == .option("partly"))
    #expect(migrated.response.answer("data-owner")?.value == .option("it"))
    #expect(migrated.notCarried.isEmpty)
  }

  @Test("a migration file's mistakes, each at its line")
  func migrationProblems() throws {
    let earlier = try locator.load(id: "test-assessment", version: "1.0", for: "r")
    let later = try locator.load(id: "test-assessment", version: "2.0", for: "r")
    let yaml = """
      questionnaire: test-assessment
      from: "1.0"
      to: "2.0"
      questions:
        - {from: strategy, change: same}
        - {from: strategy, change: same}
        - {from: paper-form, change: dropped, reason: {en: x, fr: x, es: x}}
        - {from: owner, change: renamed, to: forms}
        - {from: practices, change: options, to: practices, options: {catalogue: nothing}}
        - {from: staff, change: moved}
        - {from: [datasets, notes], change: split, to: [uses-ai]}
        - {to: backups, change: new, reason: {en: x, fr: x, es: x}}

      """
    do {
      _ = try EditionMigrationLoader.load(yaml: yaml, file: "m.yaml", source: earlier, target: later)
      Issue.record("a broken migration was accepted")
    } catch let problems as Problems {
      #expect(
        problems.all.map(\.description) == [
          "m.yaml:5: these questions of edition 1.0 are not in the migration (give each one a change, 'dropped' if it has no counterpart): paper-forms, datasets, notes, uses-ai, ai-share, staff, ai-register, regional-hub",
          "m.yaml:5: these questions of edition 2.0 come from nowhere in the migration (mark each 'new' if it has no earlier counterpart): data-owner, has-catalogue, datasets, notes, uses-ai, staff, ai-openness, backups",
          "m.yaml:6: question 'strategy' of edition 1.0 already has a change (line 5); each question takes exactly one",
          "m.yaml:7: edition 1.0 has no question 'paper-form'; did you mean 'paper-forms'?",
          "m.yaml:8: 'owner' cannot be kept as 'forms': the answers differ (single [cdo, it, nobody] before, scale [paper, mixed, online] after); map them with change 'options'",
          "m.yaml:9: 'nothing' is not an option of 'practices'; its options: quality, training",
          "m.yaml:10: unknown change 'moved'; use one of: same, renamed, options, split, merged, dropped, new",
          "m.yaml:11: change 'split' takes one question in 'from' and a list of at least two in 'to'",
          "m.yaml:12: 'reason' does not go with change 'new'",
        ])
    }
  }

  @Test("no migration leads backwards")
  func noMigration() throws {
    #expect(throws: EditionError.noMigration(questionnaire: "test-assessment", from: "2.0", to: "1.0")) {
      try locator.migration(of: "test-assessment", from: "2.0", to: "1.0")
    }
  }

  @Test(
    "a peer answers file of 1.0 carried over to 2.0 and rescored: the worked example's hand-computed scores")
  func peerAnswersCarried() throws {
    let source = try Fixtures.temporaryFile(
      """
      authority_id,country,population,type,year,question_id,answer,questionnaire,version
      ES-TEST-1,ES,4000,municipality,2025,strategy,draft,test-assessment,1.0
      ES-TEST-1,ES,4000,municipality,2025,paper-forms,no,test-assessment,1.0
      ES-TEST-1,ES,4000,municipality,2025,owner,unknown,test-assessment,1.0
      ES-TEST-1,ES,4000,municipality,2025,practices,catalogue|quality|training,test-assessment,1.0
      ES-TEST-1,ES,4000,municipality,2025,datasets,12,test-assessment,1.0
      ES-TEST-1,ES,4000,municipality,2025,uses-ai,yes,test-assessment,1.0
      ES-TEST-1,ES,4000,municipality,2025,ai-share,40,test-assessment,1.0
      ES-TEST-1,ES,4000,municipality,2025,ai-register,na,test-assessment,1.0
      ES-TEST-2,ES,9000,municipality,2025,strategy,adopted,test-assessment,1.0
      ES-TEST-2,ES,9000,municipality,2025,paper-forms,yes,test-assessment,1.0

      """, name: "peers-1.0.csv")
    let migration = try locator.migration(of: "test-assessment", from: "1.0", to: "2.0")
    let carried = source + ".carried.csv"
    try PeerAnswersMigration.carry(
      source, through: migration,
      source: try locator.load(id: "test-assessment", version: "1.0", for: source),
      options: .init(), to: carried)
    let rows = try String(contentsOfFile: carried, encoding: .utf8).split(separator: "\r\n").map(String.init)
    #expect(
      rows.first == "authority_id,country,population,type,year,question_id,answer,questionnaire,version")
    #expect(rows.contains("ES-TEST-1,ES,4000,municipality,2025,has-catalogue,yes,test-assessment,2.0"))
    #expect(
      rows.contains("ES-TEST-1,ES,4000,municipality,2025,practices,quality|training,test-assessment,2.0"))
    #expect(rows.contains("ES-TEST-2,ES,9000,municipality,2025,forms,paper,test-assessment,2.0"))
    #expect(!rows.contains { $0.contains("ai-share") || $0.contains(",1.0") })
    let (peers, _) = try PeerSetReader.read([carried], questionnaire: migration.target!)
    let first = try #require(peers.authorities.firstIndex { $0.id == "ES-TEST-1" })
    // As the migrated worked example: governance 60 (strategy unsure or not, same score), data 50.
    #expect(close(peers.score(first, 0), 60) && close(peers.score(first, 1), 50))
    #expect(close(peers.score(first, 2), 170.0 / 3))
  }
}
