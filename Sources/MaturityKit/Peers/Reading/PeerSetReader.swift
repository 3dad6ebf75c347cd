import CSV
import Foundation
import InterfaceText
import Parallel

/// How peer files are read.
public struct PeerReadOptions: Sendable {
  /// Read the valid rows of a file that has bad ones (each still reported, as a warning).
  public var skipInvalid: Bool
  /// Delimiter and encoding; detected when nil.
  public var csv: CSVReadOptions
  /// How many threads read one file.
  public var threads: Int
  /// Keep the authorities' names (for a network's own report); comparisons never need them.
  public var keepsNames = false
  /// Where comparisons keep what they read of each scores-shape file, to load it next time
  /// instead of parsing it (see ``PeerTableCache``); nil keeps nothing.
  public var cacheDirectory: String?

  /// `$XDG_CACHE_HOME/digital-maturity/peer-tables`, else `~/.cache/digital-maturity/peer-tables`.
  public static func defaultCacheDirectory(
    environment: [String: String] = ProcessInfo.processInfo.environment
  ) -> String {
    let base =
      environment["XDG_CACHE_HOME"].flatMap { $0.isEmpty ? nil : $0 }
      ?? (environment["HOME"] ?? NSHomeDirectory()) + "/.cache"
    return base + "/digital-maturity/peer-tables"
  }

  public init(
    skipInvalid: Bool = false, csv: CSVReadOptions = CSVReadOptions(),
    threads: Int = ProcessInfo.processInfo.activeProcessorCount
  ) {
    self.skipInvalid = skipInvalid
    self.csv = csv
    self.threads = max(1, threads)
  }
}

/// Reads peer benchmark CSV files of either shape (found by header names) into one ``PeerSet``.
///
/// Every bad row is reported with its line. By default a file with a bad row is refused with
/// all its problems; with ``PeerReadOptions/skipInvalid`` the rest is read and the problems
/// come back with the peers, with the number of rows left out in ``PeerSource/rowsLeftOut``.
public enum PeerSetReader {
  public static func read(
    _ paths: [String], questionnaire: Questionnaire, options: PeerReadOptions = PeerReadOptions()
  )
    throws -> (peers: PeerSet, warnings: [Problem])
  {
    var peers = PeerSet(dimensionIDs: questionnaire.dimensions.map(\.id))
    var warnings: [Problem] = []
    for path in paths {
      let file = try readFile(path, questionnaire: questionnaire, options: options)
      warnings += file.warnings
      peers.append(contentsOf: file.peers)
    }
    if paths.count > 1 {
      var keys = PeerRowKeys()
      for authority in peers.authorities { keys.append(id: authority.id, year: authority.year, line: 0) }
      _ = try keys.indexAcrossFiles(paths)
    }
    return (peers, warnings)
  }

  static func readFile(_ path: String, questionnaire: Questionnaire, options: PeerReadOptions) throws -> (
    peers: PeerSet, warnings: [Problem]
  ) {
    let file = try PeerFile(path, questionnaire: questionnaire, options: options)
    var log = ProblemLog(file: path)
    var peers: PeerSet
    var rows: Int
    switch file.shape {
    case .scores:
      peers = PeerSet(dimensionIDs: questionnaire.dimensions.map(\.id))
      let read = try file.readScores(into: peers, log: &log)
      for part in read.sinks { peers.append(contentsOf: part.sink) }
      rows = read.rows
      let index = ScoresShapeReader.duplicateRows(read.keys, log: &log)
      if index.duplicates.isEmpty {
        peers.newestRows = index.severalYears ? index.newest : nil
      } else {
        let duplicates = Set(index.duplicates.map(\.row))
        peers = peers.selecting(peers.authorities.indices.filter { !duplicates.contains($0) })
      }
      peers.hasSeveralYears = index.severalYears
    case .answers:
      (peers, rows) = try file.readAnswers(log: &log)
    }
    let (source, notes, problems) = file.finish(log, rows: rows)
    try Problems.refuse(problems, unless: options.skipInvalid)
    peers.sources = [source]
    return (peers, notes + problems)
  }

  struct StopReading: Error {}
}

