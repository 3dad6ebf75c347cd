import Crypto

#if canImport(Glibc)
  import Glibc
#endif

/// Checksums of the files a report names (swift-crypto's SHA-256, which uses the processor's
/// SHA instructions where it has them).
public enum FileChecksum {
  /// The SHA-256 of the bytes of the regular file at `path`, as 64 lower-case hex digits.
  /// Opened without blocking: anything but a regular file (a FIFO put in its place) is refused.
  public static func sha256(ofFile path: String) throws(FileChecksumError) -> String {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
    guard descriptor >= 0 else { throw .unreadable(path: path) }
    defer { close(descriptor) }
    var info = stat()
    guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
      throw .unreadable(path: path)
    }
    var hasher = SHA256()
    var chunk = [UInt8](repeating: 0, count: 1 << 20)
    while true {
      let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
      if count < 0, errno == EINTR { continue }
      guard count >= 0 else { throw .unreadable(path: path) }
      if count == 0 { break }
      chunk.withUnsafeBytes { hasher.update(bufferPointer: UnsafeRawBufferPointer(rebasing: $0[0..<count])) }
    }
    return hasher.finalize().map { byte in
      let hex = String(byte, radix: 16)
      return byte < 16 ? "0" + hex : hex
    }.joined()
  }
}

/// A file that could not be read to the end for its checksum.
public enum FileChecksumError: Error, Equatable {
  case unreadable(path: String)
}
