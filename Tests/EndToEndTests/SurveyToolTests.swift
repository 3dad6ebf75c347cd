import Foundation
import Testing

/// The questionnaire out to a survey tool and its answers back, with the mapping that
/// `--suggest-mapping` writes and nothing written by hand. Exports are built in each tool's own
/// layout (see `../shared/testdata/survey-exports/README.md` for the real files they follow).
@Suite("Survey tools both ways")
struct SurveyToolTests {
  let environment = ["MATURITY_QUESTIONNAIRES": "Tests/Fixtures/questionnaires"]

  /// Three submissions: question id (or authority field) → the value the tool stores.
  static let submissions: [[String: String]] = [
    [
      "authority_id": "ES-RT-1", "authority_name": "Villa Uno", "country": "ES", "population": "4000",
      "authority_type": "municipality", "strategy": "adopted", "paper-forms": "no", "owner": "cdo",
      "practices": "catalogue quality", "datasets": "12", "notes": "Shared with the province",
      "uses-ai": "yes",
      "ai-share": "80", "staff": "3", "ai-register": "published",
    ],
    [
      "authority_id": "FR-RT-2", "authority_name": "Commune Deux", "country": "FR", "population": "1200",
      "authority_type": "municipality", "strategy": "na", "paper-forms": "yes", "owner": "unknown",
      "practices": "training", "datasets": "0", "uses-ai": "no",
    ],
    [
      "authority_id": "IT-RT-3", "authority_name": "Regione Tre", "country": "IT", "population": "900000",
      "authority_type": "region", "strategy": "draft", "paper-forms": "no", "owner": "nobody",
      "practices": "catalogue",
      "datasets": "40", "uses-ai": "no", "ai-register": "none", "regional-hub": "yes",
    ],
  ]
  static let authorityFields = ["authority_id", "authority_name", "country", "population", "authority_type"]
  static let groups: [(String, [String])] = [
    ("governance", ["strategy", "paper-forms", "owner", "practices", "datasets", "notes"]),
    ("data", ["uses-ai", "ai-share", "staff", "ai-register", "regional-hub"]),
  ]
  static let practices = ["catalogue", "quality", "training"]

  func csv(_ rows: [[String]], separator: String, quoteAll: Bool, lineEnd: String) -> String {
    rows.map { row in
      row.map { cell in
        quoteAll || cell.contains(separator) || cell.contains("\"") || cell.contains(" ")
          ? "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : cell
      }.joined(separator: separator)
    }.joined(separator: lineEnd) + lineEnd
  }

  /// A KoboToolbox CSV export ("XML values and headers", groups in headers): `;`, every field
  /// quoted, CRLF, `group/question`, the multiple choice once aggregated and once per option,
  /// Kobo's trailing metadata.
  func koboExport() -> String {
    var header = ["start", "end"] + Self.authorityFields.map { "authority/\($0)" }
    for (group, questions) in Self.groups {
      for question in questions {
        header.append("\(group)/\(question)")
        if question == "practices" { header += Self.practices.map { "\(group)/practices/\($0)" } }
      }
    }
    header += [
      "_id", "_uuid", "_submission_time", "_validation_status", "_notes", "_status", "_submitted_by",
      "__version__",
      "_tags", "_index",
    ]
    var rows = [header]
    for (index, answers) in Self.submissions.enumerated() {
      var row = ["2025-10-2\(index)T09:00:00.000+02:00", "2025-10-2\(index)T09:20:00.000+02:00"]
      row += Self.authorityFields.map { answers[$0] ?? "" }
      for (_, questions) in Self.groups {
        for question in questions {
          row.append(answers[question] ?? "")
          if question == "practices" {
            let ticked = (answers["practices"] ?? "").split(separator: " ").map(String.init)
            row += Self.practices.map { ticked.contains($0) ? "1" : "0" }
          }
        }
      }
      row += [
        "\(300 + index)", "uuid-\(index)", "2025-10-2\(index)T09:21:00", "", "", "submitted_via_web", "",
        "vXyZ", "",
        "\(index + 1)",
      ]
      rows.append(row)
    }
    return csv(rows, separator: ";", quoteAll: true, lineEnd: "\r\n")
  }

