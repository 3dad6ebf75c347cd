import CSV

/// A response file (YAML or CSV) read once: what it names is known before its answers are
/// checked, so the questionnaire is chosen from the same reading that is then checked against
/// it.
public struct ResponseFile {
  /// The file's path, as given.
  public let path: String
  let document: ResponseDocument

  /// Reads the file at `path` (a CSV with `csv`); throws only when it cannot be read at all.
  public init(path: String, csv: CSVReadOptions = CSVReadOptions()) throws {
    self.path = path
    document =
      ResponseLoader.isCSV(path)
      ? try ResponseCSVReader.read(path: path, options: csv) : ResponseYAMLReader.read(path: path)
  }

  /// The questionnaire id and version the file names, and the line that names the
  /// questionnaire; throws the file's problems when it names none.
  public func header() throws(Problems) -> (id: String, version: String, line: Int?) {
    if document.questionnaireID.isEmpty || document.version.isEmpty { try document.log.check() }
    return (document.questionnaireID, document.version, document.questionnaireLine)
  }

  /// The questionnaire to check the file against: `reference` (a path or an id) when given,
  /// else the edition the file names, found by `locator`.
  ///
  /// This is the one place that decides which questionnaire a response uses.
  public func questionnaire(_ locator: QuestionnaireLocator, reference: String? = nil) throws -> Questionnaire
  {
    if let reference { return try locator.load(reference).questionnaire }
    let header = try header()
    return try locator.load(id: header.id, version: header.version, for: path, line: header.line)
  }

  /// The current edition of the questionnaire: `reference` when given, else the one the file
  /// names, whichever edition the file was written for (a file of an earlier edition is then
  /// carried over to it, as ``QuestionnaireLocator/response(in:on:texts:)`` does).
  public func currentEdition(_ locator: QuestionnaireLocator, reference: String? = nil) throws
    -> Questionnaire
  {
    if let reference { return try locator.load(reference).questionnaire }
    let header = try header()
    do {
      return try locator.load(header.id).questionnaire
    } catch let error as LocatorError {
      throw Problems([error.problem(file: path, line: header.line)])
    }
  }

  /// The answers checked against `questionnaire`; throws ``Problems`` (every error with its
  /// line). Warnings come back with the response.
  public func response(on questionnaire: Questionnaire) throws(Problems) -> (
    response: Response, warnings: [Problem]
  ) {
    try ResponseInterpreter.interpret(document, with: questionnaire)
  }
}
