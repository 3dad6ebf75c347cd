/// What `benchmark check` says of a peer file: how it was read, its problems, and how many
/// authorities and which years it holds.
public struct PeerFileSummary: Sendable {
  public var source: PeerSource
  /// Notes on the whole file, then every row's problem in line order (errors: rows left out).
  public var problems: [Problem]
  /// Distinct authorities among the valid rows.
  public var authorities: Int
  /// The years of the valid rows, in order.
  public var years: [Int]

  /// Reads `path` in full whatever its problems, keeping its table in `options.cacheDirectory`
  /// (when given) for the comparisons that follow.
  public init(_ path: String, questionnaire: Questionnaire, options: PeerReadOptions) throws {
    let table = try PeerTable.load(path, questionnaire: questionnaire, options: options)
    source = table.source
    problems = table.warnings
    authorities = table.newest.count
    years = Set(table.keys.years.map(Int.init)).sorted()
  }
}
