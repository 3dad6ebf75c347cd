import CSV
import Foundation
import Parallel

/// One peer file's valid rows, column by column: what a peer group is chosen from, without a
/// `String` per row. Made by reading the file once (``PeerTable/read(_:questionnaire:options:)``),
/// and kept by ``PeerTableCache`` so that the next comparison against the same file need not
/// parse it again.
struct PeerTable: Sendable {
  /// Text values stored once each, and a code per row.
  struct CodedColumn: Sendable, Equatable {
    var values: [String?] = []
    var codes: [UInt32] = []
  }

  var source: PeerSource
  /// What is to be said about the whole file (its encoding).
  var notes: [Problem]
  /// The rows' problems, in line order: errors are the rows left out.
  var problems: [Problem]
  /// Scores per row: the dimensions, then overall.
  let width: Int
  /// Every valid row's authority id, year and line.
  var keys: PeerRowKeys
  /// Rows that repeat an earlier row's authority and year, in order: never peers.
  var duplicates: [Int]
  /// Each authority's newest row (duplicates never), in order.
  var newest: [Int]
  var countries: CodedColumn
  /// -1 when not given.
  var populations: [Int]
  /// The index of the type in `AuthorityType.allCases`; 255 when not given.
  var types: [UInt8]
  /// The attribute columns (lower-cased names), in file order.
  var attributes: [(name: String, column: CodedColumn)]
  /// `width` scores per row, NaN for none.
  var scores: [Double]

  var count: Int { keys.count }

  /// Reads `path` whole, on every thread for the scores shape, keeping its valid rows and the
  /// problems of the others whatever `options.skipInvalid` says (see ``refuse(unless:)``).
  static func read(_ path: String, questionnaire: Questionnaire, options: PeerReadOptions) throws -> PeerTable
  {
    let file = try PeerFile(path, questionnaire: questionnaire, options: options)
    var log = ProblemLog(file: path)
    var builder = Builder(
      attributeCount: file.context.columns.attributes.count, width: questionnaire.dimensions.count + 1)
    let keys: PeerRowKeys
    let index: PeerRowKeys.Index
    let rows: Int
    switch file.shape {
    case .scores:
      let read = try file.readScores(into: builder, log: &log)
      builder = Builder(merging: read.sinks.map(\.sink))
      keys = read.keys
      index = ScoresShapeReader.duplicateRows(keys, log: &log)
      rows = read.rows
    case .answers:
      let (peers, read) = try file.readAnswers(log: &log)
      let names = file.context.columns.attributeNames
      var answerKeys = PeerRowKeys()
      for (row, peer) in peers.authorities.enumerated() {
        answerKeys.append(id: peer.id, year: peer.year, line: 0)
        builder.append(
          country: peer.country, population: peer.population, type: peer.type,
          attributes: names.map { peer.attributes[$0] },
          scores: (0..<builder.width).map { peers.score(row, $0) ?? .nan })
      }
      keys = answerKeys
      index = keys.index()
      rows = read
    }
    let (source, notes, problems) = file.finish(log, rows: rows)
    return PeerTable(
      source: source, notes: notes, problems: problems, width: builder.width, keys: keys,
      duplicates: index.duplicates.map(\.row),
      newest: index.newest, countries: builder.countries.column, populations: builder.populations,
      types: builder.types,
      attributes: zip(file.context.columns.attributeNames, builder.attributes.map(\.column)).map { ($0, $1) },
      scores: builder.scores)
  }

  /// The notes and problems to report.
  var warnings: [Problem] { notes + problems }

  /// Throws the problems when one is an error, unless bad rows are to be skipped.
  func refuse(unless skipping: Bool) throws(Problems) { try Problems.refuse(problems, unless: skipping) }

  /// The rows that `test` admits, other than the compared authority's (`authorityID`), in order.
  func rows(admittedBy test: PeerTest, authorityID: String) -> [Int] {
    let countryPasses = test.country.map { wanted in countries.values.map { $0?.uppercased() == wanted } }
    // An attribute the file lacks admits no row, as a missing value never equals the one asked for.
    let attributePasses: [(codes: [UInt32], passes: [Bool])?] = test.attributes.map { name, value in
      attributes.last { $0.name == name }.map {
        ($0.column.codes, $0.column.values.map { $0?.lowercased() == value })
      }
    }
    if attributePasses.contains(where: { $0 == nil }) { return [] }
    let wantedType = test.type.flatMap { AuthorityType.allCases.firstIndex(of: $0) }.map(UInt8.init)
    let ownID = Array(authorityID.precomposedStringWithCanonicalMapping.utf8)
    // A part of the rows per thread.
    let parts = Swift.max(1, Swift.min(ProcessInfo.processInfo.activeProcessorCount, count / 50_000))
    let ranges = (0..<parts).map { (count * $0 / parts)..<(count * ($0 + 1) / parts) }
    return ParallelWork.map(ranges) { _, range in
      ownID.withUnsafeBufferPointer { ownID in
        range.filter { row in
          if let countryPasses, !countryPasses[Int(countries.codes[row])] { return false }
          if test.type != nil, types[row] != wantedType { return false }
          if let band = test.band, populations[row] < 0 || test.bands.index(of: populations[row]) != band {
            return false
          }
          for case let (codes, passes)? in attributePasses where !passes[Int(codes[row])] { return false }
          return !keys.hasID(row, ownID)
        }
      }
    }.flatMap { $0 }
  }

