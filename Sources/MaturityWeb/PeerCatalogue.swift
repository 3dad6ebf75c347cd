import CSV
import Foundation
import InterfaceText
import MaturityKit
import MaturityStore
import Synchronization

/// The peer sets a visitor can compare with: the files `maturity serve --peers` named and the
/// CSVs uploaded in the app. Each is read once per questionnaire and kept in memory.
final class PeerCatalogue: Sendable {
  /// A peer set by reference: `file:N` (the Nth configured file) or `upload:N` (an upload).
  struct Choice: Sendable, Hashable {
    var reference: String
    var name: String
  }

  let files: [String]
  private let store: Store
  private let cache = Mutex<[String: PeerSet]>([:])

  init(files: [String], store: Store) {
    self.files = files
    self.store = store
  }

  /// Every peer set to choose from.
  func choices() async throws -> [Choice] {
    let uploads = try await store.peerSets()
    return files.enumerated().map {
      Choice(reference: "file:\($0.offset)", name: URL(fileURLWithPath: $0.element).lastPathComponent)
    }
      + uploads.map { Choice(reference: "upload:\($0.id)", name: $0.name) }
  }

  /// The peers of `reference`, read for `questionnaire` (answers-shaped files are rescored).
  func peers(_ reference: String, questionnaire: Questionnaire) async throws -> PeerSet {
    let key = "\(reference)|\(questionnaire.id)|\(questionnaire.version)"
    if let cached = cache.withLock({ $0[key] }) { return cached }
    let parts = reference.split(separator: ":", maxSplits: 1)
    guard parts.count == 2, let number = Int64(parts[1]) else {
      throw WebError.invalidField(field: "peers", value: reference)
    }
    let peers: PeerSet
    switch parts[0] {
    case "file":
      guard number >= 0, number < files.count else {
        throw WebError.invalidField(field: "peers", value: reference)
      }
      peers = try PeerSetReader.read([files[Int(number)]], questionnaire: questionnaire).peers
    case "upload":
      let record = try await store.peerSet(number)
      peers = try Self.read(record.content, named: record.name, questionnaire: questionnaire)
    default: throw WebError.invalidField(field: "peers", value: reference)
    }
    cache.withLock { $0[key] = peers }
    return peers
  }

  /// Reads uploaded bytes with the same reader as the command line; messages name the file as
  /// uploaded, with its lines.
  static func read(_ content: Data, named name: String, questionnaire: Questionnaire) throws -> PeerSet {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("maturity-upload-\(UUID())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let safeName = FileNames.safe(name)
    let path = folder.appendingPathComponent(safeName.isEmpty ? "peers.csv" : safeName).path
    try content.write(to: URL(fileURLWithPath: path))
    do {
      return try PeerSetReader.read([path], questionnaire: questionnaire).peers
    } catch let error as any UserFacingError {
      throw UploadError(underlying: error, folder: folder.path + "/")
    }
  }

  /// Forgets what was read of an upload that was deleted.
  func forget(upload id: Int64) {
    cache.withLock { cache in cache = cache.filter { !$0.key.hasPrefix("upload:\(id)|") } }
  }
}

/// A problem in an uploaded file, reported with the file's own name instead of where the app
/// kept it while reading.
struct UploadError: UserFacingError {
  var underlying: any UserFacingError
  var folder: String

  var location: SourceLocation? { nil }
  func message(_ texts: TextCatalogue) -> String { report(texts) }
  func report(_ texts: TextCatalogue) -> String {
    underlying.report(texts).replacingOccurrences(of: folder, with: "")
  }
}
