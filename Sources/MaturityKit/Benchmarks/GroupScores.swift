import CSV

/// The scores of one authority's peer group, compactly: the known scores column by column (the
/// dimensions, then overall), and how the group was chosen. All a ``Comparison`` needs; no
/// peer's identity.
public struct GroupScores: Sendable {
  public let filter: PeerFilter
  /// The band actually used (the authority's own with `--band auto`).
  public let band: Int?
  public let bands: PopulationBands
  public let sources: [PeerSource]
  /// Scores per peer: dimensions, then overall.
  public let width: Int
  /// The number of peers.
  public let count: Int
  /// The known scores, column by column.
  private var columns: [[Double]]

  /// The group of `count` peers whose score in `column` (a dimension index, or `width - 1` for
  /// overall) is `score(peer, column)`, NaN for none; the columns are gathered on every thread.
  public init(
    filter: PeerFilter, band: Int?, bands: PopulationBands, sources: [PeerSource], width: Int, count: Int,
    score: @escaping @Sendable (_ peer: Int, _ column: Int) -> Double
  ) {
    self.filter = filter
    self.band = band
    self.bands = bands
    self.sources = sources
    self.width = width
    self.count = count
    columns = ParallelWork.map(Array(0..<width)) { _, column in
      var known: [Double] = []
      known.reserveCapacity(count)
      for peer in 0..<count {
        let value = score(peer, column)
        if !value.isNaN { known.append(value) }
      }
      return known
    }
  }

  /// The scores in `column` (a dimension index, or `width - 1` for overall), where known.
  public func values(_ column: Int) -> [Double] { columns[column] }
}
