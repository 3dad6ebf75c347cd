/// UTF-16 files, as Excel's and LibreOffice's "Unicode text" saves them: told by their byte-order
/// mark and turned into UTF-8 before parsing, so that they read exactly like a UTF-8 file.
enum UTF16Decoding {
  /// The byte order a source's first bytes announce, if they are a UTF-16 byte-order mark.
  static func byteOrder(_ head: UnsafeRawBufferPointer) -> Bool? {
    guard head.count >= 2 else { return nil }
    if head[0] == 0xFF && head[1] == 0xFE { return true }
    if head[0] == 0xFE && head[1] == 0xFF { return false }
    return nil
  }

  /// The UTF-8 bytes of a UTF-16 source (little-endian unless its mark says otherwise), its
  /// mark dropped; an unpaired surrogate becomes U+FFFD. The whole source is read into memory.
  static func utf8(_ source: CSVSource, littleEndian: Bool) throws(CSVError) -> CSVSource {
    var input = try ChunkedInput(source: source, range: nil)
    let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: ChunkedInput.chunkSize, alignment: 8)
    defer { chunk.deallocate() }
    var bytes: [UInt8] = []
    while true {
      let count = try input.read(into: chunk)
      if count == 0 { break }
      bytes.append(contentsOf: chunk[0..<count])
    }
    var little = littleEndian
    var start = 0
    if let marked = bytes.withUnsafeBytes({ byteOrder($0) }) {
      little = marked
      start = 2
    }
    var units: [UInt16] = []
    units.reserveCapacity((bytes.count - start) / 2)
    var index = start
    while index + 1 < bytes.count {
      let (low, high) = little ? (bytes[index], bytes[index + 1]) : (bytes[index + 1], bytes[index])
      units.append(UInt16(high) << 8 | UInt16(low))
      index += 2
    }
    return .bytes(Array(String(decoding: units, as: UTF16.self).utf8), name: source.name)
  }
}
