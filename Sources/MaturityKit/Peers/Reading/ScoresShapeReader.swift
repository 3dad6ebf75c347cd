import CSV
import Foundation

/// What a scores-shape reader keeps of each valid row, besides its key.
protocol ScoresRowSink: Sendable {
  /// Takes the row numbered `row` (counted among the segment's valid rows) of a file with
  /// `columns`, with its scores (`width` values, NaN for none).
  mutating func take(_ fields: PeerRowFields, columns: PeerColumns, scores: [Double], row: Int)
}

/// Reads a segment of a peer file in the scores shape: one row per authority and year, a
/// column per dimension and `overall`, an empty cell for "insufficient data".
struct ScoresShapeReader {
  struct Segment<Sink: ScoresRowSink>: Sendable {
    var sink: Sink
    /// The key of every valid row, for duplicate and newest-year detection.
    var keys = PeerRowKeys()
    var problems: [Problem] = []
    var rows = 0
  }

  let context: PeerReadContext

  init(_ context: PeerReadContext) { self.context = context }

  func read<Sink: ScoresRowSink>(_ reader: CSVReader, skipFirst: Bool, into sink: Sink) -> Result<
    Segment<Sink>, Error
  > {
    let columns = context.columns
    var segment = Segment(sink: sink)
    var log = ProblemLog(file: context.file)
    var scores = [Double](repeating: .nan, count: context.questionnaire.dimensions.count + 1)
    var skip = skipFirst
    let scoreColumns = columns.dimensions.map { $0! } + [columns.overall!]
    let columnNames = context.questionnaire.dimensions.map(\.id) + ["overall"]
    do {
      try reader.forEach { record in
        if skip {
          skip = false
          return
        }
        segment.rows += 1
        let before = log.problems.count
        let fields = PeerRowFields(record: record, columns: columns, context: context, log: &log)
        for (position, column) in scoreColumns.enumerated() {
          scores[position] = .nan
          guard let value = record.number(column) else {
            if record.isBlank(column) { continue }
            log.error(
              record.line, "peers.badScore",
              ["column": columnNames[position], "value": record.value(column) ?? ""])
            continue
          }
          guard (0...100).contains(value) else {
            log.error(
              record.line, "peers.scoreRange",
              ["column": columnNames[position], "value": record.value(column) ?? ""])
            continue
          }
          scores[position] = value
        }
        guard log.problems.count == before, let year = fields.year, !fields.id.isEmpty else { return }
        segment.sink.take(fields, columns: columns, scores: scores, row: segment.keys.count)
        segment.keys.append(id: fields.id, year: year, line: record.line)
      }
    } catch {
      return .failure(error)
    }
    segment.problems = log.problems
    return .success(segment)
  }

  /// Reports every row that repeats an earlier `(authority_id, year)` at its line, and returns
  /// what the keys' index found.
  static func duplicateRows(_ keys: PeerRowKeys, log: inout ProblemLog) -> PeerRowKeys.Index {
    let index = keys.index()
    for (row, first) in index.duplicates {
      log.error(
        keys.lines[row], "peers.duplicate",
        ["authority": keys.id(row), "year": "\(keys.years[row])", "first": "\(keys.lines[first])"])
    }
    return index
  }
}

/// A peer set keeps every valid row whole.
extension PeerSet: ScoresRowSink {
  mutating func take(_ fields: PeerRowFields, columns: PeerColumns, scores: [Double], row: Int) {
    append(fields.authority(columns)!, scores: scores)
  }
}

/// The authority columns of a peer row, checked: id, year, country, population, type, the
/// questionnaire and version when given. Read from the record's bytes; strings are made only
/// for what is asked for (``authority(_:)``, ``country``, ``attribute(_:_:)``) and for messages.
/// Holds nothing reference-counted, so that the threads reading a file share no counter.
///
/// Valid only inside the closure the record was handed to.
struct PeerRowFields {
  let record: CSVRecord
  private let countryColumn: Int?
  private let nameColumn: Int?
  private let keepsNames: Bool
  /// The authority id, trimmed (empty when missing).
  let id: UnsafeBufferPointer<UInt8>
  let year: Int?
  let population: Int?
  let type: AuthorityType?

