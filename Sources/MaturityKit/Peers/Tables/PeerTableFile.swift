import CSV
import Foundation
import Parallel

/// The file a ``PeerTable`` is kept in: a magic line, the length of a JSON header, the header
/// (key, description, problems, coded values, counts), each column's bytes as the machine holds
/// them, and a trailer: a checksum of every byte before it. Loading checks the checksum, every
/// size and every value against the questionnaire the key names before the table is used, so a
/// damaged file is refused, never trusted.
enum PeerTableFile {
  /// Format 3: the checksum moved from the header to the trailer, over the header too.
  static let magic = Array("DMPEERTABLE/4\n".utf8)

  struct Header: Codable {
    var key: PeerTableCache.Key
    var source: PeerSource
    var notes: [Problem]
    var problems: [Problem]
    var width: Int
    var rows: Int
    var idBytes: Int
    var duplicates: Int
    var newest: Int
    var countries: [String?]
    var attributeNames: [String]
    var attributeValues: [[String?]]
  }

  /// Why a table file is not used.
  struct Refused: Error {}

  /// The years a peer row may have (as the readers accept them).
  static let plausibleYears: ClosedRange<Int32> = 1900...2200

  static func write(_ table: PeerTable, key: PeerTableCache.Key, to handle: FileHandle) throws {
    var columns: [Column] = [
      Column(table.keys.idBytes), Column(table.keys.idEnds), Column(table.keys.years),
      Column(table.keys.lines),
      Column(table.keys.hashes), Column(table.duplicates), Column(table.newest),
      Column(table.countries.codes),
      Column(table.populations), Column(table.types),
    ]
    columns += table.attributes.map { Column($0.column.codes) }
    columns.append(Column(table.scores))
    let header = Header(
      key: key, source: table.source, notes: table.notes, problems: table.problems, width: table.width,
      rows: table.count,
      idBytes: table.keys.idBytes.count, duplicates: table.duplicates.count, newest: table.newest.count,
      countries: table.countries.values, attributeNames: table.attributes.map(\.name),
      attributeValues: table.attributes.map(\.column.values))
    let encoder = JSONEncoder()
    encoder.outputFormatting = .sortedKeys
    let start = try opening(encoder.encode(header))
    try handle.write(contentsOf: start)
    for column in columns { try column.write(handle) }
    let checksum = Checksum.combine([Checksum.of(start)] + columns.map(\.checksum))
    try withUnsafeBytes(of: checksum) { try handle.write(contentsOf: $0) }
  }

  /// The magic line, the header's length and the header: the bytes before the columns.
  private static func opening(_ json: some Collection<UInt8>) -> [UInt8] {
    magic + withUnsafeBytes(of: UInt64(json.count)) { Array($0) } + json
  }

  /// One column's values, ready to be written.
  private struct Column {
    let write: (FileHandle) throws -> Void
    let checksum: UInt64

    init<T: BitwiseCopyable>(_ values: [T]) {
      write = { handle in try values.withUnsafeBytes { try handle.write(contentsOf: $0) } }
      checksum = Checksum.of(values)
    }
  }

  /// The table in `file` when it was made from `key`; throws when it was not, or is damaged.
  static func load(_ file: URL, key: PeerTableCache.Key) throws -> PeerTable {
    let cursor = try Cursor(file)
    guard try cursor.take(UInt8.self, magic.count) == magic else { throw Refused() }
    let headerLength = try cursor.take(UInt64.self, 1)[0]
    guard headerLength < UInt64(cursor.remaining) else { throw Refused() }
    let json = try cursor.take(UInt8.self, Int(headerLength))
    let header = try JSONDecoder().decode(Header.self, from: Data(json))
    // The key names the questionnaire's id, version and dimensions: a row has a score for each, and overall.
    guard header.key == key, header.width == key.questionnaire.count - 1, header.rows >= 0,
      header.attributeNames.count == header.attributeValues.count,
      header.duplicates <= header.rows, header.newest <= header.rows
    else { throw Refused() }
    let rows = header.rows
    guard
      let keys = PeerRowKeys(
        idBytes: try cursor.take(UInt8.self, header.idBytes), idEnds: try cursor.take(Int.self, rows),
        years: try cursor.take(Int32.self, rows), lines: try cursor.take(Int.self, rows),
        hashes: try cursor.take(UInt64.self, rows))
    else { throw Refused() }
    let duplicates = try cursor.take(Int.self, header.duplicates)
    let newest = try cursor.take(Int.self, header.newest)
    let countries = PeerTable.CodedColumn(values: header.countries, codes: try cursor.take(UInt32.self, rows))
    let populations = try cursor.take(Int.self, rows)
    let types = try cursor.take(UInt8.self, rows)
    let attributes = try zip(header.attributeNames, header.attributeValues).map {
      ($0, PeerTable.CodedColumn(values: $1, codes: try cursor.take(UInt32.self, rows)))
    }
    let (scoreCount, overflow) = rows.multipliedReportingOverflow(by: header.width)
    guard !overflow else { throw Refused() }
    let scores = try cursor.take(Double.self, scoreCount)
    let written = try cursor.take(UInt64.self, 1)[0]
    guard cursor.remaining == 0 else { throw Refused() }
    // Every byte's checksum and every value's check, column by column on every thread; nil for a
    // column with a value that no table of this questionnaire holds.
    let typeCount = AuthorityType.allCases.count
    var columns: [@Sendable () -> UInt64?] = [
      { Checksum.of(Self.opening(json)) },
      { Checksum.of(keys.idBytes) }, { Checksum.of(keys.idEnds) },
      { Checksum.of(keys.years, where: { Self.plausibleYears.contains($0) }) },
      { Checksum.of(keys.lines, where: { $0 >= 0 }) },
      { Checksum.of(keys.hashes) },
      { Checksum.of(duplicates, where: Self.ascending(below: rows)) },
      { Checksum.of(newest, where: Self.ascending(below: rows)) },
      { Checksum.of(countries) },
      { Checksum.of(populations, where: { $0 >= -1 && $0 < 10_000_000_000 }) },
      { Checksum.of(types, where: { $0 == 255 || Int($0) < typeCount }) },
    ]
    columns += attributes.map { attribute in { Checksum.of(attribute.1) } }
    columns.append { Checksum.of(scores, where: { $0.isNaN || (0...100).contains($0) }) }
    let checksums = ParallelWork.map(columns) { _, checksum in checksum() }.compactMap { $0 }
    guard checksums.count == columns.count, Checksum.combine(checksums) == written else { throw Refused() }
    return PeerTable(
      source: header.source, notes: header.notes, problems: header.problems, width: header.width, keys: keys,
      duplicates: duplicates,
      newest: newest, countries: countries, populations: populations, types: types, attributes: attributes,
      scores: scores)
  }

