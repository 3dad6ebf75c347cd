import Foundation

/// Which peers to compare with: filters on what peer files say about each authority.
public struct PeerFilter: Sendable, Equatable {
  public enum Band: Sendable, Equatable {
    /// The compared authority's own band.
    case auto
    /// A band by index in ``PopulationBands``.
    case index(Int)
  }

  public var country: String?
  public var type: AuthorityType?
  public var band: Band?
  /// Only this year's assessments (else each authority's newest).
  public var year: Int?
  /// Attribute column (lower case) = value, compared without case.
  public var attributes: [(String, String)]
  /// Keep only the N authorities nearest in log-population and score profile.
  public var similar: Int?

  public init(
    country: String? = nil, type: AuthorityType? = nil, band: Band? = nil, year: Int? = nil,
    attributes: [(String, String)] = [], similar: Int? = nil
  ) {
    self.country = country
    self.type = type
    self.band = band
    self.year = year
    self.attributes = attributes
    self.similar = similar
  }

  public static func == (lhs: PeerFilter, rhs: PeerFilter) -> Bool {
    lhs.country == rhs.country && lhs.type == rhs.type && lhs.band == rhs.band && lhs.year == rhs.year
      && lhs.attributes.map { "\($0.0)=\($0.1)" } == rhs.attributes.map { "\($0.0)=\($0.1)" } && lhs.similar == rhs.similar
  }

  /// The filters in words, for outputs: `country=ES`, `band=<5k`, …
  public func described(bands: PopulationBands, resolvedBand: Int?) -> [(String, String)] {
    var result: [(String, String)] = []
    if let country { result.append(("country", country)) }
    if let type { result.append(("type", type.rawValue)) }
    if let resolvedBand { result.append(("band", bands.label(resolvedBand))) }
    if let year { result.append(("year", "\(year)")) }
    result += attributes
    if let similar { result.append(("similar", "\(similar)")) }
    return result
  }
}

/// A peer group chosen for one authority (or for a whole network when `authority` is nil).
public struct PeerGroup: Sendable {
  /// The set the group was chosen from (each authority once) and the group's rows in it: the
  /// group is not copied out unless ``peers`` is asked for.
  public let base: PeerSet
  public let rows: [Int]
  public let filter: PeerFilter
  /// The band actually used (the authority's own with `--band auto`).
  public let band: Int?
  public let bands: PopulationBands

  /// Chooses peers from `set` for an authority with `scores` (one per dimension, then overall);
  /// the authority itself (same id) is never among them.
  public init(
    from set: PeerSet, filter: PeerFilter, bands: PopulationBands, authority: Authority? = nil,
    scores: [Double?] = []
  ) {
    var band: Int?
    switch filter.band {
    case .auto: band = authority?.population.map(bands.index(of:))
    case .index(let index): band = index
    case nil: band = nil
    }
    let candidates = set.oneYearPerAuthority(filter.year)
    var rows = candidates.authorities.indices.filter { row in
      let peer = candidates.authorities[row]
      if let authority, peer.id == authority.id { return false }
      if let country = filter.country, peer.country?.uppercased() != country.uppercased() { return false }
      if let type = filter.type, peer.type != type { return false }
      if let band, peer.population.map(bands.index(of:)) != band { return false }
      for (name, value) in filter.attributes where peer.attributes[name]?.lowercased() != value.lowercased() {
        return false
      }
      return true
    }
    if let similar = filter.similar, let authority {
      rows = Self.nearest(similar, to: authority, scores: scores, rows: rows, in: candidates)
    }
    self.base = candidates
    self.rows = rows
    self.filter = filter
    self.band = band
    self.bands = bands
  }

  /// The group as a peer set of its own.
  public var peers: PeerSet { base.selecting(rows) }

  /// The number of peers.
  public var count: Int { rows.count }

  /// The scores of the group in `column` (a dimension index, or the overall score's), where known.
  public func values(_ column: Int) -> [Double] { rows.compactMap { base.score($0, column) } }

  /// The `count` rows nearest the authority: Euclidean distance over log10-population and the
  /// dimension scores on 0–1, each standardised by its spread among the candidates; a dimension
  /// either side lacks is left out of that pair's distance.
  static func nearest(_ count: Int, to authority: Authority, scores: [Double?], rows: [Int], in set: PeerSet) -> [Int] {
    let dimensions = set.dimensionIDs.count
    func features(_ row: Int) -> [Double?] {
      [set.authorities[row].population.map { log10(Double(max($0, 1))) }] + (0..<dimensions).map { set.score(row, $0) }
    }
    let own: [Double?] = [authority.population.map { log10(Double(max($0, 1))) }] + (0..<dimensions).map { $0 < scores.count ? scores[$0] : nil }
    let all = rows.map(features)
    let spreads: [Double] = (0...dimensions).map { feature in
      let values = all.compactMap { $0[feature] }
      guard values.count > 1 else { return 1 }
      let mean = values.reduce(0, +) / Double(values.count)
      let deviation = (values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count - 1)).squareRoot()
      return deviation > 0 ? deviation : 1
    }
    let distances = zip(rows, all).map { row, features -> (Int, Double) in
      var sum = 0.0
      var used = 0
      for feature in 0...dimensions {
        guard let a = own[feature], let b = features[feature] else { continue }
        let difference = (a - b) / spreads[feature]
        sum += difference * difference
        used += 1
      }
      return (row, used > 0 ? (sum / Double(used)).squareRoot() : .infinity)
    }
    return distances.sorted { $0.1 < $1.1 || ($0.1 == $1.1 && $0.0 < $1.0) }.prefix(count).map(\.0).sorted()
  }
}
