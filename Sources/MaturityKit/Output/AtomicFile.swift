import Foundation
import InterfaceText

/// A file written in full or not at all: bytes go to a temporary file beside the target, which
/// replaces the target by a rename only once everything is written.
///
/// An interrupted write leaves the earlier file untouched and at most a stray temporary file.
public final class AtomicFile {
  /// The path the file will have once committed.
  public let path: String
  private let temporaryPath: String
  private var descriptor: Int32
  private var committed = false

  /// Starts writing a new version of the file at `path`.
  public init(path: String) throws(OutputError) {
    self.path = path
    let url = URL(fileURLWithPath: path)
    let directory = url.deletingLastPathComponent().path
    var isDirectory: ObjCBool = false
    if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
      throw OutputError.isDirectory(path: path)
    }
    if !FileManager.default.fileExists(atPath: directory) {
      do {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
      } catch {
        throw OutputError.cannotWrite(path: path, reason: error.localizedDescription)
      }
    }
    temporaryPath =
      directory + "/." + url.lastPathComponent + ".\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp"
    descriptor = open(temporaryPath, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
    if descriptor < 0 { throw OutputError.cannotWrite(path: path, reason: String(cString: strerror(errno))) }
  }

  deinit {
    if !committed {
      close(descriptor)
      unlink(temporaryPath)
    }
  }

  /// Appends bytes to the temporary file.
  public func write(_ bytes: some Collection<UInt8>) throws(OutputError) {
    let failed: Bool =
      bytes.withContiguousStorageIfAvailable { buffer in
        !Self.writeAll(descriptor, UnsafeRawBufferPointer(buffer))
      } ?? Array(bytes).withUnsafeBytes { !Self.writeAll(descriptor, $0) }
    if failed { throw OutputError.cannotWrite(path: path, reason: String(cString: strerror(errno))) }
  }

  /// Flushes the data to disk and puts the file in place.
  public func commit() throws(OutputError) {
    guard !committed else { return }
    let synced = fsync(descriptor) == 0
    let closed = close(descriptor) == 0
    committed = true
    guard synced, closed, rename(temporaryPath, path) == 0 else {
      let reason = String(cString: strerror(errno))
      unlink(temporaryPath)
      throw OutputError.cannotWrite(path: path, reason: reason)
    }
  }

  /// Writes `bytes` to `path` atomically in one step.
  public static func write(_ bytes: some Collection<UInt8>, to path: String) throws(OutputError) {
    let file = try AtomicFile(path: path)
    try file.write(bytes)
    try file.commit()
  }

  /// Writes the whole of `buffer` to `descriptor`, going on after short writes; false on an error.
  package static func writeAll(_ descriptor: Int32, _ buffer: UnsafeRawBufferPointer) -> Bool {
    var offset = 0
    while offset < buffer.count {
      let written = Foundation.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
      if written < 0 {
        if errno == EINTR { continue }
        return false
      }
      offset += written
    }
    return true
  }
}

/// A failure to write the tool's output.
public enum OutputError: UserFacingError, Equatable {
  case cannotWrite(path: String, reason: String)
  case isDirectory(path: String)

  public var location: SourceLocation? {
    switch self {
    case .cannotWrite(let path, _), .isDirectory(let path): SourceLocation(file: path)
    }
  }

  public func message(_ texts: TextCatalogue) -> String {
    switch self {
    case .cannotWrite(_, let reason): texts("output.error.cannotWrite", ["reason": reason])
    case .isDirectory: texts("output.error.isDirectory")
    }
  }
}
