import Foundation
import InterfaceText
import TestSupport
import Testing

@testable import MaturityKit

/// `ai-data-readiness` 2025.1 → 2026.1 on every response of edition 2025.1 the project holds:
/// the two examples that stay on 2025.1 and the 2025.1 versions of the other two, kept as
/// fixtures. Expected answers and credits are read off the migration file and the 2026.1
/// options by hand.
@Suite("ai-data-readiness 2025.1 → 2026.1 on the example responses")
struct EditionMigrationOfExamplesTests {
  let locator = QuestionnaireLocator(folders: [Repository.path("Questionnaires")])

  static let responses = [
    "Examples/responses/mid-size-city.response.yaml", "Examples/responses/mid-size-city-2023.response.yaml",
    "Tests/Fixtures/responses/edition-2025.1/small-municipality.response.yaml",
    "Tests/Fixtures/responses/edition-2025.1/region.response.yaml",
  ]

  func migrated(_ path: String) throws -> (before: Response, after: MigratedResponse, card: Scorecard) {
    let earlier = try locator.load(id: "ai-data-readiness", version: "2025.1", for: path)
    let before = try ResponseLoader.load(
      path: Repository.path(path), questionnaire: earlier
    )
    .response
    let migration = try locator.migration(of: "ai-data-readiness", from: "2025.1", to: "2026.1")
    let after = migration.migrate(before, texts: TextCatalogue(language: .english))
    return (before, after, Scorer.score(after.response, with: migration.target!))
  }

  @Test("the migration file is valid against both editions and accounts for every question")
  func migrationIsValid() throws {
    let loaded = try EditionMigrationLoader.load(
      path: Repository.root.appendingPathComponent(
        "Questionnaires/ai-data-readiness/migrations/2025.1-to-2026.1.yaml"
      ).path)
    let sources = loaded.migration.changes.flatMap(\.sources)
    let targets = loaded.migration.changes.flatMap(\.targets)
    #expect(
      Set(sources) == Set(loaded.source.questions.map(\.id)) && sources.count == loaded.source.questions.count
    )
    #expect(
      Set(targets) == Set(loaded.target.questions.map(\.id)) && targets.count == loaded.target.questions.count
    )
  }

  @Test(
    "unchanged questions keep their answers, marks and comments; the result is a valid 2026.1 response",
    arguments: responses)
  func unchangedKept(path: String) throws {
    let (before, after, card) = try migrated(path)
    let migration = try locator.migration(of: "ai-data-readiness", from: "2025.1", to: "2026.1")
    for change in migration.steps[0].migration.changes where change.kind == .same {
      let id = change.sources[0]
      let old = before.answer(id)
      let new = after.response.answer(id)
      #expect(old?.value == new?.value && old?.unsure == new?.unsure && old?.comment == new?.comment, "\(id)")
    }
    // Written out and read back, the migrated response is a valid response of 2026.1.
    let yaml = ResponseYAMLWriter.yaml(after.response, questionnaire: migration.target!)
    let reread = try ResponseLoader.load(yaml: yaml, file: "migrated.yaml", questionnaire: migration.target!)
    #expect(Scorer.score(reread.response, with: migration.target!) == card)
    #expect(after.newQuestions.count == 7)
  }

  @Test("Valdoria: each mapped answer keeps its meaning, at the credit the 2026.1 option gives")
  func region() throws {
    let (_, after, card) = try migrated("Tests/Fixtures/responses/edition-2025.1/region.response.yaml")
    let answers = after.response
    // opn-demand "monitored" (asks for needs and follows use) is both halves of the split.
    #expect(answers.answer("opn-demand-ask")?.value == .option("requests"))
    #expect(answers.answer("opn-demand-use")?.value == .option("guides"))
    #expect(card.question("opn-demand-ask").credit == 0.67 && card.question("opn-demand-use").credit == 1)
    // sus-footprint: the ticked practices stay ticked; the AI item was not ticked, so the new
    // AI-footprint question stays blank rather than invented.
    #expect(
      answers.answer("sus-footprint")?.value
        == .options(["green-procurement", "device-lifetime", "efficient-hosting"]))
    #expect(answers.answer("sus-ai-footprint") == nil)
    #expect(card.question("sus-footprint").credit == 0.75)
    // eth-automated "no" (no decision without a person checking) is the "checked" stage.
    #expect(answers.answer("eth-automated")?.value == .option("checked"))
    #expect(card.question("eth-automated").credit == 0.33)
    #expect(answers.answer("eth-literacy")?.value == .option("trained"))
    #expect(card.question("eth-literacy").credit == 0.67)
    #expect(answers.answer("eco-procurement")?.value == .option("ai-clauses"))
    #expect(card.question("eco-procurement").credit == 0.75)
    // eth-registration "no" has no 2026.1 counterpart: not carried, but its comment is kept.
    #expect(answers.answer("eth-registration")?.value == nil)
    #expect(
      answers.answer("eth-registration")?.comment?.hasPrefix("Registration file being prepared") == true)
    #expect(
      Set(after.notCarried.map(\.questionID)) == [
        "eco-skills", "sus-horizon", "eth-registration", "eth-principles",
      ])
    #expect(after.notCarried.first { $0.questionID == "eth-registration" }?.reason == .optionNotMapped("no"))
  }

  @Test(
    "Sierra Alta: unsure marks and comments travel with mapped answers; a 'no' with no counterpart is not carried"
  )
  func smallMunicipality() throws {
    let (_, after, card) = try migrated(
      "Tests/Fixtures/responses/edition-2025.1/small-municipality.response.yaml")
    let procurement = try #require(after.response.answer("eco-procurement"))
    #expect(procurement.value == .option("none") && procurement.unsure)
    #expect(
      procurement.comment?.hasPrefix("Carried over from edition 2025.1: eco-procurement = none.") == true)
    #expect(procurement.comment?.contains("lo negoció la diputación") == true)
    #expect(after.response.answer("opn-demand-ask")?.value == .option("occasional"))
    #expect(card.question("opn-demand-ask").credit == 0.33)
    #expect(after.response.answer("eth-dpia")?.value == .option("sometimes"))
    #expect(after.response.answer("eth-literacy") == nil)
    #expect(Set(after.notCarried.map(\.questionID)) == ["eco-skills", "sus-horizon", "eth-literacy"])
  }

  @Test("Montaval 2025: 'don't know' carried where 2026.1 allows it; T0 → T1 across editions")
  func midSizeCity() throws {
    let (_, after, card) = try migrated("Examples/responses/mid-size-city.response.yaml")
    #expect(after.response.answer("eth-automated")?.value == .unknown)
    #expect(after.response.answer("eth-dpia")?.value == .option("systematic"))
    #expect(card.question("eth-dpia").credit == 0.67)
    #expect(after.response.answer("opn-demand-ask")?.value == .option("requests"))
    #expect(Set(after.notCarried.map(\.questionID)) == ["eco-skills", "sus-horizon", "eth-principles"])
    // The 2026 assessment, made on 2026.1, against the carried-over 2025 one.
    let edition = try locator.load(id: "ai-data-readiness", version: "2026.1", for: "r")
    let now = try ResponseLoader.load(
      path: Repository.path("Examples/responses/mid-size-city-2026.response.yaml"),
      questionnaire: edition
    ).response
    #expect(Scorer.score(now, with: edition).overall.score! > card.overall.score!)
  }
}

