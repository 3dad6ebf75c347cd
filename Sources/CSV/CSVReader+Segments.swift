#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension CSVReader {
  /// Splits the file into up to `count` readers over consecutive byte ranges that start and end
  /// at record boundaries, for reading one file on several threads.
  ///
  /// Finding the boundaries takes one quick pass over the bytes that follows quoting exactly as
  /// the parser does, so a quoted line break never splits a record. Each segment reports the
  /// file's true line numbers; read in order, the segments give exactly the records of the file.
  public func segments(_ count: Int) throws -> [CSVReader] {
    guard range == nil else { return [self] }
    var input = try ChunkedInput(source: source, range: nil)
    let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: ChunkedInput.chunkSize, alignment: 8)
    defer { chunk.deallocate() }
    let size = try input.size()
    let parts = max(1, count)
    var scanner = BoundaryScanner(delimiter: delimiter.rawValue)
    var boundaries: [(offset: Int, line: Int)] = [(0, 1)]
    var offset = 0
    var nextTarget = size / parts
    while boundaries.count < parts {
      let read = try input.read(into: chunk)
      if read == 0 { break }
      if offset + read <= nextTarget, scanner.skipPlain(UnsafeRawBufferPointer(rebasing: chunk[0..<read])) {
        offset += read
        continue
      }
      var index = 0
      while index < read {
        // Plain bytes change nothing but the state "inside an unquoted field": skip them fast.
        if scanner.isInUnquotedField {
          while index < read, !BoundaryScanner.isSpecial(chunk[index], delimiter: delimiter.rawValue) {
            index += 1
          }
          if index == read { break }
        }
        if let boundary = scanner.consume(chunk[index], at: offset + index), boundaries.count < parts,
          boundary.offset >= nextTarget, boundary.offset < size
        {
          boundaries.append(boundary)
          nextTarget = max(boundary.offset + 1, size * boundaries.count / parts)
        }
        index += 1
      }
      offset += read
    }
    let width = requiresUniformWidth ? try firstRecordWidth() : nil
    return boundaries.indices.map { index in
      let end = index + 1 < boundaries.count ? boundaries[index + 1].offset : size
      return CSVReader(
        segmentOf: self, range: boundaries[index].offset..<end, firstLine: boundaries[index].line,
        expectedWidth: index == 0 ? nil : width)
    }
  }

  private func firstRecordWidth() throws -> Int? {
    struct Stop: Error {}
    var width: Int?
    do {
      try forEach { record in
        width = record.count
        throw Stop()
      }
    } catch is Stop {}
    return width
  }
}

/// Follows the parser's quoting rules over raw bytes to find where records end.
struct BoundaryScanner {
  private enum State { case fieldStart, unquoted, quoted, quoteInQuoted }
  private let delimiter: UInt8
  private var state = State.fieldStart
  private var line = 1
  private var previousWasCR = false
  /// A record ended with CR at this offset; the boundary is after an LF that may follow.
  private var pendingAfterCR: Int?

  init(delimiter: UInt8) { self.delimiter = delimiter }

  /// True inside an unquoted field with no CR pending, where only a delimiter, a quote or a line
  /// break changes anything.
  var isInUnquotedField: Bool { state == .unquoted && pendingAfterCR == nil && !previousWasCR }

  @inline(__always)
  static func isSpecial(_ byte: UInt8, delimiter: UInt8) -> Bool {
    byte == 0x22 || byte == 0x0A || byte == 0x0D || byte == delimiter
  }

  /// Passes over bytes in which no boundary is wanted, at memory speed when they hold no quote
  /// and do not end in a CR (the usual case) and the scan is not inside a quoted field or after
  /// a CR: then only their line breaks count (CR, LF, CRLF as one), and the last byte tells the
  /// state. False, with nothing consumed, otherwise.
  mutating func skipPlain(_ bytes: UnsafeRawBufferPointer) -> Bool {
    guard let base = bytes.baseAddress, state == .fieldStart || state == .unquoted, pendingAfterCR == nil,
      !previousWasCR,
      bytes[bytes.count - 1] != 0x0D, memchr(base, 0x22, bytes.count) == nil
    else { return false }
    line += Self.lineBreaks(in: bytes)
    let last = bytes[bytes.count - 1]
    state = last == 0x0A || last == delimiter ? .fieldStart : .unquoted
    return true
  }

  /// The line breaks in `bytes` as the parser counts them — CR, LF, and CRLF as one — eight
  /// bytes at a time: CRs and LFs, less the CRs followed by an LF.
  static func lineBreaks(in bytes: UnsafeRawBufferPointer) -> Int {
    let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
    /// The high bit of each byte of `word` equal to `byte` (it alone becomes a zero byte, and a
    /// zero byte is the only one whose high bit survives).
    func matches(_ word: UInt64, _ byte: UInt8) -> UInt64 {
      let x = word ^ (UInt64(byte) &* 0x0101_0101_0101_0101)
      return ~(((x & low7) &+ low7) | x | low7)
    }
    var total = 0
    var index = 0
    while index + 9 <= bytes.count {
      let word = bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self)
      let next = bytes.loadUnaligned(fromByteOffset: index + 1, as: UInt64.self)
      let returns = matches(word, 0x0D)
      total +=
        (returns | matches(word, 0x0A)).nonzeroBitCount - (returns & matches(next, 0x0A)).nonzeroBitCount
      index += 8
    }
    let tail = index
    while index < bytes.count {
      let byte = bytes[index]
      if byte == 0x0D || (byte == 0x0A && !(index > tail && bytes[index - 1] == 0x0D)) { total += 1 }
      index += 1
    }
    return total
  }

  /// Consumes the byte at `offset`; returns a boundary (offset where the next record starts and
  /// its line) when one is settled.
  mutating func consume(_ byte: UInt8, at offset: Int) -> (offset: Int, line: Int)? {
    var boundary: (offset: Int, line: Int)? = nil
    if let crOffset = pendingAfterCR {
      pendingAfterCR = nil
      if byte != 0x0A { boundary = (crOffset + 1, line) }
    }
    let isBreak = byte == 0x0A || byte == 0x0D
    if byte == 0x0D || (byte == 0x0A && !previousWasCR) { line += 1 }
    previousWasCR = byte == 0x0D
    var endsRecord = false
    switch state {
    case .fieldStart, .unquoted:
      if byte == 0x22 && state == .fieldStart {
        state = .quoted
      } else if byte == delimiter {
        state = .fieldStart
      } else if isBreak {
        state = .fieldStart
        endsRecord = true
      } else {
        state = .unquoted
      }
    case .quoted:
      if byte == 0x22 { state = .quoteInQuoted }
    case .quoteInQuoted:
      if byte == delimiter {
        state = .fieldStart
      } else if isBreak {
        state = .fieldStart
        endsRecord = true
      } else {
        state = .quoted
      }
    }
    if endsRecord {
      if byte == 0x0D {
        pendingAfterCR = offset
      } else {
        boundary = (offset + 1, line)
      }
    }
    return boundary
  }
}
