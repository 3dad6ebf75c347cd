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
  public private(set) var count = 0
  /// The known scores, column by column.
  private var columns: [[Double]]

  /// An empty group, with room for `capacity` peers.
  public init(filter: PeerFilter, band: Int?, bands: PopulationBands, sources: [PeerSource], width: Int, capacity: Int = 0) {
    self.filter = filter
    self.band = band
    self.bands = bands
    self.sources = sources
    self.width = width
    columns = (0..<width).map { _ in
      var column: [Double] = []
      column.reserveCapacity(capacity)
      return column
    }
  }

  /// Adds a peer's scores (`width` values, NaN for none).
  public mutating func append(_ scores: some Collection<Double>) {
    precondition(scores.count == width)
    for (column, score) in scores.enumerated() where !score.isNaN { columns[column].append(score) }
    count += 1
  }

  /// The scores in `column` (a dimension index, or `width - 1` for overall), where known.
  public func values(_ column: Int) -> [Double] { columns[column] }
}