/// A peer file opened: its reader, header, columns and shape; reads its rows on every thread.
struct PeerFile {
  let path: String
  let reader: CSVReader
  let header: CSVHeader
  let shape: PeerSource.Shape
  let context: PeerReadContext
  let options: PeerReadOptions

  /// Opens `path` and reads its header; refuses a file of neither shape or without its key columns.
  init(_ path: String, questionnaire: Questionnaire, options: PeerReadOptions) throws {
    let reader = try CSVReader(path: path, options: options.csv)
    var header: CSVHeader?
    var headerLine = 1
    do {
      try reader.forEach { record in
        header = try CSVHeader(record, file: path)
        headerLine = record.line
        throw PeerSetReader.StopReading()
      }
    } catch is PeerSetReader.StopReading {}
    guard let header else {
      throw Problems([Problem(.error, SourceLocation(file: path, line: 1), "file.empty")])
    }
    let columns = PeerColumns(header: header, questionnaire: questionnaire)
    let shape: PeerSource.Shape
    if columns.questionID != nil && columns.answer != nil {
      shape = .answers
    } else if columns.dimensions.allSatisfy({ $0 != nil }) && columns.overall != nil {
      shape = .scores
    } else {
      let missingScores =
        zip(questionnaire.dimensions.map(\.id), columns.dimensions).filter { $0.1 == nil }.map(\.0)
        + (columns.overall == nil ? ["overall"] : [])
      throw Problems([
        Problem(
          .error, SourceLocation(file: path, line: headerLine), "peers.unknownShape",
          ["missing": missingScores.joined(separator: ", ")])
      ])
    }
    var missing: [String] = []
    if columns.authorityID == nil { missing.append("authority_id") }
    if columns.year == nil { missing.append("year") }
    if !missing.isEmpty {
      throw Problems([
        Problem(
          .error, SourceLocation(file: path, line: headerLine), "peers.missingColumns",
          ["columns": missing.joined(separator: ", ")])
      ])
    }
    self.path = path
    self.reader = reader
    self.header = header
    self.shape = shape
    self.options = options
    context = PeerReadContext(
      file: path, questionnaire: questionnaire, columns: columns,
      plan: shape == .answers ? ScoringPlan(questionnaire) : nil,
      keepsNames: options.keepsNames)
  }

  /// Reads a scores-shape file on every thread, each segment into a copy of `sink`; returns
  /// the segments' sinks in order, the keys of all valid rows and the number of rows.
  /// Each sink comes with the number of its first row among all valid rows.
  func readScores<Sink: ScoresRowSink>(into sink: Sink, log: inout ProblemLog) throws -> (
    sinks: [(sink: Sink, firstRow: Int)], keys: PeerRowKeys, rows: Int
  ) {
    let context = context
    let parts = ParallelWork.map(try reader.segments(options.threads)) {
      ScoresShapeReader(context).read($1, skipFirst: $0 == 0, into: sink)
    }
    var sinks: [(sink: Sink, firstRow: Int)] = []
    var segmentKeys: [PeerRowKeys] = []
    var rows = 0
    var firstRow = 0
    for part in parts {
      let segment = try part.get()
      sinks.append((segment.sink, firstRow))
      firstRow += segment.keys.count
      segmentKeys.append(segment.keys)
      log.append(contentsOf: segment.problems)
      rows += segment.rows
    }
    return (sinks, PeerRowKeys(concatenating: segmentKeys), rows)
  }

  /// Reads an answers-shape file on every thread and scores every authority-year, streaming
  /// when each authority-year's rows are together (the usual case), else whole.
  func readAnswers(log: inout ProblemLog) throws -> (peers: PeerSet, rows: Int) {
    if let read = try readAnswers(streaming: true, log: &log) { return read }
    return try readAnswers(streaming: false, log: &log)!
  }

