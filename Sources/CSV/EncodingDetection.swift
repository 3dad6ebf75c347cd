import Parallel

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Tells whether a whole source is UTF-8, reading large files on every core.
enum EncodingDetection {
  /// Below this size one thread checks the source; above it, one part per core.
  static let parallelThreshold = 8 << 20

  /// Whether every byte of `source` is well-formed UTF-8.
  ///
  /// A large source is cut into one range per core; each cut is moved past continuation bytes
  /// (at most three) so that every range starts where a character does, and each range must
  /// hold complete characters. A run of more continuation bytes is not UTF-8 anyway, and the
  /// range that starts in it fails.
  static func isUTF8(
    _ source: CSVSource, parts: Int = Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))),
    threshold: Int = parallelThreshold
  ) throws(CSVError) -> Bool {
    let size = try ChunkedInput(source: source, range: nil).size()
    let count = size < threshold ? 1 : max(1, parts)
    var cuts = [0]
    for part in 1..<max(count, 1) {
      var cut = size * part / count
      var probe = try ChunkedInput(source: source, range: cut..<min(cut + 3, size))
      var head: (UInt8, UInt8, UInt8) = (0, 0, 0)
      let read = try withUnsafeMutableBytes(of: &head) { buffer throws(CSVError) in
        try probe.read(into: buffer)
      }
      let bytes = [head.0, head.1, head.2].prefix(read)
      cut += bytes.prefix { $0 & 0xC0 == 0x80 }.count
      cuts.append(max(cut, cuts[cuts.count - 1]))
    }
    cuts.append(size)
    let ranges = zip(cuts, cuts.dropFirst()).map { $0..<$1 }
    let results = ParallelWork.map(ranges) { _, range in
      Result { () throws(CSVError) in try isUTF8(source, range: range) }
    }
    for result in results where try !result.get() { return false }
    return true
  }

  /// Whether the bytes of `range` are well-formed, complete UTF-8.
  private static func isUTF8(_ source: CSVSource, range: Range<Int>) throws(CSVError) -> Bool {
    var input = try ChunkedInput(source: source, range: range)
    let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: ChunkedInput.chunkSize, alignment: 8)
    defer { chunk.deallocate() }
    var validator = UTF8Validator()
    while true {
      let count = try input.read(into: chunk)
      if count == 0 { return validator.isComplete }
      if !validator.consume(UnsafeRawBufferPointer(rebasing: chunk[0..<count])) { return false }
    }
  }
}
