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
      && lhs.attributes.map { "\($0.0)=\($0.1)" } == rhs.attributes.map { "\($0.0)=\($0.1)" }
      && lhs.similar == rhs.similar
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
    let test = PeerTest(filter, authority: authority, bands: bands)
    let candidates = set.oneYearPerAuthority(filter.year)
    var rows = candidates.authorities.indices.filter { row in
      let peer = candidates.authorities[row]
      if let authority, peer.id == authority.id { return false }
      return test.admits(country: peer.country, type: peer.type, population: peer.population) {
        peer.attributes[$0]
      }
    }
    if let similar = filter.similar, let authority {
      rows = NearestPeers.choose(similar, to: authority, scores: scores, among: rows.count) { index in
        (
          candidates.authorities[rows[index]].population,
          (0..<candidates.dimensionIDs.count).map { candidates.score(rows[index], $0) }
        )
      }.map { rows[$0] }
    }
    self.base = candidates
    self.rows = rows
    self.filter = filter
    self.band = test.band
    self.bands = bands
  }

  /// The group as a peer set of its own (the set itself when the group is all of it).
  public var peers: PeerSet { rows.count == base.count ? base : base.selecting(rows) }

  /// The number of peers.
  public var count: Int { rows.count }

  /// The group's scores, all a comparison needs.
  public var scores: GroupScores {
    GroupScores(
      filter: filter, band: band, bands: bands, sources: base.sources, width: base.width,
      matrices: [base.scoreRows],
      members: rows.map { (0, $0) })
  }
}

/// What a filter asks of each peer, made ready to test many: the band resolved, the texts
/// folded once. A peer's id and year are checked by whoever holds them.
struct PeerTest: Sendable {
  let country: String?
  let type: AuthorityType?
  /// The band used (the authority's own with `--band auto`).
  let band: Int?
  let bands: PopulationBands
  /// (attribute, value in lower case).
  let attributes: [(String, String)]

  init(_ filter: PeerFilter, authority: Authority?, bands: PopulationBands) {
    switch filter.band {
    case .auto: band = authority?.population.map(bands.index(of:))
    case .index(let index): band = index
    case nil: band = nil
    }
    country = filter.country?.uppercased()
    type = filter.type
    self.bands = bands
    attributes = filter.attributes.map { ($0.0, $0.1.lowercased()) }
  }

  /// Whether a peer of this country, type and population, whose attribute columns `attribute`
  /// gives by name, passes the filter.
  func admits(
    country: @autoclosure () -> String?, type: AuthorityType?, population: Int?,
    attribute: (String) -> String?
  ) -> Bool {
    if let wanted = self.country, country()?.uppercased() != wanted { return false }
    if let wanted = self.type, type != wanted { return false }
    if let band, population.map(bands.index(of:)) != band { return false }
    for (name, value) in attributes where attribute(name)?.lowercased() != value { return false }
    return true
  }
}

/// `--similar`: the peers nearest an authority.
enum NearestPeers {
  /// The `count` candidates (numbered from 0 to `candidates`, given by `features` as
  /// population and dimension scores) nearest the authority, in their order: Euclidean distance
  /// over log10-population and the dimension scores on 0–1, each standardised by its spread
  /// among the candidates; a dimension either side lacks is left out of that pair's distance.
  static func choose(
    _ count: Int, to authority: Authority, scores: [Double?], among candidates: Int,
    features: (Int) -> (Int?, [Double?])
  ) -> [Int] {
    func vector(_ population: Int?, _ scores: [Double?]) -> [Double?] {
      [population.map { log10(Double(max($0, 1))) }] + scores
    }
    let all = (0..<candidates).map {
      let (population, scores) = features($0); return vector(population, scores)
    }
    let dimensions = all.first.map { $0.count - 1 } ?? 0
    let own = vector(authority.population, (0..<dimensions).map { $0 < scores.count ? scores[$0] : nil })
    let spreads: [Double] = (0...dimensions).map { feature in
      let values = all.compactMap { $0[feature] }
      guard values.count > 1 else { return 1 }
      let mean = values.reduce(0, +) / Double(values.count)
      let deviation = (values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count - 1))
        .squareRoot()
      return deviation > 0 ? deviation : 1
    }
    let distances = all.enumerated().map { candidate, features -> (Int, Double) in
      var sum = 0.0
      var used = 0
      for feature in 0...dimensions {
        guard let a = own[feature], let b = features[feature] else { continue }
        let difference = (a - b) / spreads[feature]
        sum += difference * difference
        used += 1
      }
      return (candidate, used > 0 ? (sum / Double(used)).squareRoot() : .infinity)
    }
    return distances.sorted { $0.1 < $1.1 || ($0.1 == $1.1 && $0.0 < $1.0) }.prefix(count).map(\.0).sorted()
  }
}
