import CSV
import Foundation

/// Reads response files (YAML or CSV) and checks them against their questionnaire.
public enum ResponseLoader {
  /// Whether a path names a response CSV rather than YAML (by extension).
  public static func isCSV(_ path: String) -> Bool {
    let lowered = path.lowercased()
    return lowered.hasSuffix(".csv") || lowered.hasSuffix(".tsv") || lowered.hasSuffix(".txt")
  }

  /// Reads the response at `path` and checks it against `questionnaire`; throws ``Problems``
  /// (every error with its line) or ``CSVError``. Warnings come back with the response.
  public static func load(path: String, questionnaire: Questionnaire, csv: CSVReadOptions = CSVReadOptions())
    throws
    -> (response: Response, warnings: [Problem])
  {
    try ResponseFile(path: path, csv: csv).response(on: questionnaire)
  }

  /// Reads a response from YAML text.
  public static func load(yaml: String, file: String, questionnaire: Questionnaire) throws(Problems) -> (
    response: Response, warnings: [Problem]
  ) {
    try ResponseInterpreter.interpret(ResponseYAMLReader.read(yaml: yaml, file: file), with: questionnaire)
  }
}