  /// An ODK Central CSV export: `,`, quoted when needed, `group-question`, `SubmissionDate`
  /// first and `meta-instanceID` second, Central's trailing columns.
  func odkExport() -> String {
    var header =
      ["SubmissionDate", "meta-instanceID", "start", "end"] + Self.authorityFields.map { "authority-\($0)" }
    for (group, questions) in Self.groups { header += questions.map { "\(group)-\($0)" } }
    header += ["KEY", "SubmitterID", "SubmitterName", "AttachmentsPresent", "AttachmentsExpected", "Status"]
    var rows = [header]
    for (index, answers) in Self.submissions.enumerated() {
      var row = [
        "2025-10-2\(index)T07:21:00.000Z", "uuid:\(index)", "2025-10-2\(index)T09:00:00.000+02:00", "",
      ]
      row += Self.authorityFields.map { answers[$0] ?? "" }
      for (_, questions) in Self.groups { row += questions.map { answers[$0] ?? "" } }
      row += ["uuid:\(index)", "5", "collector", "0", "0", ""]
      rows.append(row)
    }
    return csv(rows, separator: ",", quoteAll: false, lineEnd: "\n")
  }

  /// Exports the questionnaire, suggests a mapping for `export` and imports with it alone: the
  /// answers of each response file, by authority.
  func roundTrip(_ source: String, _ export: String, extraFiles: [String] = []) throws -> [String: String] {
    let folder = try MaturityBinary.temporaryDirectory()
    let exported = try MaturityBinary.run(
      ["export", "test-assessment", "--to", "xlsform", "--output", folder.path], environment: environment)
    #expect(exported.status == 0, "\(exported.stderr)")
    let path = folder.appendingPathComponent("\(source)-export.csv").path
    try Data(export.utf8).write(to: URL(fileURLWithPath: path))
    let mapping = folder.appendingPathComponent("suggested.yaml").path
    let suggested = try MaturityBinary.run(
      [
        "import", "--from", source, path, "--suggest-mapping", "--questionnaire", "test-assessment",
        "--output",
        mapping,
      ], environment: environment)
    #expect(suggested.status == 0, "\(suggested.stderr)")
    #expect(suggested.stderr.contains("11 of 11 questions matched"), "\(suggested.stderr)")
    let out = folder.appendingPathComponent("responses")
    let imported = try MaturityBinary.run(
      ["import", "--from", source, path] + extraFiles + ["--mapping", mapping, "--output", out.path],
      environment: environment)
    #expect(imported.status == 0, "\(imported.stderr)")
    // Kobo's per-option columns of a mapped multiple choice are ignored without a word.
    #expect(!imported.stderr.contains("practices/"), "\(imported.stderr)")
    var answers: [String: String] = [:]
    for file in try FileManager.default.contentsOfDirectory(atPath: out.path).sorted() {
      let written = out.appendingPathComponent(file).path
      let valid = try MaturityBinary.run(["validate", written], environment: environment)
      #expect(valid.status == 0, "\(valid.stderr)")
      let text = try String(contentsOfFile: written, encoding: .utf8)
      answers[file] = text.components(separatedBy: "answers:").last
    }
    return answers
  }

