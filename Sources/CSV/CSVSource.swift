#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Where the bytes of a CSV file come from.
public enum CSVSource: Sendable, Equatable {
  /// A file on disk, read in chunks.
  case file(path: String)
  /// Bytes in memory, with the name to use in messages.
  case bytes([UInt8], name: String)

  /// The name used in messages: the path as given, or the name of the bytes.
  public var name: String {
    switch self {
    case .file(let path): path
    case .bytes(_, let name): name
    }
  }
}

/// Reads a byte range of a source in fixed-size chunks, in constant memory.
struct ChunkedInput: ~Copyable {
  static let chunkSize = 1 << 18

  private let source: CSVSource
  private var descriptor: Int32 = -1
  private var offset: Int
  private let end: Int?

  init(source: CSVSource, range: Range<Int>?) throws(CSVError) {
    self.source = source
    self.offset = range?.lowerBound ?? 0
    self.end = range?.upperBound
    if case .file(let path) = source {
      // Without blocking: opening a FIFO with no writer would wait forever. Only a regular file
      // is read (by offsets, so a pipe could not be read anyway).
      let opened = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
      if opened < 0 { throw Self.failure(path) }
      var info = stat()
      let type = fstat(opened, &info) == 0 ? info.st_mode & S_IFMT : nil
      guard type == S_IFREG else {
        close(opened)
        throw type == S_IFDIR
          ? CSVError(file: path, line: nil, kind: .unreadable(reason: String(cString: strerror(EISDIR))))
          : type == nil ? Self.failure(path) : CSVError(file: path, line: nil, kind: .notRegularFile)
      }
      _ = fcntl(opened, F_SETFL, fcntl(opened, F_GETFL) & ~O_NONBLOCK)
      descriptor = opened
    }
  }

  deinit {
    if descriptor >= 0 { close(descriptor) }
  }

  /// The number of bytes of the whole source.
  func size() throws(CSVError) -> Int {
    switch source {
    case .bytes(let bytes, _): return bytes.count
    case .file(let path):
      var info = stat()
      guard fstat(descriptor, &info) == 0 else { throw Self.failure(path) }
      return Int(info.st_size)
    }
  }

  /// Fills `buffer` with the next bytes and returns how many; 0 at the end.
  mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws(CSVError) -> Int {
    var wanted = buffer.count
    if let end { wanted = min(wanted, end - offset) }
    guard wanted > 0 else { return 0 }
    switch source {
    case .bytes(let bytes, _):
      let count = min(wanted, bytes.count - offset)
      guard count > 0 else { return 0 }
      bytes.withUnsafeBytes { all in
        buffer.baseAddress!.copyMemory(from: all.baseAddress! + offset, byteCount: count)
      }
      offset += count
      return count
    case .file(let path):
      while true {
        let count = pread(descriptor, buffer.baseAddress, wanted, off_t(offset))
        if count >= 0 {
          offset += count
          return count
        }
        if errno != EINTR { throw Self.failure(path) }
      }
    }
  }

  private static func failure(_ path: String) -> CSVError {
    CSVError(file: path, line: nil, kind: .unreadable(reason: String(cString: strerror(errno))))
  }
}
