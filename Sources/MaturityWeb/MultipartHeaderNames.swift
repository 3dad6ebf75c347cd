import NIOCore

/// Whether every header name in a multipart body is ASCII, as the multipart parser needs.
///
/// MultipartKit 4.7.1 looks each byte of a part's header name up in a 128-entry table, so a byte
/// of 0x80 or more there stops the whole server (an index out of range; found by the `form`
/// fuzz target, reachable before the CSRF check). Header names are ASCII tokens (RFC 7230), so
/// such a body is refused before the parser sees it. The check follows the parser, generously:
/// after every `--BOUNDARY` and CRLF come header lines, each a name up to `:` (or CR) then a value
/// up to CR LF, until an empty line.
enum MultipartHeaderNames {
  static func areASCII(_ body: ByteBuffer, boundary: String) -> Bool {
    let marker = Array("--\(boundary)".utf8)
    let failure = failureTable(marker)
    return body.withUnsafeReadableBytes { bytes in
      // Knuth–Morris–Pratt: every end of `marker` in one pass, whatever the body holds.
      var matched = 0
      for end in bytes.indices {
        while matched > 0, bytes[end] != marker[matched] { matched = failure[matched - 1] }
        if bytes[end] == marker[matched] { matched += 1 }
        guard matched == marker.count else { continue }
        matched = failure[matched - 1]
        if !headerNamesAreASCII(bytes, from: end + 1) { return false }
      }
      return true
    }
  }

  /// Whether the header lines that start after `--BOUNDARY` at `start` (when CRLF follows it)
  /// have ASCII names.
  private static func headerNamesAreASCII(_ bytes: UnsafeRawBufferPointer, from start: Int) -> Bool {
    guard start + 1 < bytes.count, bytes[start] == cr, bytes[start + 1] == lf else { return true }
    var index = start + 2
    while index < bytes.count, bytes[index] != cr {
      let nameStart = index
      while index < bytes.count, bytes[index] != cr, bytes[index] != colon || index == nameStart {
        if bytes[index] >= 0x80 { return false }
        index += 1
      }
      while index < bytes.count, bytes[index] != cr { index += 1 }
      index += 2
    }
    return true
  }

  /// For each prefix of `pattern`, the length of its longest proper prefix that is also a suffix.
  private static func failureTable(_ pattern: [UInt8]) -> [Int] {
    var table = [Int](repeating: 0, count: pattern.count)
    var length = 0
    for index in pattern.indices.dropFirst() {
      while length > 0, pattern[index] != pattern[length] { length = table[length - 1] }
      if pattern[index] == pattern[length] { length += 1 }
      table[index] = length
    }
    return table
  }

  private static let cr = UInt8(ascii: "\r")
  private static let lf = UInt8(ascii: "\n")
  private static let colon = UInt8(ascii: ":")
}