  @Test("Kobo and ODK Central: export, three submissions, --suggest-mapping, import: the same answers")
  func koboAndODK() throws {
    let kobo = try roundTrip("kobo", koboExport())
    #expect(
      kobo.keys.sorted() == ["ES-RT-1.response.yaml", "FR-RT-2.response.yaml", "IT-RT-3.response.yaml"])
    #expect(kobo["ES-RT-1.response.yaml"]?.contains("catalogue") == true)
    #expect(kobo["FR-RT-2.response.yaml"]?.contains("strategy: \"na\"") == true, "\(kobo)")
    // An ODK Central repeat group's file given with the main one is ignored with a warning.
    let repeatFile = try MaturityBinary.temporaryFile(
      "export-repeat.csv", "name,PARENT_KEY,KEY\nx,uuid:0,uuid:0/repeat[1]\n")
    let odk = try roundTrip("odk", odkExport(), extraFiles: [repeatFile])
    #expect(odk == kobo)
  }

  @Test("the XLSForm export writes the ODK Central mapping, which reads Central's export")
  func odkMapping() throws {
    let folder = try MaturityBinary.temporaryDirectory()
    _ = try MaturityBinary.run(
      ["export", "test-assessment", "--to", "xlsform", "--output", folder.path], environment: environment)
    let mapping = try String(
      contentsOfFile: folder.appendingPathComponent("test-assessment-mapping-odk.yaml").path, encoding: .utf8)
    #expect(mapping.contains("  id: \"authority-authority_id\""))
    #expect(mapping.contains("  ai-share: \"data-ai-share\""))
    let path = folder.appendingPathComponent("odk.csv").path
    try Data(odkExport().utf8).write(to: URL(fileURLWithPath: path))
    try expectThreeResponses(
      "odk", path, folder.appendingPathComponent("test-assessment-mapping-odk.yaml").path)
  }

  /// Checks that `export` imports with `mapping` (a dry run) into three responses.
  func expectThreeResponses(_ source: String, _ export: String, _ mapping: String) throws {
    let imported = try MaturityBinary.run(
      ["import", "--from", source, export, "--mapping", mapping, "--dry-run"], environment: environment)
    #expect(imported.status == 0, "\(imported.stderr)")
    #expect(imported.stdout.split(separator: "\n").count == 3)
  }

  /// A Qualtrics export of two respondents: the three-row layout with choice texts, or the legacy
  /// two-row one with numeric values.
  func qualtricsExport(legacy: Bool) -> String {
    var rows = [
      [
        "StartDate", "EndDate", "Status", "Progress", "Finished", "RecordedDate", "ResponseId",
        "authority_id",
        "QID1", "QID2", "QID3", "QID4",
      ],
      [
        "Start Date", "End Date", "Response Type", "Progress", "Finished", "Recorded Date", "Response ID",
        "Authority id", "Is there a data strategy?", "Who owns the data?",
        "Which practices are in place? - Selected Choice", "Do you use AI systems?",
      ],
    ]
    if !legacy {
      rows.append(
        [
          "{\"ImportId\":\"startDate\",\"timeZone\":\"Europe/Berlin\"}", "{\"ImportId\":\"endDate\"}",
          "{\"ImportId\":\"status\"}", "{\"ImportId\":\"progress\"}", "{\"ImportId\":\"finished\"}",
          "{\"ImportId\":\"recordedDate\"}", "{\"ImportId\":\"_recordId\"}", "{\"ImportId\":\"QID9_TEXT\"}",
          "{\"ImportId\":\"QID1\"}", "{\"ImportId\":\"QID2\"}", "{\"ImportId\":\"QID3\"}",
          "{\"ImportId\":\"QID4\"}",
        ])
    }
    rows += [
      [
        "2025-10-20 09:00:00", "2025-10-20 09:10:00", "IP Address", "100", "True", "2025-10-20 09:10:01",
        "R_1abc", "ES-Q-1",
      ]
        + (legacy
          ? ["3", "1", "1,2", "1"] : ["Adopted", "A chief data officer", "Catalogue,Quality checks", "Yes"]),
      [
        "2025-10-21 09:00:00", "2025-10-21 09:10:00", "IP Address", "100", "True", "2025-10-21 09:10:01",
        "R_2def", "FR-Q-2",
      ] + (legacy ? ["2", "5", "3", "2"] : ["Draft", "Je ne sais pas", "Training", "No"]),
    ]
    return csv(rows, separator: ",", quoteAll: true, lineEnd: "\r\n")
  }

  @Test(
    "Qualtrics, three header rows and choice texts or two and numeric values: the respondents and nothing else",
    arguments: [false, true])
  func qualtrics(legacy: Bool) throws {
    let folder = try MaturityBinary.temporaryDirectory()
    let path = folder.appendingPathComponent("qualtrics.csv").path
    try Data(qualtricsExport(legacy: legacy).utf8).write(to: URL(fileURLWithPath: path))
    let mapping = folder.appendingPathComponent("mapping.yaml").path
    let suggested = try MaturityBinary.run(
      [
        "import", "--from", "qualtrics", path, "--suggest-mapping", "--questionnaire", "test-assessment",
        "--output",
        mapping,
      ], environment: environment)
    #expect(suggested.stderr.contains("4 of 11 questions matched"), "\(suggested.stderr)")
    let out = folder.appendingPathComponent("responses")
    let imported = try MaturityBinary.run(
      ["import", "--from", "qualtrics", path, "--mapping", mapping, "--output", out.path],
      environment: environment)
    #expect(imported.status == 0, "\(imported.stderr)")
    #expect(imported.stderr.contains("qualtrics.csv:2: warning: this row holds the question texts"))
    #expect(
      legacy || imported.stderr.contains("qualtrics.csv:3: warning: this row holds Qualtrics import ids"))
    let files = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
    #expect(files == ["ES-Q-1.response.yaml", "FR-Q-2.response.yaml"])
    let first = try String(contentsOfFile: out.appendingPathComponent(files[0]).path, encoding: .utf8)
    #expect(
      first.contains("practices: [\"catalogue\", \"quality\"]") && first.contains("date: \"2025-10-20\""),
      "\(first)")
    let second = try String(contentsOfFile: out.appendingPathComponent(files[1]).path, encoding: .utf8)
    #expect(second.contains("owner: \"unknown\""), "\(second)")
  }

  @Test("a repeated header row is skipped; a repeated column is an error only when mapped")
  func repeatedHeaders() throws {
    let export = try MaturityBinary.temporaryFile(
      "export.csv",
      """
      SubmissionDate,id,name,strategy,owner,Comment,Comment
      2025-10-16T08:00:00.000Z,IT-TEST-3,Comune,draft,na,a,b
      SubmissionDate,id,name,strategy,owner,Comment,Comment
      2025-10-17T08:00:00.000Z,IT-TEST-4,Comune,adopted,Je ne sais pas,,

      """)
    let mapping = try MaturityBinary.temporaryFile(
      "mapping.yaml",
      "questionnaire: test-assessment\nversion: \"1.0\"\nfrom: odk\nauthority:\n  id: id\n  name: name\nquestions:\n  strategy: strategy\n  owner: owner\n"
    )
    let dry = try MaturityBinary.run(
      ["import", "--from", "odk", export, "--mapping", mapping, "--dry-run"], environment: environment)
    #expect(dry.status == 0, "\(dry.stderr)")
    #expect(dry.stderr.contains("export.csv:3: warning: this row repeats the header"))
    #expect(dry.stdout.split(separator: "\n").count == 2)
    let ambiguous = try MaturityBinary.temporaryFile(
      "mapping.yaml",
      "questionnaire: test-assessment\nversion: \"1.0\"\nauthority:\n  id: id\nquestions:\n  notes: Comment\n"
    )
    let refused = try MaturityBinary.run(
      ["import", "--from", "odk", export, "--mapping", ambiguous, "--dry-run"], environment: environment)
    #expect(refused.status == 1)
    #expect(refused.stderr.contains("several columns named 'Comment'"), "\(refused.stderr)")
  }

  @Test("a suggested mapping that matches nothing still loads, and says what is left")
  func suggestionLoads() throws {
    let export = try MaturityBinary.temporaryFile(
      "export.csv", "Response ID,Date submitted,colour\n1,2025-10-01,blue\n")
    let folder = try MaturityBinary.temporaryDirectory()
    let mapping = folder.appendingPathComponent("mapping.yaml").path
    let suggested = try MaturityBinary.run(
      [
        "import", "--from", "limesurvey", export, "--suggest-mapping", "--questionnaire", "test-assessment",
        "--output", mapping,
      ],
      environment: environment)
    #expect(
      suggested.stderr.contains("0 of 11 questions matched; without a column yet: strategy, paper-forms"))
    let imported = try MaturityBinary.run(
      ["import", "--from", "limesurvey", export, "--mapping", mapping, "--dry-run"], environment: environment)
    // The mapping loads: the only problem is the authority's id, which no column holds.
    #expect(imported.stderr.contains("export.csv:2: the authority's id is missing"), "\(imported.stderr)")
    #expect(
      imported.stderr.split(separator: "\n").filter { $0.contains("error") || $0.contains("mapping.yaml") }
        .isEmpty)
  }
}
