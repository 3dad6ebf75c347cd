import Foundation

/// Reads one authority's peer group from peer files, keeping only what a comparison needs:
/// each file becomes a ``PeerTable`` (read on every thread, or loaded from the
/// ``PeerTableCache`` when the file has not changed), with no ``PeerAuthority`` per row;
/// duplicates and newest years are found exactly as ``PeerSetReader`` finds them.
public enum PeerGroupReader {
  /// The group of `authority` in `paths`, chosen by `filter`; and the files' problems when bad
  /// rows are skipped.
  public static func read(
    _ paths: [String], questionnaire: Questionnaire, options: PeerReadOptions, filter: PeerFilter,
    bands: PopulationBands, authority: Authority
  ) throws -> (group: GroupScores, warnings: [Problem]) {
    var filter = filter
    let width = questionnaire.dimensions.count + 1
    let test = PeerTest(filter, authority: authority, bands: bands)
    let tables = try paths.map { path in
      let table = try PeerTable.load(path, questionnaire: questionnaire, options: options)
      try table.refuse(unless: options.skipInvalid)
      return table
    }
    // Row numbers across the files, one after the other.
    let firstRows = tables.reduce(into: [0]) { $0.append($0.last! + $1.count) }
    let duplicates = Set(
      tables.indices.flatMap { file in tables[file].duplicates.map { firstRows[file] + $0 } })
    let newest =
      tables.count == 1
      ? tables[0].newest
      : try PeerRowKeys(concatenating: tables.map(\.keys)).indexAcrossFiles(paths, excluding: duplicates)
        .newest
    // The members: (file, row in it), in file order.
    var members: [(file: Int, row: Int)] = []
    var newestRows = newest.makeIterator()
    var next = newestRows.next()
    for (file, table) in tables.enumerated() {
      for row in table.rows(admittedBy: test, authorityID: authority.id) {
        let number = firstRows[file] + row
        if let year = filter.year {
          if table.keys.years[row] == year && !duplicates.contains(number) { members.append((file, row)) }
        } else {
          while let candidate = next, candidate < number { next = newestRows.next() }
          if next == number { members.append((file, row)) }
        }
      }
    }
    if let similar = filter.similar {
      let names = filter.similarOn.map(\.0)
      let authorityRow =
        filter.similarOn.contains { $0.1 == nil }
        ? Self.ownRow(
          authority.id, in: tables, year: filter.year, excluding: duplicates, firstRows: firstRows) : nil
      filter = filter.resolvingSimilarOn { name in
        authorityRow.flatMap { tables[$0.file].context($0.row, attributes: [name]).attributes[0] }
      }
      let own = PeerContext(authority, similarOn: filter.similarOn)
      members = NearestPeers.choose(similar, to: own, among: members.count) {
        tables[members[$0].file].context(members[$0].row, attributes: names)
      }.map { members[$0] }
    }
    let group = GroupScores(
      filter: filter, band: test.band, bands: bands, sources: tables.map(\.source), width: width,
      matrices: tables.map(\.scores), members: members.map { (matrix: $0.file, row: $0.row) })
    return (group, tables.flatMap(\.warnings))
  }

  /// The authority's own row (file, row) of `year`, else its newest, as a peer set would keep it
  /// (duplicates never): where `--similar-on COLUMN` finds the authority's value.
  private static func ownRow(
    _ id: String, in tables: [PeerTable], year: Int?, excluding duplicates: Set<Int>, firstRows: [Int]
  ) -> (file: Int, row: Int)? {
    let rows = tables.indices.flatMap { file in
      tables[file].rows(of: id).filter { !duplicates.contains(firstRows[file] + $0) }.map {
        (file: file, row: $0)
      }
    }
    func yearOf(_ row: (file: Int, row: Int)) -> Int { Int(tables[row.file].keys.years[row.row]) }
    if let year { return rows.last { yearOf($0) == year } }
    return rows.max { yearOf($0) < yearOf($1) }
  }
}