@Suite("Legal duties that concern only some authorities (appliesWhen)")
struct LegalDutyConditionTests {
  func baseline(_ answers: String) throws -> [String: LegalDutyStatus.Status] {
    let folder = Repository.path("Questionnaires")
    let questionnaire = try QuestionnaireLocator(folders: [folder]).load("ai-data-readiness").questionnaire
    let card = try Fixtures.score(answers, questionnaire: questionnaire)
    var statuses: [String: LegalDutyStatus.Status] = [:]
    for duty in card.legalBaseline { statuses["\(duty.questionID)/\(duty.optionID ?? "")"] = duty.status }
    return statuses
  }

  @Test("a high-value data duty applies only to data the authority holds; the AI duties only to AI users")
  func conditions() throws {
    let none = try baseline("  opn-hvd-held: [statistics]\n  opn-hvd: [geospatial]\n  eco-ai-use: none")
    #expect(none["opn-hvd/geospatial"] == .notApplicable && none["opn-hvd/mobility"] == .notApplicable)
    #expect(none["opn-hvd/statistics"] == .notMet)
    #expect(none["eth-literacy/trained"] == .notApplicable && none["eth-registration/"] == .notApplicable)
    let user = try baseline(
      "  eco-ai-use: pilot\n  eth-high-risk: not-checked\n  eth-literacy: trained\n  eth-registration: none")
    #expect(user["eth-literacy/trained"] == .met && user["eth-registration/"] == .notMet)
    let checked = try baseline("  eco-ai-use: pilot\n  eth-high-risk: no-high-risk")
    #expect(
      checked["eth-registration/"] == .notApplicable && checked["eth-oversight/documented"] == .notApplicable)
  }

  @Test("an appliesWhen naming an unknown question is reported at its line")
  func unknownQuestion() throws {
    let text = try String(contentsOfFile: Fixtures.testQuestionnairePath, encoding: .utf8)
      .replacingOccurrences(
        of: "          appliesFrom: 2025-01-01\n",
        with:
          "          appliesFrom: 2025-01-01\n          appliesWhen: \"selected(pratices, 'catalogue')\"\n")
    #expect(text.contains("appliesWhen"))
    let messages: [String]
    do {
      _ = try QuestionnaireLoader.load(yaml: text, file: "q.yaml")
      messages = []
    } catch {
      messages = error.all.map(\.description)
    }
    #expect(
      messages.contains { $0.hasPrefix("q.yaml:139:") && $0.contains("did you mean 'practices'") },
      "\(messages)")
  }
}
