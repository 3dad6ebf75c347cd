import Foundation
import Testing

@Suite("maturity export --to xlsform")
struct ExportTests {
  /// The rows of one sheet of the one-file CSV form, as the tool reads the file (through
  /// `maturity csv`): those after the sheet's name, without their empty first cell.
  func rows(_ path: String, sheet: String) throws -> [[String]] {
    let result = try MaturityBinary.run(["csv", path])
    let all = try result.stdout.split(separator: "\n").map { line in
      try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String]
    }
    let start = try #require(all.firstIndex { $0.first == sheet })
    return Array(all[(start + 1)...].prefix { $0.first == "" }.map { Array($0.dropFirst()) })
  }

  @Test("export, a Kobo-style export of the form, import with the written mapping: the same answers")
  func roundTrip() throws {
    let folder = try MaturityBinary.temporaryDirectory()
    let questionnaire = "Tests/Fixtures/questionnaires/test-assessment"
    let exported = try MaturityBinary.run([
      "export", questionnaire, "--to", "xlsform", "--output", folder.path,
    ])
    #expect(exported.status == 0, "\(exported.stderr)")
    let workbook = try Data(contentsOf: folder.appendingPathComponent("test-assessment.xlsx"))
    #expect(workbook.prefix(4) == Data([0x50, 0x4B, 0x03, 0x04]))  // a ZIP archive
    let survey = try rows(folder.appendingPathComponent("test-assessment.csv").path, sheet: "survey")
    #expect(
      survey[0].starts(with: [
        "type", "name", "label::English (en)", "label::French (fr)", "label::Spanish (es)",
      ]))
    let relevant = survey.first { $0[1] == "ai-share" }?[8]
    #expect(relevant == "${uses-ai} = 'yes'")
    #expect(
      survey.first { $0[1] == "ai-register" }?[8]
        == "(${ai-share} >= 50 or selected(${practices}, 'catalogue'))")
    // What KoboToolbox would export for the worked example: group/name columns, multiple choices space-separated.
    let answers = [
      "authority_id": "ES-TEST-1", "authority_name": "Villa de Prueba", "country": "ES", "population": "4000",
      "authority_type": "municipality", "strategy": "draft", "paper-forms": "no", "owner": "unknown",
      "practices": "catalogue quality training", "datasets": "12",
      "notes": "We share data with the province.", "uses-ai": "yes",
      "ai-share": "40", "staff": "2", "ai-register": "na",
    ]
    var group = ""
    var header: [String] = []
    var values: [String] = []
    for row in survey.dropFirst() {
      switch row[0] {
      case "begin_group": group = row[1]
      case "end_group": group = ""
      default:
        header.append("\(group)/\(row[1])")
        values.append(answers[row[1]] ?? "")
      }
    }
    header.append("_submission_time")
    values.append("2025-10-15T10:00:00")
    let export = folder.appendingPathComponent("kobo.csv")
    try Data(
      ([header, values].map { $0.map { "\"\($0)\"" }.joined(separator: ";") }.joined(separator: "\r\n")
        + "\r\n").utf8
    ).write(to: export)
    let output = folder.appendingPathComponent("responses")
    let imported = try MaturityBinary.run(
      [
        "import", "--from", "kobo", export.path, "--mapping",
        folder.appendingPathComponent("test-assessment-mapping.yaml").path,
        "--output", output.path,
      ], environment: ["MATURITY_QUESTIONNAIRES": "Tests/Fixtures/questionnaires"])
    #expect(imported.status == 0, "\(imported.stderr)")
    let response = output.appendingPathComponent("ES-TEST-1.response.yaml").path
    let text = try String(contentsOfFile: response, encoding: .utf8)
    for fragment in [
      "strategy: \"draft\"", "owner: \"unknown\"", "practices: [\"catalogue\", \"quality\", \"training\"]",
      "ai-share: 40",
      "ai-register: \"na\"", "date: \"2025-10-15\"", "notes: \"We share data with the province.\"",
    ] {
      #expect(text.contains(fragment), "\(fragment)")
    }
    let score = try MaturityBinary.run([
      "score", response, "--questionnaire", questionnaire, "--format", "json",
    ])
    #expect(score.stdout.contains("\"points\": 62.5"))
  }
}

@Suite("maturity export --to xlsform on the published questionnaire")
struct PublishedFormTests {
  func exported() throws -> URL {
    let folder = try MaturityBinary.temporaryDirectory()
    let result = try MaturityBinary.run([
      "export", "ai-data-readiness", "--to", "xlsform", "--output", folder.path,
    ])
    #expect(result.status == 0, "\(result.stderr)")
    return folder
  }

  @Test("pyxform reads the workbook and the one-file CSV (skipped when pyxform is not installed)")
  func pyxformReadsIt() throws {
    let folder = try exported()
    let run = try MaturityBinary.runScript(
      "check_xlsform.py",
      [
        folder.appendingPathComponent("ai-data-readiness.xlsx").path,
        folder.appendingPathComponent("ai-data-readiness.csv").path,
      ])
    if run.status == 77 {
      print("check_xlsform.py: \(run.stderr)")
      return
    }
    #expect(run.status == 0, "\(run.stderr)")
  }

  @Test("'none' alone, 'don't know' for numbers through a companion question, authority type a choice")
  func meaningKept() throws {
    let folder = try exported()
    let form = try String(contentsOf: folder.appendingPathComponent("ai-data-readiness.csv"), encoding: .utf8)
    #expect(form.contains("(not(selected(., 'none')) or count-selected(.) = 1)"))
    #expect(form.contains(",select_one authority_type,authority_type,"))
    #expect(form.contains(",authority_type,region,Region,Région,Región"))
    let companions = form.split(whereSeparator: \.isNewline).filter {
      $0.hasPrefix(",select_one ") && $0.contains("_special,")
    }
    // The two number questions of the 2026 edition that allow "don't know".
    #expect(companions.count == 2, "\(companions)")
    let mapping = try String(
      contentsOf: folder.appendingPathComponent("ai-data-readiness-mapping.yaml"), encoding: .utf8)
    #expect(mapping.split(separator: "\n").filter { $0.contains("_special\"}") }.count == 2)
  }
}
