import CSV

/// The questionnaire edition a peer file was made on, read from its first row.
public struct PeerFileEdition: Sendable, Equatable {
  public var questionnaire: String?
  public var version: String
  /// Whether the file holds answers (and can be rescored) rather than scores.
  public var holdsAnswers: Bool

  /// The edition named by the `questionnaire` and `version` columns of the first row of `path`;
  /// nil when the file has no `version` column or no rows.
  public static func of(_ path: String, options: CSVReadOptions) throws -> PeerFileEdition? {
    var header: CSVHeader?
    var found: PeerFileEdition?
    do {
      try CSVReader(path: path, options: options).forEach { record in
        guard let names = header else {
          header = try CSVHeader(record, file: path)
          return
        }
        guard let column = names["version"], let version = record.value(column)?.trimmedSpaces,
          !version.isEmpty
        else { throw PeerSetReader.StopReading() }
        found = PeerFileEdition(
          questionnaire: names["questionnaire"].flatMap { record.value($0)?.trimmedSpaces }, version: version,
          holdsAnswers: names["question_id"] != nil && names["answer"] != nil)
        throw PeerSetReader.StopReading()
      }
    } catch is PeerSetReader.StopReading {}
    return found
  }
}
