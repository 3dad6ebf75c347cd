import Foundation
import InterfaceText
import Testing

@testable import MaturityKit

@Suite("Responses")
struct ResponseTests {
  func problems(_ answers: String, header: String? = nil) throws -> [Problem] {
    let questionnaire = try Fixtures.testQuestionnaire()
    let yaml =
      (header ?? "questionnaire: test-assessment\nversion: \"1.0\"\nauthority: {id: T-1, name: Test}\n")
      + "answers:\n"
      + answers
    do {
      return try ResponseLoader.load(yaml: yaml, file: "r.yaml", questionnaire: questionnaire).warnings
    } catch {
      return error.all
    }
  }

  @Test("every problem of a response is reported with its line")
  func allProblemsWithLines() throws {
    let found = try problems(
      """
        strategy: adoptd
        paper-forms: maybe
        owner: na
        practices: [catalogue, nothing]
        datasets: many
        ai-share: 140
        uses-ai: unknown
        colour: blue
        strategy-x: 1
      """)
    let byLine = Dictionary(grouping: found, by: { $0.location.line ?? 0 }).mapValues { $0.map(\.code) }
    #expect(byLine[5] == ["response.unknownOptionSuggestion"])
    #expect(byLine[6] == ["response.expectedYesNo"])
    #expect(byLine[7] == nil)  // owner allows na (exclude)
    #expect(byLine[8] == ["response.unknownOption"])
    #expect(byLine[9] == ["response.expectedNumber"])
    #expect(byLine[10] == ["response.percentRange"])
    #expect(byLine[11] == ["response.unknownNotAllowed"])
    #expect(byLine[12] == ["response.unknownQuestion"])
    #expect(byLine[13] == ["response.unknownQuestionSuggestion"])
  }

  @Test("na where the question allows none")
  func naNotAllowed() throws {
    #expect(try problems("  paper-forms: na\n").map(\.code) == ["response.naNotAllowed"])
  }

  @Test("a response for another questionnaire or version names both")
  func mismatch() throws {
    let found = try problems(
      "  strategy: draft\n",
      header: "questionnaire: test-assessment\nversion: \"0.9\"\nauthority: {id: T, name: T}\n")
    #expect(found.count == 1)
    #expect(found[0].code == "response.questionnaireMismatch")
    #expect(found[0].location.line == 2)
    let message = found[0].report(TextCatalogue(language: .english))
    #expect(message.contains("test-assessment 0.9") && message.contains("test-assessment 1.0"))
  }