  init(
    record: CSVRecord, columns: borrowing PeerColumns, context: borrowing PeerReadContext,
    log: inout ProblemLog
  ) {
    self.record = record
    countryColumn = columns.country
    nameColumn = columns.name
    keepsNames = context.keepsNames
    let line = record.line
    id = record.trimmedBytes(columns.authorityID!) ?? UnsafeBufferPointer(start: nil, count: 0)
    if id.isEmpty { log.error(line, "peers.missingID") }
    if let number = record.number(columns.year!), number == number.rounded(), (1900...2200).contains(number) {
      year = Int(number)
    } else {
      year = nil
      log.error(line, "peers.badYear", ["value": record.value(columns.year!) ?? ""])
    }
    if let column = columns.questionnaire, let value = record.trimmedBytes(column),
      !Self.text(value, is: context.questionnaire.id)
    {
      log.error(
        line, "peers.otherQuestionnaire",
        ["found": String(decoding: value, as: UTF8.self), "expected": context.questionnaire.id])
    }
    if let column = columns.version, let value = record.trimmedBytes(column),
      !Self.text(value, is: context.questionnaire.version)
    {
      log.error(
        line, "peers.otherVersion",
        ["found": String(decoding: value, as: UTF8.self), "expected": context.questionnaire.version])
    }
    var population: Int?
    if let column = columns.population, !record.isBlank(column) {
      if let number = record.number(column), number >= 0, number == number.rounded(), number < 1e10 {
        population = Int(number)
      } else {
        log.error(line, "peers.badPopulation", ["value": record.value(column) ?? ""])
      }
    }
    self.population = population
    var type: AuthorityType?
    if let column = columns.type, !record.isBlank(column), let bytes = record.trimmedBytes(column) {
      type = Self.types.first { Self.text(bytes, is: $0.rawValue) }
      if type == nil {
        let text = String(decoding: bytes, as: UTF8.self)
        type = AuthorityType(rawValue: text) ?? AuthorityType(rawValue: text.lowercased())
        if type == nil {
          log.error(
            line, "peers.badType",
            ["value": text, "choices": AuthorityType.allCases.map(\.rawValue).joined(separator: ", ")])
        }
      }
    }
    self.type = type
  }

  private static let types = AuthorityType.allCases

  /// Whether `bytes` are the text `expected`, as strings compare: the same bytes, or (only
  /// possible beyond ASCII) another spelling of the same characters.
  static func text(_ bytes: UnsafeBufferPointer<UInt8>, is expected: String) -> Bool {
    func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool { bytes.allSatisfy { $0 < 0x80 } }
    let answer = expected.utf8.withContiguousStorageIfAvailable { text -> Bool? in
      if text.count == bytes.count
        && (text.isEmpty || memcmp(text.baseAddress!, bytes.baseAddress!, text.count) == 0)
      {
        return true
      }
      return isASCII(text) && isASCII(bytes) ? false : nil
    }
    return answer.flatMap { $0 } ?? (String(decoding: bytes, as: UTF8.self) == expected)
  }

  /// The country code, in upper case; nil when blank.
  var country: String? {
    countryColumn.flatMap { record.trimmedValue($0) }.flatMap { $0.isEmpty ? nil : Self.upper($0) }
  }

  /// The whole authority of a file with `columns`, when the id and year are valid.
  func authority(_ columns: PeerColumns) -> PeerAuthority? {
    guard !id.isEmpty, let year else { return nil }
    var attributes: [String: String] = [:]
    for (column, name) in columns.attributes { attributes[name] = record.value(column) ?? "" }
    return PeerAuthority(
      id: String(decoding: id, as: UTF8.self),
      name: keepsNames ? nameColumn.flatMap { record.value($0) } : nil, country: country,
      population: population, type: type, year: year, attributes: attributes)
  }

  /// Upper case, without making a new string when it already is (country codes usually are).
  static func upper(_ text: String) -> String {
    text.utf8.allSatisfy { !(0x61...0x7A).contains($0) } ? text : text.uppercased()
  }
}
