import CLibCSV

/// A streaming CSV reader on libcsv, in constant memory whatever the file size.
///
/// The delimiter and encoding are settled when the reader is made (detected unless given);
/// ``forEach(_:)`` then hands each record to a closure as a view on the reader's buffer.
///
/// ```swift
/// let reader = try CSVReader(path: "peers.csv")
/// try reader.forEach { record in
///   print(record.line, record.string(0) ?? "")
/// }
/// ```
public struct CSVReader: Sendable {
  /// Where the bytes come from.
  public let source: CSVSource
  /// The field separator, given or detected.
  public let delimiter: CSVDelimiter
  /// The encoding, given or detected.
  public let encoding: CSVEncoding
  /// What the user should be told about how the file was read.
  public let warnings: [CSVWarning]
  /// Whether every record must have the width of the first.
  public let requiresUniformWidth: Bool

  let range: Range<Int>?
  let firstLine: Int
  /// The width every record must have, when known before reading (segments after the first).
  let expectedWidth: Int?
  /// True when each record's bytes must be checked for UTF-8 (UTF-8 forced, not pre-checked).
  let checksUTF8: Bool

  /// Records larger than this are refused: almost always a quote that is never closed.
  static let recordSizeLimit = 64 << 20

  /// Prepares to read `source`, detecting what `options` leaves open.
  ///
  /// Detecting the encoding reads the whole file once (on every core), checking that it is UTF-8.
  /// A UTF-16 source (told by its byte-order mark, or forced) is turned into UTF-8 first.
  public init(_ source: CSVSource, options: CSVReadOptions = CSVReadOptions()) throws(CSVError) {
    var input = try ChunkedInput(source: source, range: nil)
    let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: ChunkedInput.chunkSize, alignment: 8)
    defer { chunk.deallocate() }
    var headCount = try input.read(into: chunk)
    let marked = UTF16Decoding.byteOrder(UnsafeRawBufferPointer(rebasing: chunk[0..<headCount]))
    var source = source
    let utf16 = options.encoding == .utf16 || (options.encoding == nil && marked != nil)
    if utf16 {
      source = try UTF16Decoding.utf8(source, littleEndian: marked ?? true)
      var decoded = try ChunkedInput(source: source, range: nil)
      headCount = try decoded.read(into: chunk)
    }
    let head = Self.strippingBOM(UnsafeRawBufferPointer(rebasing: chunk[0..<headCount]))

