import Foundation

/// A private temporary folder for files a command makes on the way (peer answers carried over to
/// another edition), removed with everything in it when the program ends.
final class ScratchFolder: @unchecked Sendable {
  static let shared = ScratchFolder()

  private let lock = NSLock()
  private var folder: String?

  /// A path for a file named `name` in the folder, made (readable by its owner only) on first use.
  func path(for name: String) throws -> String {
    lock.lock()
    defer { lock.unlock() }
    if folder == nil {
      let made = FileManager.default.temporaryDirectory.appendingPathComponent(
        "maturity-\(UUID().uuidString)"
      ).path
      try FileManager.default.createDirectory(
        atPath: made, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
      folder = made
      atexit { ScratchFolder.shared.remove() }
    }
    return folder! + "/" + name
  }

  private func remove() {
    lock.lock()
    defer { lock.unlock() }
    if let folder { try? FileManager.default.removeItem(atPath: folder) }
    folder = nil
  }
}
