import CSV
import Foundation

/// Reads response files (YAML or CSV) and checks them against their questionnaire.
public enum ResponseLoader {
  /// Whether a path names a response CSV rather than YAML (by extension).
  public static func isCSV(_ path: String) -> Bool {
    let lowered = path.lowercased()
    return lowered.hasSuffix(".csv") || lowered.hasSuffix(".tsv") || lowered.hasSuffix(".txt")
  }

  /// The questionnaire id and version a response file names, and the line that names the
  /// questionnaire, read without checking answers.
  public static func header(path: String, csv: CSVReadOptions = CSVReadOptions()) throws -> (
    id: String, version: String, line: Int?
  ) {
    let document = try document(path: path, csv: csv)
    if document.questionnaireID.isEmpty || document.version.isEmpty { try document.log.check() }
    return (document.questionnaireID, document.version, document.questionnaireLine)
  }

  /// Reads the response at `path` and checks it against `questionnaire`; throws ``Problems``
  /// (every error with its line) or ``CSVError``. Warnings come back with the response.
  public static func load(path: String, questionnaire: Questionnaire, csv: CSVReadOptions = CSVReadOptions())
    throws
    -> (response: Response, warnings: [Problem])
  {
    try ResponseInterpreter.interpret(try document(path: path, csv: csv), with: questionnaire)
  }

  /// Reads a response from YAML text.
  public static func load(yaml: String, file: String, questionnaire: Questionnaire) throws(Problems) -> (
    response: Response, warnings: [Problem]
  ) {
    try ResponseInterpreter.interpret(ResponseYAMLReader.read(yaml: yaml, file: file), with: questionnaire)
  }

  static func document(path: String, csv: CSVReadOptions) throws -> ResponseDocument {
    if isCSV(path) { return try ResponseCSVReader.read(path: path, options: csv) }
    return ResponseYAMLReader.read(path: path)
  }
}