  /// Nil when streaming finds an authority-year's rows apart (nothing logged then).
  private func readAnswers(streaming: Bool, log: inout ProblemLog) throws -> (peers: PeerSet, rows: Int)? {
    let context = context
    let parts = ParallelWork.map(try reader.segments(options.threads)) {
      AnswersShapeReader(context).read($1, skipFirst: $0 == 0, streaming: streaming)
    }
    var own = ProblemLog(file: path)
    var peers = PeerSet(dimensionIDs: context.questionnaire.dimensions.map(\.id))
    // The open authority-years carried from segment to segment, and (streaming) every key so
    // far, for finding an authority-year in two segments that do not meet at it.
    var carried = AnswersAccumulator(plan: context.plan!)
    var carriedKey: AuthorityYear?
    var seen: Set<AuthorityYear> = []
    var rows = 0
    for part in parts {
      let segment: AnswersShapeReader.Segment
      do { segment = try part.get() } catch is AnswersShapeReader.RowsApart { return nil }
      if streaming {
        let headKeys = segment.head.slots.keys.filter { $0 != carriedKey }
        let tailKeys = segment.tail.map { Array($0.slots.keys) } ?? []
        for key in headKeys + Array(segment.middleKeys) + tailKeys where !seen.insert(key).inserted {
          return nil
        }
        carriedKey =
          tailKeys.first ?? (segment.middle.count == 0 ? segment.head.slots.keys.first ?? carriedKey : nil)
      }
      carried.merge(segment.head, log: &own)
      if segment.middle.count > 0 || segment.tail != nil {
        carried.score(into: &peers)
        peers.append(contentsOf: segment.middle)
        if let tail = segment.tail { carried = tail }
      }
      own.append(contentsOf: segment.problems)
      rows += segment.rows
    }
    carried.score(into: &peers)
    log.append(contentsOf: own.problems)
    return (peers, rows)
  }

  /// The file's description, what is to be said about the whole file (notes), and its rows'
  /// problems in line order; ``Problems/refuse(_:unless:)`` decides whether they stop it.
  func finish(_ log: ProblemLog, rows: Int) -> (source: PeerSource, notes: [Problem], problems: [Problem]) {
    let problems = log.problems.sorted(by: ProblemLog.fileOrder)
    let leftOut = Set(problems.filter { $0.severity == .error }.compactMap(\.location.line)).count
    let source = PeerSource(
      fileName: URL(fileURLWithPath: path).lastPathComponent, shape: shape, delimiter: reader.delimiter,
      encoding: reader.encoding, rows: rows, rowsLeftOut: leftOut, columns: header.names,
      attributes: context.columns.attributeNames, sha256: (try? FileChecksum.sha256(ofFile: path)) ?? "")
    let notes = reader.warnings.map { _ in
      Problem(.warning, SourceLocation(file: path), "peers.readAsWindows1252")
    }
    return (source, notes, problems)
  }

}

/// The columns of a peer file, by role.
struct PeerColumns: Sendable {
  var authorityID, name, country, population, type, year, questionnaire, version, questionID, answer,
    overall: Int?
  var dimensions: [Int?]
  /// Other columns, kept as attributes: (index, lower-cased name).
  var attributes: [(Int, String)]
  var attributeNames: [String] { attributes.map(\.1) }

  init(header: CSVHeader, questionnaire: Questionnaire) {
    authorityID = header["authority_id"]
    name = header["name"]
    country = header["country"]
    population = header["population"]
    type = header["type"]
    year = header["year"]
    self.questionnaire = header["questionnaire"]
    version = header["version"]
    questionID = header["question_id"]
    answer = header["answer"]
    overall = header["overall"]
    dimensions = questionnaire.dimensions.map { header[$0.id] }
    let known = Set(
      [
        authorityID, name, country, population, type, year, self.questionnaire, version, questionID, answer,
        overall,
      ]
      .compactMap { $0 } + dimensions.compactMap { $0 })
    attributes = header.names.enumerated().filter {
      !known.contains($0.offset) && !$0.element.trimmingCharacters(in: .whitespaces).isEmpty
    }
    .map { ($0.offset, $0.element.trimmingCharacters(in: .whitespaces).lowercased()) }
  }
}

/// What every segment reader needs.
struct PeerReadContext: Sendable {
  let file: String
  let questionnaire: Questionnaire
  let columns: PeerColumns
  let plan: ScoringPlan?
  let keepsNames: Bool
}
