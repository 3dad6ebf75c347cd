import Foundation
import MaturityKit

/// Where a command's output goes: standard output, or a file replaced atomically at the end.
///
/// Output is buffered and written in large pieces, so streaming a large file stays fast.
final class OutputSink {
  private let file: AtomicFile?
  private var buffer: [UInt8] = []
  private static let flushThreshold = 1 << 16

  /// Output to the file at `path`, or to standard output when `path` is nil or `-`.
  init(path: String?) throws(OutputError) {
    if let path, path != "-" {
      file = try AtomicFile(path: path)
    } else {
      file = nil
    }
    buffer.reserveCapacity(Self.flushThreshold * 2)
  }

  /// Appends bytes.
  func write(_ bytes: some Sequence<UInt8>) throws(OutputError) {
    buffer.append(contentsOf: bytes)
    if buffer.count >= Self.flushThreshold { try flush() }
  }

  /// Appends text.
  func write(_ text: String) throws(OutputError) { try write(text.utf8) }

  /// Appends through `body`, which writes straight into the buffer.
  func append(_ body: (inout [UInt8]) -> Void) throws(OutputError) {
    body(&buffer)
    if buffer.count >= Self.flushThreshold { try flush() }
  }

  /// Writes out what is buffered and, for a file, puts it in place.
  func finish() throws(OutputError) {
    try flush()
    try file?.commit()
  }

  private func flush() throws(OutputError) {
    defer { buffer.removeAll(keepingCapacity: true) }
    if let file {
      try file.write(buffer)
    } else if !buffer.isEmpty {
      let ok = buffer.withUnsafeBytes { AtomicFile.writeAll(STDOUT_FILENO, $0) }
      if !ok { throw OutputError.cannotWrite(path: "-", reason: String(cString: strerror(errno))) }
    }
  }
}
