import Foundation
import Testing

@Suite("Spreadsheet round trip")
struct SpreadsheetTests {
  let questionnaire = "Tests/Fixtures/questionnaires/test-assessment"

  @Test(
    "the CSV template filled in and saved by a spreadsheet in any language setting scores as the YAML response",
    arguments: [
      "excel-fr-semicolon-bom-crlf.csv", "excel-windows1252-semicolon.csv", "libreoffice-quoted-lf.csv",
      "tab-separated.csv",
      // Cells a spreadsheet reformats and answers in people's own words (issue 22): local dates,
      // thousands separators, percent signs, labels, oui/VRAI/no lo sé, a version turned into a number.
      "libreoffice-fr-reformatted.csv", "libreoffice-es-reformatted.csv", "libreoffice-de-reformatted.csv",
      "libreoffice-en-reformatted.csv",
      // Excel's and LibreOffice's "Unicode text": UTF-16 with a byte order mark, tab-separated.
      "unicode-text-utf16le.txt", "unicode-text-utf16be.txt",
    ])
  func dialects(file: String) throws {
    let path = "Tests/Fixtures/spreadsheets/\(file)"
    let fromSheet = try MaturityBinary.run([
      "score", path, "--questionnaire", questionnaire, "--format", "json",
    ])
    let fromYAML = try MaturityBinary.run([
      "score", "Tests/Fixtures/responses/worked-example.response.yaml", "--questionnaire", questionnaire,
      "--format", "json",
    ])
    #expect(fromSheet.status == 0, "\(fromSheet.stderr)")
    func overall(_ json: String) -> Substring? { json.split(separator: "\"dimensions\"").first }
    #expect(overall(fromSheet.stdout) == overall(fromYAML.stdout))
    #expect(try MaturityBinary.run(["validate", path, "--questionnaire", questionnaire]).status == 0)
    if file.contains("windows1252") { #expect(fromSheet.stderr.contains("Windows-1252")) }
  }

  @Test("a bad answer is reported with its spreadsheet row")
  func badRow() throws {
    let result = try MaturityBinary.run([
      "validate", "Tests/Fixtures/spreadsheets/bad-option.csv", "--questionnaire", questionnaire,
    ])
    #expect(result.status == 1)
    #expect(
      result.stderr.hasPrefix("Tests/Fixtures/spreadsheets/bad-option.csv:10: question strategy: 'adoptd'"))
  }

  @Test("a date both day first and month first is refused with both readings")
  func ambiguousDate() throws {
    let path = try MaturityBinary.temporaryFile(
      "r.csv",
      "question_id,answer\n@questionnaire,test-assessment\n@version,1.0\n@authority.id,T\n@date,03/04/2025\n")
    let result = try MaturityBinary.run(["validate", path, "--questionnaire", questionnaire])
    #expect(result.status == 1)
    #expect(result.stderr.contains("r.csv:5: the date '03/04/2025' can be read day first or month first"))
    #expect(result.stderr.contains("2025-04-03 or 2025-03-04"))
  }

  @Test("the template writes @version so that a spreadsheet keeps it as text")
  func versionWrittenAsText() throws {
    let result = try MaturityBinary.run(["template", questionnaire, "--format", "csv"])
    #expect(result.stdout.contains("'@version,'1.0,"))
    let french = try MaturityBinary.run(["template", questionnaire, "--format", "csv", "--lang", "fr"])
    #expect(french.stdout.contains(",\"oui ou non (ou yes, no)\""))
    #expect(!french.stdout.contains("yes ou no"))
  }

  @Test("every command that reads a response CSV takes --encoding, as the Windows-1252 warning says")
  func encodingOption() throws {
    let path = "Tests/Fixtures/spreadsheets/excel-windows1252-semicolon.csv"
    for command in [["score"], ["validate"]] {
      let result = try MaturityBinary.run(
        command + [path, "--questionnaire", questionnaire, "--encoding", "windows-1252"])
      #expect(result.status == 0, "\(command): \(result.stderr)")
      #expect(!result.stderr.contains("Windows-1252"))
    }
    for command in [
      ["compare"], ["plan"], ["report", "authority"], ["report", "network"], ["import"],
      ["benchmark", "build"], ["benchmark", "stats"], ["csv"],
    ] {
      #expect(
        try MaturityBinary.run(command + ["--help"]).stdout.contains("--encoding <encoding>"), "\(command)")
    }
    let detected = try MaturityBinary.run(["score", path, "--questionnaire", questionnaire])
    #expect(detected.stderr.contains("use --encoding to choose"))
    let utf16 = try MaturityBinary.run([
      "score", "Tests/Fixtures/spreadsheets/unicode-text-utf16le.txt", "--questionnaire", questionnaire,
      "--encoding", "utf-16",
    ])
    #expect(utf16.status == 0, "\(utf16.stderr)")
  }
}
