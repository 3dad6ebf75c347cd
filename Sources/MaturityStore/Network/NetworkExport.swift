import Foundation
import MaturityKit

/// A network's data as files: every member's responses, and the network's peer CSVs (scores and
/// answers shapes) built from its submitted assessments, for the tools that read peer files.
public struct NetworkExport: Sendable {
  /// The files written, relative to the folder.
  public var files: [String]
  /// Assessments written as responses.
  public var responses: Int
  /// Authority-years in the peer files.
  public var peers: Int

  /// Writes the network's responses into `folder/responses/` and, per questionnaire, the peer
  /// CSVs `<network>-<questionnaire>-peers-scores.csv` and `…-peers-answers.csv`. A peer file
  /// holds the latest submitted assessment of each authority and year, of the authorities that
  /// have not withdrawn from the network's aggregates; never a respondent's name. Each file is
  /// written whole or not at all.
  public static func write(
    _ store: Store, network networkID: String, to folder: String, questionnaireFolder: String,
    questionnaires: StoreTransfer.QuestionnaireLookup, actor: String? = nil
  ) async throws -> NetworkExport {
    _ = try await store.network(networkID)
    let records = try await store.assessments(ofNetwork: networkID)
    let withdrawn = try await store.withdrawnAuthorities(of: networkID)
    let responseFolder = folder + "/responses"
    try FileManager.default.createDirectory(atPath: responseFolder, withIntermediateDirectories: true)
    var written: [String] = []
    var paths: [Int64: String] = [:]
    for record in records {
      let questionnaire = try questionnaires(record.questionnaireID, record.questionnaireVersion)
      let response = try await StoreTransfer.response(record, store, questionnaire: questionnaire)
      let name = StoreTransfer.fileName(record)
      try AtomicFile.write(
        Array(ResponseYAMLWriter.yaml(response, questionnaire: questionnaire).utf8),
        to: responseFolder + "/" + name)
      written.append("responses/" + name)
      paths[record.id!] = responseFolder + "/" + name
    }
    var peers = 0
    let locator = QuestionnaireLocator(folders: [questionnaireFolder])
    for (questionnaireID, group) in Dictionary(
      grouping: peerRecords(records, withdrawn: withdrawn), by: \.questionnaireID
    )
    .sorted(by: { $0.key < $1.key }) {
      let inputs = group.compactMap { paths[$0.id!] }
      for shape in [PeerSource.Shape.scores, .answers] {
        let built = try PeerSetBuilder(shape: shape, locator: locator).build(inputs)
        let name =
          "\(FileNames.safe(networkID))-\(FileNames.safe(questionnaireID))-peers-\(shape.rawValue).csv"
        try AtomicFile.write(built.bytes, to: folder + "/" + name)
        written.append(name)
        peers = shape == .scores ? peers + built.count : peers
      }
    }
    try await store.audit(
      .exported, actor: actor, network: networkID, subject: "\(records.count) assessments")
    return NetworkExport(files: written, responses: records.count, peers: peers)
  }

  /// The latest submitted assessment of each authority and year (by date, then number), of the
  /// authorities that have not withdrawn.
  static func peerRecords(_ records: [AssessmentRecord], withdrawn: Set<String>) -> [AssessmentRecord] {
    let submitted = records.filter { $0.status == .submitted && !withdrawn.contains($0.authorityID) }
    let latest = Dictionary(grouping: submitted) {
      "\($0.questionnaireID)\u{0}\($0.authorityID)\u{0}\($0.date?.prefix(4) ?? "")"
    }
    .values.compactMap { $0.max { ($0.date ?? "", $0.id ?? 0) < ($1.date ?? "", $1.id ?? 0) } }
    return latest.sorted { ($0.authorityID, $0.id ?? 0) < ($1.authorityID, $1.id ?? 0) }
  }
}
