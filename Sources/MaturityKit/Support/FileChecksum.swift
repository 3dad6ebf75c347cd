import Crypto

#if canImport(Glibc)
  import Glibc
#endif

/// Checksums of the files a report names (swift-crypto's SHA-256, which uses the processor's
/// SHA instructions where it has them).
public enum FileChecksum {
  /// The SHA-256 of the bytes of the file at `path`, as 64 lower-case hex digits.
  public static func sha256(ofFile path: String) throws(FileChecksumError) -> String {
    guard let file = fopen(path, "rb") else { throw FileChecksumError.unreadable(path: path) }
    defer { fclose(file) }
    var hasher = SHA256()
    var chunk = [UInt8](repeating: 0, count: 1 << 20)
    while true {
      let read = fread(&chunk, 1, chunk.count, file)
      if read == 0 { break }
      chunk.withUnsafeBytes { hasher.update(bufferPointer: UnsafeRawBufferPointer(rebasing: $0[0..<read])) }
    }
    if ferror(file) != 0 { throw FileChecksumError.unreadable(path: path) }
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
