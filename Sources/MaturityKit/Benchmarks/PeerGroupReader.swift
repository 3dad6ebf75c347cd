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
    _ paths: [String], questionnaire: Questionnaire, options: PeerReadOptions, filter: PeerFilter,
    bands: PopulationBands,
    authority: Authority, scores: [Double?]
  ) throws -> (group: GroupScores, warnings: [Problem]) {
    let width = questionnaire.dimensions.count + 1
    let test = PeerTest(filter, authority: authority, bands: bands)
    let empty = PassedRows(
      test: test, authorityID: authority.id, width: width, keepsPopulations: filter.similar != nil)
    var keys = PeerRowKeys()
    var parts: [(passed: PassedRows, firstRow: Int)] = []
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
        let read = try file.readScores(into: empty, log: &log)
        parts += read.sinks.map { ($0.sink, offset + $0.firstRow) }
        let index = ScoresShapeReader.duplicateRows(read.keys, log: &log)
        duplicates.formUnion(index.duplicates.map { offset + $0.row })
        keys.append(contentsOf: read.keys)
        fileIndex = index
        rows = read.rows
      case .answers:
        let (peers, read) = try file.readAnswers(log: &log)
        var passed = empty
        for (row, peer) in peers.authorities.enumerated() {
          keys.append(id: peer.id, year: peer.year, line: 0)
          passed.take(peer, scores: (0..<width).map { peers.score(row, $0) ?? .nan }, row: row)
        }
        parts.append((passed, offset))
        fileIndex = nil
        rows = read
      }
      let (source, fileWarnings) = try file.finish(log, rows: rows)
      sources.append(source)
      warnings += fileWarnings
    }
    let index =
      paths.count == 1 ? fileIndex ?? keys.index() : try keys.indexAcrossFiles(paths, excluding: duplicates)
    // The members: (part, position in it), in file order.
    var members: [(part: Int, position: Int)] = []
    var newest = index.newest.makeIterator()
    var next = newest.next()
    for (number, part) in parts.enumerated() {
      for (position, row) in part.passed.rows.lazy.map({ $0 + part.firstRow }).enumerated() {
        if let year = filter.year {
          if keys.years[row] == year && !duplicates.contains(row) { members.append((number, position)) }
        } else {
          while let candidate = next, candidate < row { next = newest.next() }
          if next == row { members.append((number, position)) }
        }
      }
    }
    if let similar = filter.similar {
      members = NearestPeers.choose(similar, to: authority, scores: scores, among: members.count) {
        let (part, position) = members[$0]
        return (
          parts[part].passed.populations[position],
          parts[part].passed.scores(position).dropLast().map { $0.isNaN ? nil : $0 }
        )
      }.map { members[$0] }
    }
    let scoreRows = parts.map(\.passed.scoreRows)
    let chosen = members
    let group = GroupScores(
      filter: filter, band: test.band, bands: bands, sources: sources, width: width, count: chosen.count
    ) {
      scoreRows[chosen[$0].part][chosen[$0].position * width + $1]
    }
    return (group, warnings)
  }
}

/// The rows that pass a peer filter (the compared authority never does): their numbers among
/// all valid rows, populations and scores.
struct PassedRows: ScoresRowSink {
  let test: PeerTest
  let authorityID: String
  let width: Int
  /// Whether populations are kept (for `--similar`).
  let keepsPopulations: Bool
  /// Their numbers among the valid rows of the part they were read in.
  private(set) var rows: [Int] = []
  private(set) var populations: [Int?] = []
  /// The scores of the passed rows, row after row.
  private(set) var scoreRows: [Double] = []

  init(test: PeerTest, authorityID: String, width: Int, keepsPopulations: Bool) {
    self.test = test
    self.authorityID = authorityID
    self.width = width
    self.keepsPopulations = keepsPopulations
  }

  /// The scores of the `position`-th passed row.
  func scores(_ position: Int) -> ArraySlice<Double> {
    scoreRows[(position * width)..<((position + 1) * width)]
  }

  mutating func take(_ fields: PeerRowFields, columns: PeerColumns, scores: [Double], row: Int) {
    guard !isAuthority(fields.id),
      test.admits(
        country: fields.country, type: fields.type, population: fields.population,
        attribute: { fields.attribute($0, columns) })
    else { return }
    add(row, population: fields.population, scores: scores)
  }

  /// Takes a peer of an answers-shape file.
  mutating func take(_ peer: PeerAuthority, scores: [Double], row: Int) {
    guard peer.id != authorityID,
      test.admits(
        country: peer.country, type: peer.type, population: peer.population,
        attribute: { peer.attributes[$0] })
    else { return }
    add(row, population: peer.population, scores: scores)
  }

  private mutating func add(_ row: Int, population: Int?, scores: [Double]) {
    rows.append(row)
    if keepsPopulations { populations.append(population) }
    scoreRows += scores
  }

  /// Whether `id` is the compared authority's.
  private func isAuthority(_ id: UnsafeBufferPointer<UInt8>) -> Bool {
    PeerRowFields.text(id, is: authorityID)
  }
}