  /// A test of row numbers: each below `rows` and above the one before (a closure keeps the one before).
  private static func ascending(below rows: Int) -> (Int) -> Bool {
    var previous = -1
    return { row in
      defer { previous = row }
      return row > previous && row < rows
    }
  }

  /// Reads a table file front to back straight into each column's storage (one copy, no
  /// mapping), refusing to read past its end. Only a regular file is read: a FIFO, a device or
  /// a symbolic link in its place is refused without waiting for it.
  private final class Cursor {
    private let descriptor: Int32
    private(set) var remaining: Int

    init(_ file: URL) throws {
      descriptor = open(file.path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOFOLLOW)
      guard descriptor >= 0 else { throw Refused() }
      var info = stat()
      guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG,
        fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) & ~O_NONBLOCK) == 0
      else {
        close(descriptor)
        throw Refused()
      }
      remaining = Int(info.st_size)
    }

    deinit { close(descriptor) }

    /// The next `count` values of type `T`.
    func take<T: BitwiseCopyable>(_ type: T.Type, _ count: Int) throws -> [T] {
      let (size, overflow) = count.multipliedReportingOverflow(by: MemoryLayout<T>.stride)
      guard count >= 0, !overflow, size <= remaining else { throw Refused() }
      var complete = true
      let values = [T](unsafeUninitializedCapacity: count) { buffer, initialized in
        var done = 0
        while done < size {
          let read = Foundation.read(
            descriptor, UnsafeMutableRawPointer(buffer.baseAddress!) + done, size - done)
          if read < 0 && errno == EINTR { continue }
          guard read > 0 else { break }
          done += read
        }
        complete = done == size
        // Values that could not be read are never used: the cursor refuses the file below.
        if !complete { UnsafeMutableRawBufferPointer(buffer).initializeMemory(as: UInt8.self, repeating: 0) }
        initialized = count
      }
      guard complete else { throw Refused() }
      remaining -= size
      return values
    }
  }
}

/// A quick 64-bit checksum of columns' bytes, eight at a time: for damage, not for attacks.
enum Checksum {
  static func of<T: BitwiseCopyable>(_ values: [T]) -> UInt64 {
    values.withUnsafeBytes { bytes in
      var hash = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
      var index = 0
      while index + 8 <= bytes.count {
        hash = mix(hash, bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self))
        index += 8
      }
      while index < bytes.count {
        hash = mix(hash, UInt64(bytes[index]))
        index += 1
      }
      return hash
    }
  }

  /// The checksum of `values` when `valid` holds for each of them, else nil.
  static func of<T: BitwiseCopyable>(_ values: [T], where valid: (T) -> Bool) -> UInt64? {
    values.allSatisfy(valid) ? of(values) : nil
  }

  /// The checksum of a coded column's codes when each names one of its values, else nil.
  static func of(_ column: PeerTable.CodedColumn) -> UInt64? {
    let count = column.values.count
    return of(column.codes, where: { Int($0) < count })
  }

  static func combine(_ checksums: [UInt64]) -> UInt64 { checksums.reduce(0) { mix($0, $1) } }

  private static func mix(_ hash: UInt64, _ value: UInt64) -> UInt64 {
    let product = (hash ^ value) &* 0xBF58_476D_1CE4_E5B9
    return product ^ (product >> 31)
  }
}