  /// The scores of `row`, NaN for none.
  func scores(_ row: Int) -> ArraySlice<Double> { scores[(row * width)..<((row + 1) * width)] }

  /// The population of `row`, when given.
  func population(_ row: Int) -> Int? { populations[row] < 0 ? nil : populations[row] }

  /// The context of `row` for `--similar`, with the values of the attribute columns `names`
  /// (none when the file lacks one).
  func context(_ row: Int, attributes names: [String]) -> PeerContext {
    PeerContext(
      population: population(row), type: types[row] == 255 ? nil : AuthorityType.allCases[Int(types[row])],
      country: countries.values[Int(countries.codes[row])],
      attributes: names.map { name in
        attributes.last { $0.name == name }.flatMap { $0.column.values[Int($0.column.codes[row])] }
      })
  }

  /// The rows of the authority `authorityID`, in order.
  func rows(of authorityID: String) -> [Int] {
    let ownID = Array(authorityID.precomposedStringWithCanonicalMapping.utf8)
    return ownID.withUnsafeBufferPointer { ownID in (0..<count).filter { keys.hasID($0, ownID) } }
  }

  /// Collects the columns of the rows read by one thread (a ``ScoresRowSink``), or of a whole file.
  struct Builder: ScoresRowSink {
    /// Gives each distinct value a code, in order of first appearance.
    struct Coder: Sendable {
      private(set) var column = CodedColumn()
      private var codes: [String?: UInt32] = [:]

      /// Codes of values read from at most seven bytes, by those bytes and their count.
      private var short: [UInt64: UInt32] = [:]

      mutating func append(_ value: String?) { column.codes.append(code(value)) }

      /// Appends the value made from `bytes` (nil for none), without making it again when the
      /// same few bytes came before (a country code, say).
      mutating func append(_ bytes: UnsafeBufferPointer<UInt8>?, making value: () -> String?) {
        guard let bytes, bytes.count < 8 else { return append(value()) }
        var key = UInt64(bytes.count)
        for byte in bytes { key = key << 8 | UInt64(byte) }
        if let known = short[key] { return column.codes.append(known) }
        let made = code(value())
        short[key] = made
        column.codes.append(made)
      }

      /// Appends the rows of `other`, recoded.
      mutating func append(contentsOf other: Coder) {
        let recoded = other.column.values.map { code($0) }
        column.codes += other.column.codes.map { recoded[Int($0)] }
      }

      private mutating func code(_ value: String?) -> UInt32 {
        if let code = codes[value] { return code }
        let code = UInt32(column.values.count)
        codes[value] = code
        column.values.append(value)
        return code
      }
    }

    let width: Int
    var countries = Coder()
    var attributes: [Coder]
    var populations: [Int] = []
    var types: [UInt8] = []
    var scores: [Double] = []

    init(attributeCount: Int, width: Int) {
      self.width = width
      attributes = Array(repeating: Coder(), count: attributeCount)
    }

    /// The rows of `parts`, one after the other.
    init(merging parts: [Builder]) {
      self.init(attributeCount: parts.first?.attributes.count ?? 0, width: parts.first?.width ?? 0)
      for part in parts {
        countries.append(contentsOf: part.countries)
        for (index, coder) in part.attributes.enumerated() { attributes[index].append(contentsOf: coder) }
        populations += part.populations
        types += part.types
        scores += part.scores
      }
    }

    mutating func append(
      country: String?, population: Int?, type: AuthorityType?, attributes values: [String?], scores: [Double]
    ) {
      countries.append(country)
      appendRest(population: population, type: type, attributes: values, scores: scores)
    }

    mutating func take(_ fields: PeerRowFields, columns: PeerColumns, scores: [Double], row: Int) {
      countries.append(columns.country.flatMap { fields.record.trimmedBytes($0) }) { fields.country }
      appendRest(
        population: fields.population, type: fields.type,
        attributes: columns.attributes.map { fields.record.value($0.0) ?? "" },
        scores: scores)
    }

    private mutating func appendRest(
      population: Int?, type: AuthorityType?, attributes values: [String?], scores: [Double]
    ) {
      for (index, value) in values.enumerated() { attributes[index].append(value) }
      populations.append(population ?? -1)
      types.append(type.flatMap { AuthorityType.allCases.firstIndex(of: $0) }.map(UInt8.init) ?? 255)
      self.scores += scores
    }
  }
}
