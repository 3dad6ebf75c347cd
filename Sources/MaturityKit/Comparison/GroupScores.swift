import CSV
import Parallel

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

  /// The group of `members`, each a row of one of `matrices` (`width` scores a row, NaN for
  /// none); the columns are gathered on every thread.
  init(
    filter: PeerFilter, band: Int?, bands: PopulationBands, sources: [PeerSource], width: Int,
    matrices: [[Double]],
    members: [(matrix: Int, row: Int)]
  ) {
    self.filter = filter
    self.band = band
    self.bands = bands
    self.sources = sources
    self.width = width
    count = members.count
    columns = ParallelWork.map(Array(0..<width)) { _, column in
      var known: [Double] = []
      known.reserveCapacity(members.count)
      for (matrix, row) in members {
        let value = matrices[matrix][row * width + column]
        if !value.isNaN { known.append(value) }
      }
      return known
    }
  }

  /// The scores in `column` (a dimension index, or `width - 1` for overall), where known.
  public func values(_ column: Int) -> [Double] { columns[column] }
}
