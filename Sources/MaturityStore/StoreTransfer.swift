import Foundation
import MaturityKit

/// Moves assessments out of the database as response files and back in.
public enum StoreTransfer {
  /// Finds the questionnaire of an id and version, or throws why it cannot.
  public typealias QuestionnaireLookup = @Sendable (_ id: String, _ version: String) throws -> Questionnaire

  /// The response of a stored assessment, checked against its questionnaire.
  public static func response(
    _ record: AssessmentRecord, _ store: Store, questionnaire: Questionnaire
  ) async throws
    -> Response
  {
    try ResponseLoader.assemble(
      record.responseHeader, answers: try await store.answers(of: record.id!), questionnaire: questionnaire
    )
    .response
  }

  /// A file name for an assessment's response: `<authority>-<date>-<number>.response.yaml`.
  public static func fileName(_ record: AssessmentRecord) -> String {
    let safe = FileNames.safe(record.authorityID)
    return "\(safe)-\(record.date ?? "undated")-\(record.id ?? 0).response.yaml"
  }

  /// Every assessment (of `authorityID`, or all) as a response file: its name and YAML text.
  public static func responseFiles(
    _ store: Store, authorityID: String? = nil, questionnaires: QuestionnaireLookup
  ) async throws -> [(name: String, yaml: String)] {
    let records =
      if let authorityID { try await store.assessments(ofAuthority: authorityID) } else {
        try await store.assessments()
      }
    var files: [(name: String, yaml: String)] = []
    for record in records {
      let questionnaire = try questionnaires(record.questionnaireID, record.questionnaireVersion)
      let yaml = ResponseYAMLWriter.yaml(
        try await response(record, store, questionnaire: questionnaire), questionnaire: questionnaire)
      files.append((fileName(record), yaml))
    }
    return files
  }

  /// Writes every assessment as a response file into `folder`; returns the files written. Each
  /// file is written whole or not at all.
  public static func export(_ store: Store, to folder: String, questionnaires: QuestionnaireLookup)
    async throws
    -> [String]
  {
    let files = try await responseFiles(store, questionnaires: questionnaires)
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    return try files.map { name, yaml in
      let file = try AtomicFile(path: folder + "/" + name)
      try file.write(Array(yaml.utf8))
      try file.commit()
      return file.path
    }
  }

  /// Reads every response file (`.yaml`, `.yml`, `.csv`) in `folder` and stores them all, or
  /// none when any is bad (the error names the file and line). Returns the assessments created.
  public static func importFolder(
    _ folder: String, into store: Store, questionnaires: QuestionnaireLookup
  )
    async throws -> [AssessmentRecord]
  {
    try await store.create(try readFolder(folder, questionnaires: questionnaires))
  }

  /// Reads every response file (`.yaml`, `.yml`, `.csv`) in `folder`, each checked against its
  /// questionnaire; throws the first bad file's problems (naming the file and line).
  public static func readFolder(_ folder: String, questionnaires: QuestionnaireLookup) throws
    -> [(record: AssessmentRecord, answers: [WrittenAnswer])]
  {
    let names = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
    let paths = names.filter { name in [".yaml", ".yml", ".csv"].contains { name.lowercased().hasSuffix($0) }
    }
    .map { folder + "/" + $0 }
    return try paths.map { path -> (record: AssessmentRecord, answers: [WrittenAnswer]) in
      let file = try ResponseFile(path: path)
      let header = try file.header()
      let response = try file.response(on: questionnaires(header.id, header.version)).response
      return (AssessmentRecord(response), response.answers.map(WrittenAnswer.init))
    }
  }
}
