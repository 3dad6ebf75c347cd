/// How a network's peer set is split for its published table.
public enum PeerGrouping: Sendable, Equatable {
  case none, band, country, type
  case attribute(String)

  /// `band`, `country`, `type`, or an attribute column name.
  public init(_ name: String) {
    switch name.lowercased() {
    case "band": self = .band
    case "country": self = .country
    case "type": self = .type
    case "none", "all": self = .none
    default: self = .attribute(name.lowercased())
    }
  }

  /// The rows of each group in first-seen order, and how many authorities have no group.
  func split(_ peers: PeerSet, _ bands: PopulationBands) -> (
    rows: [String: [Int]], order: [String], ungrouped: Int
  ) {
    var rows: [String: [Int]] = [:]
    var order: [String] = []
    var ungrouped = 0
    for (row, authority) in peers.authorities.enumerated() {
      guard let key = key(authority, bands) else {
        ungrouped += 1
        continue
      }
      if rows[key] == nil { order.append(key) }
      rows[key, default: []].append(row)
    }
    return (rows, order, ungrouped)
  }

  /// The group of an authority, or nil when the authority lacks the value.
  func key(_ authority: PeerAuthority, _ bands: PopulationBands) -> String? {
    switch self {
    case .none: "all"
    case .band: authority.population.map { bands.label(bands.index(of: $0)) }
    case .country: authority.country
    case .type: authority.type?.rawValue
    case .attribute(let name): authority.attributes[name].flatMap { $0.isEmpty ? nil : $0 }
    }
  }
}

/// The distribution of a whole peer set per group, as a network publishes it: every cell with
/// fewer than k authorities is withheld, min and max only from 2k.
public struct NetworkDistribution: Sendable {
  public struct Cell: Sendable, Equatable {
    public var n: Int
    public var statistics: PeerStatistics?
    public var showsRange: Bool
  }

  public struct Group: Sendable, Equatable {
    public var key: String
    public var n: Int
    /// One per dimension, then overall.
    public var cells: [Cell]
  }

  public let dimensionIDs: [String]
  public let grouping: PeerGrouping
  public let minimumGroup: Int
  public let groups: [Group]
  /// Authorities left out because they lack the grouping's value (such as a population for bands).
  public let ungrouped: Int

  public init(_ peers: PeerSet, grouping: PeerGrouping, bands: PopulationBands, minimumGroup: Int) {
    dimensionIDs = peers.dimensionIDs
    self.grouping = grouping
    self.minimumGroup = minimumGroup
    let (rowsByKey, firstSeen, ungrouped) = grouping.split(peers, bands)
    var order = firstSeen
    self.ungrouped = ungrouped
    if grouping == .band {
      order = bands.labels.filter { rowsByKey[$0] != nil }
    } else {
      order.sort()
    }
    groups = order.map { key in
      let rows = rowsByKey[key]!
      let cells = (0..<peers.width).map { column -> Cell in
        let values = rows.compactMap { peers.score($0, column) }
        return Cell(
          n: values.count, statistics: values.count >= minimumGroup ? PeerStatistics(values) : nil,
          showsRange: values.count >= 2 * minimumGroup)
      }
      return Group(key: key, n: rows.count, cells: cells)
    }
  }
}

/// Every authority's gap to the median of its group's other members, per dimension and overall.
///
/// Held compactly — the peer set, each authority's group and a row of medians — and the rows
/// made one at a time as they are read, so a large network's gaps cost a few numbers each.
public struct GroupGaps: Sendable {
  public struct Row: Sendable {
    public var authority: PeerAuthority
    public var group: String
    /// Per column: the authority's score, its peers' median (without it), and median − score.
    public var scores: [Double?]
    public var medians: [Double?]
    public var gaps: [Double?]
  }

  public let dimensionIDs: [String]
  /// Authorities left out because they lack the grouping's value.
  public let ungrouped: Int
  private let peers: PeerSet
  /// The peer rows with a group, in order, and each one's group.
  private let grouped: [(row: Int, group: String)]
  /// `peers.width` medians per peer row, NaN for none.
  private let medians: [Double]

  /// Medians leave the authority itself out; a group of fewer than `minimumGroup` other members has none.
  public init(_ peers: PeerSet, grouping: PeerGrouping, bands: PopulationBands, minimumGroup: Int) {
    dimensionIDs = peers.dimensionIDs
    let (rowsByKey, _, ungrouped) = grouping.split(peers, bands)
    self.ungrouped = ungrouped
    self.peers = peers
    var medians = [Double](repeating: .nan, count: peers.count * peers.width)
    for (_, members) in rowsByKey {
      for column in 0..<peers.width {
        let sorted = ScoreSort.sorted(members.compactMap { peers.score($0, column) })
        for row in members {
          let slot = row * peers.width + column
          guard let own = peers.score(row, column) else {
            if sorted.count >= minimumGroup { medians[slot] = PeerStatistics.percentile(sorted, 0.5) }
            continue
          }
          guard sorted.count - 1 >= minimumGroup else { continue }
          medians[slot] = Self.medianWithout(own, in: sorted)
        }
      }
    }
    self.medians = medians
    grouped = peers.authorities.indices.compactMap { row in
      grouping.key(peers.authorities[row], bands).map { (row, $0) }
    }
  }

  /// Every authority with a group, in the peer set's order.
  public var rows: some RandomAccessCollection<Row> { grouped.indices.lazy.map(row) }

  private func row(_ index: Int) -> Row {
    let (row, group) = grouped[index]
    let scores = (0..<peers.width).map { peers.score(row, $0) }
    let medians = (0..<peers.width).map { column -> Double? in
      let median = self.medians[row * peers.width + column]
      return median.isNaN ? nil : median
    }
    let gaps = zip(scores, medians).map { score, median in score.flatMap { s in median.map { $0 - s } } }
    return Row(authority: peers.authorities[row], group: group, scores: scores, medians: medians, gaps: gaps)
  }

  /// The median of `sorted` with one occurrence of `value` removed, in O(log n).
  static func medianWithout(_ value: Double, in sorted: [Double]) -> Double {
    let removed = sorted.partitionPoint { $0 >= value }
    let count = sorted.count - 1
    func element(_ rank: Int) -> Double { sorted[rank < removed ? rank : rank + 1] }
    let h = Double(count - 1) * 0.5
    let lower = Int(h.rounded(.down))
    let upper = min(lower + 1, count - 1)
    return element(lower) + (h - Double(lower)) * (element(upper) - element(lower))
  }
}
