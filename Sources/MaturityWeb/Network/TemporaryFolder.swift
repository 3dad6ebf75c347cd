import Foundation

/// A folder of its own under the system's temporary folder, for files a request reads or writes
/// on its way (an import's uploads, an export's files before they are zipped).
struct TemporaryFolder {
  let path: String

  init() throws {
    path = FileManager.default.temporaryDirectory.appendingPathComponent("maturity-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
  }

  /// Removes the folder and what it holds.
  func remove() { try? FileManager.default.removeItem(atPath: path) }
}
