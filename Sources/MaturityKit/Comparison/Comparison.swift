import CSV
import InterfaceText
import Parallel

/// An authority's scores set against its peer group, per dimension and overall.
///
/// Privacy: no peer is named; a column with fewer than k peers shows no statistics; min and max,
/// and the ends of the median's interval, are shown only when n ≥ 2k; "peers ahead" is a count.
public struct Comparison: Sendable, Equatable, Codable {
  public struct Row: Sendable, Equatable, Codable {
    /// A dimension id, or `overall`.
    public var id: String
    public var name: LocalizedText?
    public var score: Double?
    /// Peers with a score in this column.
    public var n: Int
    /// Nil when fewer than k peers have a score here.
    public var peers: PeerStatistics?
    /// Whether min and max may be shown (n ≥ 2k).
    public var showsRange: Bool
    public var percentileRank: Double?
    public var peersAhead: Int?
    /// Target minus score: positive when behind.
    public var gapToMedian: Double?
    public var gapToP75: Double?
    public var gapToP90: Double?
    /// The median's 90 % interval, for fewer than ``MedianInterval/largeGroup`` scored peers
    /// (see ``givesMedianInterval``); nil when no interval reaches 90 %.
    public var medianInterval: MedianInterval?

    /// Whether the row is about a small group, whose median gets an interval (or says it has
    /// none): statistics shown, fewer than ``MedianInterval/largeGroup`` scored peers.
    public var givesMedianInterval: Bool { peers != nil && n < MedianInterval.largeGroup }
  }

  /// One filter of the group: its name and value as written.
  public struct Filter: Sendable, Equatable, Codable {
    public var name: String
    public var value: String
  }

  public var authority: Authority
  public var questionnaireID: String
  public var version: String
  /// How the response was carried over from an earlier edition to the peers', when it was.
  public var carriedFrom: EditionCarried?
  /// The filters that chose the group, in words for outputs (`country=ES`, `band=<5k`, …).
  public var filters: [Filter]
  public var groupSize: Int
  public var minimumGroup: Int
  public var sources: [PeerSource]
  public var overall: Row
  public var dimensions: [Row]

  /// Whether the group is small enough (under ``MedianInterval/largeGroup``) for one peer more or
  /// fewer to move a percentile rank a lot.
  public var isSmallGroup: Bool { groupSize < MedianInterval.largeGroup }

  /// Compares `card` with `group`; refuses a group smaller than `minimumGroup`.
  public init(_ card: Scorecard, group: GroupScores, minimumGroup: Int) throws(ComparisonError) {
    let filters = group.filter.described(bands: group.bands, resolvedBand: group.band)
    guard group.count >= minimumGroup else {
      throw ComparisonError.groupTooSmall(
        found: group.count, minimum: minimumGroup, filters: filters.map { "\($0.0)=\($0.1)" })
    }
    authority = card.authority
    questionnaireID = card.questionnaireID
    version = card.version
    self.filters = filters.map { Filter(name: $0.0, value: $0.1) }
    groupSize = group.count
    self.minimumGroup = minimumGroup
    sources = group.sources
    // One column per thread.
    let columns = card.dimensions.map { ($0.id, $0.name, $0.score) } + [("overall", nil, card.overall.score)]
    let rows = ParallelWork.map(columns) { column, part in
      Self.row(part.0, part.1, part.2, values: group.values(column), minimumGroup: minimumGroup)
    }
    dimensions = Array(rows.dropLast())
    overall = rows[rows.count - 1]
  }

  private static func row(
    _ id: String, _ name: LocalizedText?, _ score: Double?, values: [Double], minimumGroup: Int
  ) -> Row {
    guard values.count >= minimumGroup else {
      return Row(
        id: id, name: name, score: score, n: values.count, peers: nil,
        showsRange: values.count >= 2 * minimumGroup)
    }
    let statistics = PeerStatistics(values)
    var row = Row(
      id: id, name: name, score: score, n: values.count, peers: statistics,
      showsRange: values.count >= 2 * minimumGroup)
    if values.count < MedianInterval.largeGroup {
      row.medianInterval = MedianInterval(values, showsEnds: row.showsRange)
    }
    if let statistics, let score {
      let (below, equal) = PeerStatistics.counts(around: score, among: values)
      row.percentileRank = PeerStatistics.percentileRank(below: below, equal: equal, of: values.count)
      row.peersAhead = values.count - below - equal
      row.gapToMedian = statistics.median - score
      row.gapToP75 = statistics.p75 - score
      row.gapToP90 = statistics.p90 - score
    }
    return row
  }
}

/// A comparison that cannot be made without exposing peers.
public enum ComparisonError: UserFacingError, Equatable {
  case groupTooSmall(found: Int, minimum: Int, filters: [String])

  public var location: SourceLocation? { nil }

  public func message(_ texts: TextCatalogue) -> String {
    switch self {
    case .groupTooSmall(let found, let minimum, let filters):
      texts(
        filters.isEmpty ? "peers.groupTooSmallNoFilter" : "peers.groupTooSmall",
        ["found": "\(found)", "minimum": "\(minimum)", "filters": filters.joined(separator: ", ")])
    }
  }
}