    self.source = source
    self.delimiter = options.delimiter ?? DelimiterDetection.detect(in: head)
    self.requiresUniformWidth = options.requiresUniformWidth
    self.range = nil
    self.firstLine = 1
    self.expectedWidth = nil
    if utf16 {
      self.encoding = .utf16
      self.checksUTF8 = false
      self.warnings = []
    } else if let encoding = options.encoding {
      self.encoding = encoding
      self.checksUTF8 = encoding == .utf8
      self.warnings = []
    } else {
      let valid = try EncodingDetection.isUTF8(source)
      self.encoding = valid ? .utf8 : .windows1252
      self.checksUTF8 = false
      self.warnings = valid ? [] : [.readAsWindows1252(file: source.name)]
    }
  }

  /// Prepares to read the file at `path`.
  public init(path: String, options: CSVReadOptions = CSVReadOptions()) throws(CSVError) {
    try self.init(.file(path: path), options: options)
  }

  init(segmentOf reader: CSVReader, range: Range<Int>, firstLine: Int, expectedWidth: Int?) {
    self.source = reader.source
    self.delimiter = reader.delimiter
    self.encoding = reader.encoding
    self.warnings = reader.warnings
    self.requiresUniformWidth = reader.requiresUniformWidth
    self.checksUTF8 = reader.checksUTF8
    self.range = range
    self.firstLine = firstLine
    self.expectedWidth = expectedWidth
  }

  /// Calls `body` with each record in order, the header included. Blank lines hold no record.
  ///
  /// Throws ``CSVError`` for a file that cannot be read as CSV, naming the line where the bad
  /// record starts, and rethrows what `body` throws (which stops the reading).
  public func forEach(_ body: (CSVRecord) throws -> Void) throws {
    var input = try ChunkedInput(source: source, range: range)
    var parser = csv_parser()
    guard csv_init(&parser, UInt8(CSV_REPALL_NL)) == 0 else {
      throw CSVError(file: source.name, line: nil, kind: .recordTooLarge)
    }
    defer { csv_free(&parser) }
    csv_set_delim(&parser, delimiter.rawValue)
    csv_set_space_func(&parser) { _ in 0 }

    let state = UnsafeMutablePointer<ParseState>.allocate(capacity: 1)
    state.initialize(to: ParseState(firstLine: firstLine))
    defer {
      state.deinitialize(count: 1)
      state.deallocate()
    }
    let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: ChunkedInput.chunkSize, alignment: 8)
    defer { chunk.deallocate() }
    var transcoded: [UInt8] = []
    var width = expectedWidth
    var atStart = (range?.lowerBound ?? 0) == 0

    while true {
      let count = try input.read(into: chunk)
      if count == 0 { break }
      var bytes = UnsafeRawBufferPointer(rebasing: chunk[0..<count])
      if atStart {
        bytes = Self.strippingBOM(bytes)
        atStart = false
      }
      let parsed: Int
      let expected: Int
      if encoding == .windows1252 {
        Windows1252.transcode(bytes, into: &transcoded)
        expected = transcoded.count
        parsed = transcoded.withUnsafeBytes {
          csv_parse(
            &parser, $0.baseAddress, $0.count, ParseState.fieldCallback, ParseState.recordCallback, state)
        }
      } else {
        expected = bytes.count
        parsed = csv_parse(
          &parser, bytes.baseAddress, bytes.count, ParseState.fieldCallback, ParseState.recordCallback, state)
      }
      guard parsed == expected else {
        throw CSVError(file: source.name, line: state.pointee.openRecordLine, kind: .recordTooLarge)
      }
      try deliver(state, width: &width, body)
      if parser.entry_pos + state.pointee.bytes.count > Self.recordSizeLimit {
        throw CSVError(file: source.name, line: state.pointee.openRecordLine, kind: .recordTooLarge)
      }
    }
    // libcsv's states: 2 is "inside a field"; a quoted field still open there never closed.
    if parser.pstate == 2 && parser.quoted != 0 {
      throw CSVError(file: source.name, line: state.pointee.openRecordLine, kind: .unterminatedQuote)
    }
    csv_fini(&parser, ParseState.fieldCallback, ParseState.recordCallback, state)
    try deliver(state, width: &width, body)
  }

  /// Reads every record into memory as text. For small files and tests; large files use ``forEach(_:)``.
  public func readAll() throws -> [[String]] {
    var rows: [[String]] = []
    try forEach { rows.append($0.strings()) }
    return rows
  }

  private func deliver(
    _ state: UnsafeMutablePointer<ParseState>, width: inout Int?, _ body: (CSVRecord) throws -> Void
  ) throws {
    guard !state.pointee.records.isEmpty else { return }
    defer { state.pointee.discardDeliveredRecords() }
    let bytes = state.pointee.bytes.contents
    let bounds = state.pointee.fieldBounds.contents
    for mark in state.pointee.records {
      let record = CSVRecord(
        bytes: bytes,
        bounds: UnsafeBufferPointer(rebasing: bounds[mark.firstField...(mark.firstField + mark.fieldCount)]),
        line: mark.line)
      if checksUTF8 && !UTF8Validator.isValid(record.allBytes) {
        throw CSVError(file: source.name, line: mark.line, kind: .invalidUTF8)
      }
      if requiresUniformWidth {
        if let expected = width, expected != record.count {
          throw CSVError(
            file: source.name, line: mark.line, kind: .raggedRow(found: record.count, expected: expected))
        }
        width = width ?? record.count
      }
      try body(record)
    }
  }

  static func strippingBOM(_ bytes: UnsafeRawBufferPointer) -> UnsafeRawBufferPointer {
    guard bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF else { return bytes }
    return UnsafeRawBufferPointer(rebasing: bytes[3...])
  }
}
