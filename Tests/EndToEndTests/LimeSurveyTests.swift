import Foundation
import Testing

extension SurveyToolTests {
  /// English labels of the submissions' answers, as LimeSurvey's "full answers" show them.
  static let labels = [
    "adopted": "Adopted", "draft": "Draft", "na": "Not applicable", "unknown": "Don't know",
    "cdo": "A chief data officer", "nobody": "Nobody", "yes": "Yes", "no": "No", "published": "Published",
    "none": "None", "municipality": "Municipality", "region": "Region", "catalogue": "Catalogue",
    "quality": "Quality checks", "training": "Training",
  ]

  /// One question of the survey-structure file: code, LimeSurvey type, English text and its
  /// English subquestions or answers (label → code).
  struct StructureQuestion {
    var code: String
    var type: String
    var text: String
    var choices: [String: String] = [:]
  }

  /// The English questions of a survey-structure file, in order, as LimeSurvey reads them.
  func structure(_ path: String) throws -> [StructureQuestion] {
    let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map {
      $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
    }
    let header = lines[0]
    func field(_ row: [String], _ name: String) -> String { row[header.firstIndex(of: name)!] }
    var questions: [StructureQuestion] = []
    for row in lines.dropFirst() where field(row, "language") == "en" {
      switch field(row, "class") {
      case "Q":
        questions.append(
          StructureQuestion(
            code: field(row, "name"), type: field(row, "type/scale"), text: field(row, "text")))
      case "SQ", "A": questions[questions.count - 1].choices[field(row, "text")] = field(row, "name")
      default: break
      }
    }
    return questions
  }

  /// A LimeSurvey response export of the three submissions for the survey in `structure`:
  /// LimeSurvey's leading columns, then one column per question (per subquestion for a multiple
  /// choice); headings and answers as codes, or as full texts ("R (data file)": UTF-8 with a byte
  /// order mark, every field quoted, `Question [Subquestion]`).
  func limeSurveyExport(_ structure: [StructureQuestion], fullTexts: Bool) -> String {
    let ids = Self.authorityFields + Self.groups.flatMap(\.1)
    var header =
      fullTexts
      ? [
        "Response ID", "Date submitted", "Last page", "Start language", "Seed", "Date started",
        "Date last action",
      ]
      : ["id", "submitdate", "lastpage", "startlanguage", "seed", "startdate", "datestamp"]
    for question in structure {
      if question.type == "M" {
        for label in Self.practices.map({ Self.labels[$0]! }) {
          header.append(
            fullTexts ? "\(question.text) [\(label)]" : "\(question.code)[\(question.choices[label]!)]")
        }
      } else {
        header.append(fullTexts ? question.text : question.code)
      }
    }
    var rows = [header]
    for (index, answers) in Self.submissions.enumerated() {
      var row = [
        "\(index + 1)", "2025-10-2\(index) 09:21:00", "3", "en", "12345", "2025-10-2\(index) 09:00:00", "",
      ]
      for (id, question) in zip(ids, structure) {
        let value = answers[id] ?? ""
        switch question.type {
        case "M":
          let ticked = value.split(separator: " ").map(String.init)
          row += Self.practices.map { ticked.contains($0) ? (fullTexts ? "Yes" : "Y") : "" }
        case "L":
          let label = Self.labels[value] ?? ""
          row.append(value.isEmpty ? "" : fullTexts ? label : question.choices[label] ?? "?")
        default: row.append(value)
        }
      }
      rows.append(row)
    }
    return (fullTexts ? "\u{FEFF}" : "") + csv(rows, separator: ",", quoteAll: true, lineEnd: "\r\n")
  }

  @Test("LimeSurvey: the survey structure out, code and full-text exports back: the same answers as Kobo")
  func limeSurvey() throws {
    let folder = try MaturityBinary.temporaryDirectory()
    let exported = try MaturityBinary.run(
      ["export", "test-assessment", "--to", "limesurvey", "--output", folder.path], environment: environment)
    #expect(exported.status == 0, "\(exported.stderr)")
    let questions = try structure(folder.appendingPathComponent("test-assessment-limesurvey.txt").path)
    #expect(questions.count == 16)
    // Codes LimeSurvey accepts: letters and digits, starting with a letter; answer codes of 5 at most.
    for question in questions {
      #expect(
        question.code.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
          && question.code.first!.isLetter)
      if question.type == "L" {
        #expect(question.choices.values.allSatisfy { $0.count <= 5 }, "\(question.choices)")
      }
    }
    let kobo = try roundTrip("kobo", koboExport())
    for fullTexts in [false, true] {
      let answers = try roundTrip("limesurvey", limeSurveyExport(questions, fullTexts: fullTexts))
      #expect(answers == kobo, "full texts: \(fullTexts)")
    }
    // The mapping written with the structure reads the code export too.
    let path = folder.appendingPathComponent("codes.csv").path
    try Data(limeSurveyExport(questions, fullTexts: false).utf8).write(to: URL(fileURLWithPath: path))
    try expectThreeResponses(
      "limesurvey", path, folder.appendingPathComponent("test-assessment-mapping-limesurvey.yaml").path)
  }
}
