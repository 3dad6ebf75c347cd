/// The scores of one authority's peer group, compactly: a row of `width` numbers per peer (the
/// dimensions, then overall; NaN for "insufficient data"), and how the group was chosen. All a
/// ``Comparison`` needs; no peer's identity.
public struct GroupScores: Sendable {
  public let filter: PeerFilter
  /// The band actually used (the authority's own with `--band auto`).
  public let band: Int?
  public let bands: PopulationBands
  public let sources: [PeerSource]
  /// Scores per peer: dimensions, then overall.
  public let width: Int
  private var scoreRows: [Double] = []

  public init(filter: PeerFilter, band: Int?, bands: PopulationBands, sources: [PeerSource], width: Int) {
    self.filter = filter
    self.band = band
    self.bands = bands
    self.sources = sources
    self.width = width
  }

  /// The number of peers.
  public var count: Int { scoreRows.count / width }

  /// Adds a peer's scores (`width` values, NaN for none).
  public mutating func append(_ scores: some Collection<Double>) {
    precondition(scores.count == width)
    scoreRows.append(contentsOf: scores)
  }

  /// The scores in `column` (a dimension index, or `width - 1` for overall), where known.
  public func values(_ column: Int) -> [Double] {
    stride(from: column, to: scoreRows.count, by: width).map { scoreRows[$0] }.filter { !$0.isNaN }
  }
}
