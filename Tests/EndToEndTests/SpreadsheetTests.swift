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
}
