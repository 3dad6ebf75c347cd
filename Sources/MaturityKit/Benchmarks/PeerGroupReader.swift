import Foundation

/// Reads one authority's peer group straight from peer files, keeping only what a comparison
/// needs: every row is checked and keyed (for duplicates and newest years, exactly as
/// ``PeerSetReader`` does), but only the rows that pass the filter keep their scores, and no
/// peer becomes a ``PeerAuthority``. Scores-shape files are read on every thread; answers-shape
/// files are scored first.
public enum PeerGroupReader {
  /// The group of `authority` (whose scores are `scores`, for `--similar`) in `paths`, chosen
  /// by `filter`; and the files' problems when bad rows are skipped.
  public static func read(
    _ paths: [String], questionnaire: Questionnaire, options: PeerReadOptions, filter: PeerFilter, bands: PopulationBands,
    authority: Authority, scores: [Double?]
  ) throws -> (group: GroupScores, warnings: [Problem]) {
    let width = questionnaire.dimensions.count + 1
    let test = PeerTest(filter, authority: authority, bands: bands)
    var keys = PeerRowKeys()
    var passed = PassedRows(test: test, authorityID: authority.id, width: width)
    var duplicates: Set<Int> = []
    var fileIndex: PeerRowKeys.Index?
    var sources: [PeerSource] = []
    var warnings: [Problem] = []
    for path in paths {
      let file = try PeerFile(path, questionnaire: questionnaire, options: options)
      var log = ProblemLog(file: path)
      let rows: Int
      let offset = keys.count
      switch file.shape {
      case .scores:
        let read = try file.readScores(into: passed.emptied(), log: &log)
        for part in read.sinks { passed.append(contentsOf: part.sink, firstRow: offset + part.firstRow) }
        let index = ScoresShapeReader.duplicateRows(read.keys, log: &log)
        duplicates.formUnion(index.duplicates.map { offset + $0.row })
        keys.append(contentsOf: read.keys)
        fileIndex = index
        rows = read.rows
      case .answers:
        let (peers, read) = try file.readAnswers(log: &log)
        for (row, peer) in peers.authorities.enumerated() {
          keys.append(id: peer.id, year: peer.year, line: 0)
          passed.take(peer, scores: (0..<width).map { peers.score(row, $0) ?? .nan }, row: offset + row)
        }
        fileIndex = nil
        rows = read
      }
      let (source, fileWarnings) = try file.finish(log, rows: rows)
      sources.append(source)
      warnings += fileWarnings
    }
    let index = paths.count == 1 ? fileIndex ?? keys.index() : try keys.indexAcrossFiles(paths, excluding: duplicates)
    var members: [Int] = []  // positions in `passed`
    if let year = filter.year {
      members = passed.rows.indices.filter { !duplicates.contains(passed.rows[$0]) && keys.years[passed.rows[$0]] == year }
    } else {
      var newest = index.newest.makeIterator()
      var next = newest.next()
      for (position, row) in passed.rows.enumerated() {
        while let candidate = next, candidate < row { next = newest.next() }
        if next == row { members.append(position) }
      }
    }
    if let similar = filter.similar {
      members = NearestPeers.choose(similar, to: authority, scores: scores, among: members.count) {
        (passed.populations[members[$0]], passed.scores(members[$0]).dropLast().map { $0.isNaN ? nil : $0 })
      }.map { members[$0] }
    }
    var group = GroupScores(filter: filter, band: test.band, bands: bands, sources: sources, width: width)
    for member in members { group.append(passed.scores(member)) }
    return (group, warnings)
  }
}

/// The rows that pass a peer filter (the compared authority never does): their numbers among
/// all valid rows, populations and scores.
struct PassedRows: ScoresRowSink {
  let test: PeerTest
  let authorityID: String
  let width: Int
  private(set) var rows: [Int] = []
  private(set) var populations: [Int?] = []
  private var scoreRows: [Double] = []

  init(test: PeerTest, authorityID: String, width: Int) {
    self.test = test
    self.authorityID = authorityID
    self.width = width
  }

  /// The same filter, no rows.
  func emptied() -> PassedRows { PassedRows(test: test, authorityID: authorityID, width: width) }

  /// The scores of the `position`-th passed row.
  func scores(_ position: Int) -> ArraySlice<Double> { scoreRows[(position * width)..<((position + 1) * width)] }

  mutating func take(_ fields: PeerRowFields, columns: PeerColumns, scores: [Double], row: Int) {
    guard !isAuthority(fields.id),
      test.admits(country: fields.country, type: fields.type, population: fields.population, attribute: { fields.attribute($0, columns) })
    else { return }
    add(row, population: fields.population, scores: scores)
  }

  /// Takes a peer of an answers-shape file.
  mutating func take(_ peer: PeerAuthority, scores: [Double], row: Int) {
    guard peer.id != authorityID,
      test.admits(country: peer.country, type: peer.type, population: peer.population, attribute: { peer.attributes[$0] })
    else { return }
    add(row, population: peer.population, scores: scores)
  }

  /// Adds another segment's rows, numbered from `firstRow`.
  mutating func append(contentsOf other: PassedRows, firstRow: Int) {
    rows += other.rows.map { $0 + firstRow }
    populations += other.populations
    scoreRows += other.scoreRows
  }

  private mutating func add(_ row: Int, population: Int?, scores: [Double]) {
    rows.append(row)
    populations.append(population)
    scoreRows += scores
  }

  /// Whether `id` is the compared authority's.
  private func isAuthority(_ id: UnsafeBufferPointer<UInt8>) -> Bool { PeerRowFields.text(id, is: authorityID) }
}