  @Test("answer forms: short and long, YAML booleans, lists, comments and evidence")
  func answerForms() throws {
    let questionnaire = try Fixtures.testQuestionnaire()
    let yaml = """
      questionnaire: test-assessment
      version: "1.0"
      authority: {id: ES-1, name: "Villa", country: ES, population: 4000, type: municipality}
      date: 2025-10-15
      answers:
        paper-forms: false
        uses-ai: yes
        practices: {value: [quality], unsure: true, comment: "only some", evidence: "https://example.org"}
        ai-share: 30.5
        notes: "free text: with a colon"
      """
    let response = try ResponseLoader.load(yaml: yaml, file: "r.yaml", questionnaire: questionnaire).response
    #expect(response.answer("paper-forms")?.value == .boolean(false))
    #expect(response.answer("uses-ai")?.value == .boolean(true))
    #expect(response.answer("practices")?.value == .options(["quality"]))
    #expect(response.answer("practices")?.unsure == true)
    #expect(response.answer("practices")?.comment == "only some")
    #expect(response.answer("practices")?.evidence == "https://example.org")
    #expect(response.answer("ai-share")?.value == .number(30.5))
    #expect(response.answer("notes")?.value == .text("free text: with a colon"))
    #expect(
      response.authority
        == Authority(id: "ES-1", name: "Villa", country: "ES", population: 4000, type: .municipality))
    #expect(response.date == "2025-10-15")
  }

  @Test("a multi answer of thousands of ids: each unknown id once, at most five, in linear time")
  func hugeMultiAnswer() throws {
    let ids = (0..<100_000).map { "zz\($0 % 7)" } + (0..<100_000).map { "x\($0)" }
    let found = try problems("  practices: \"\(ids.joined(separator: "|"))\"\n")
    #expect(found.map(\.code) == Array(repeating: "response.unknownOption", count: 5))
    #expect(found.map { $0.arguments["value"] } == ["zz0", "zz1", "zz2", "zz3", "zz4"])
    let questionnaire = try Fixtures.testQuestionnaire()
    let ticked = Array(repeating: "quality|catalogue", count: 100_000).joined(separator: "|")
    let yaml = """
      questionnaire: test-assessment
      version: "1.0"
      authority: {id: T-1, name: Test}
      answers:
        practices: "\(ticked)"
      """
    let response = try ResponseLoader.load(yaml: yaml, file: "r.yaml", questionnaire: questionnaire).response
    #expect(response.answer("practices")?.value == .options(["quality", "catalogue"]))
  }

  @Test("bad authority fields are reported with their lines")
  func authorityFields() throws {
    let header = """
      questionnaire: test-assessment
      version: "1.0"
      date: mid-October
      authority:
        id: X
        name: Y
        country: spain
        population: lots
        type: city

      """
    let codes = try problems("  strategy: draft\n", header: header).map {
      "\($0.location.line ?? 0) \($0.code)"
    }
    #expect(
      codes == [
        "3 response.badDate", "7 response.badCountry", "8 response.badPopulation",
        "9 response.badAuthorityType",
      ])
  }

  @Test("a response CSV in a French Excel dialect reads like the YAML response")
  func csvResponse() throws {
    let questionnaire = try Fixtures.testQuestionnaire()
    let csv =
      "\u{FEFF}question_id;answer;unsure;comment;evidence;question\r\n@questionnaire;test-assessment;;;;\r\n@version;1.0;;;;\r\n"
      + "@authority.id;ES-TEST-1;;;;\r\n@authority.name;Villa de Prueba;;;;\r\n@authority.country;ES;;;;\r\n"
      + "@authority.population;4000;;;;\r\n@authority.type;municipality;;;;\r\n@date;2025-10-15;;;;\r\n"
      + "strategy;draft;yes;\"Approved by the council\nin spring?\";;Is there…\r\npaper-forms;no;;;;\r\nowner;unknown;;;;\r\n"
      + "practices;catalogue|quality|training;;;;\r\ndatasets;12;;;;\r\nnotes;'=not a formula;;;;\r\nuses-ai;yes;;;;\r\n"
      + "ai-share;40,0;;;https://example.org/ai-report;\r\nstaff;2;;;;\r\nai-register;na;;;;\r\n"
    let path = try Fixtures.temporaryFile(csv, name: "answers.csv")
    let response = try ResponseLoader.load(path: path, questionnaire: questionnaire).response
    #expect(response.answer("notes")?.value == .text("=not a formula"))
    #expect(response.answer("strategy")?.unsure == true)
    #expect(response.answer("strategy")?.line == 10)
    #expect(response.answer("paper-forms")?.line == 12)
    let fromCSV = Scorer.score(response, with: questionnaire)
    let fromYAML = Scorer.score(
      try ResponseLoader.load(
        path: Fixtures.path("responses/worked-example.response.yaml"), questionnaire: questionnaire
      ).response,
      with: questionnaire)
    #expect(fromCSV.overall == fromYAML.overall)
    #expect(fromCSV.dimensions.map(\.totals) == fromYAML.dimensions.map(\.totals))
  }

  @Test("CSV problems name the spreadsheet line")
  func csvProblems() throws {
    let questionnaire = try Fixtures.testQuestionnaire()
    let csv =
      "question_id,answer\n@questionnaire,test-assessment\n@version,1.0\n@authority.id,X\nstrategy,maybe\nstrategy,draft\n"
    let path = try Fixtures.temporaryFile(csv, name: "bad.csv")
    #expect(throws: Problems.self) { try ResponseLoader.load(path: path, questionnaire: questionnaire) }
    do {
      _ = try ResponseLoader.load(path: path, questionnaire: questionnaire)
    } catch let error as Problems {
      #expect(
        error.all.map { "\($0.location.line ?? 0) \($0.code)" } == [
          "5 response.unknownOption", "6 response.duplicateAnswer",
        ])
    }
  }

  @Test(
    "templates filled in read back and score the same as the YAML response", arguments: ["en", "fr", "es"])
  func templateRoundTrip(code: String) throws {
    let questionnaire = try Fixtures.testQuestionnaire()
    let texts = TextCatalogue(language: Language(code)!)
    let answers: [String: String] = [
      "strategy": "draft", "paper-forms": "no", "owner": "unknown", "practices": "catalogue|quality|training",
      "datasets": "12", "uses-ai": "yes", "ai-share": "40", "ai-register": "na", "notes": "x",
    ]
    // YAML: fill in the blanks after each question id.
    var yaml = ResponseTemplate.yaml(questionnaire, texts: texts)
    yaml = yaml.replacingOccurrences(of: "  id: \"\"", with: "  id: \"ES-TEST-1\"")
    for (id, value) in answers {
      let written =
        value.contains("|") ? "[\(value.replacingOccurrences(of: "|", with: ", "))]" : "\"\(value)\""
      yaml = yaml.replacingOccurrences(of: "\n  \(id):\n", with: "\n  \(id): \(written)\n")
    }
    let fromYAML = try ResponseLoader.load(yaml: yaml, file: "t.yaml", questionnaire: questionnaire).response
    // CSV: fill in the answer column.
    let csvPath = try Fixtures.temporaryFile("", name: "template.csv")
    try Data(ResponseTemplate.csv(questionnaire, texts: texts)).write(to: URL(fileURLWithPath: csvPath))
    var rows = try CSVTestSupport.rows(csvPath)
    for index in rows.indices {
      if rows[index][0] == "@authority.id" { rows[index][1] = "ES-TEST-1" }
      if let value = answers[rows[index][0]] { rows[index][1] = value }
    }
    try CSVTestSupport.write(rows, to: csvPath)
    let fromCSV = try ResponseLoader.load(path: csvPath, questionnaire: questionnaire).response
    let a = Scorer.score(fromYAML, with: questionnaire)
    let b = Scorer.score(fromCSV, with: questionnaire)
    #expect(a.overall == b.overall)
    #expect(a.dimensions == b.dimensions)
    #expect(a.dimension("data").totals.points == 17.5)
  }
}
