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
  /// Keep only the N authorities nearest by context (see ``NearestPeers``): log-population,
  /// type, country and the `similarOn` columns; never by scores.
  public var similar: Int?
  /// Attribute columns (lower case) that `similar` also compares, each with the authority's value
  /// when given, else nil: the value of the authority's own row in the peer files is used. In the
  /// filter of a chosen group (``PeerGroup/filter``, ``GroupScores/filter``) the values found are
  /// filled in, and nil is a value that could not be found.
  public var similarOn: [(String, String?)]

  public init(
    country: String? = nil, type: AuthorityType? = nil, band: Band? = nil, year: Int? = nil,
    attributes: [(String, String)] = [], similar: Int? = nil, similarOn: [(String, String?)] = []
  ) {
    self.country = country
    self.type = type
    self.band = band
    self.year = year
    self.attributes = attributes
    self.similar = similar
    self.similarOn = similarOn
  }

  public static func == (lhs: PeerFilter, rhs: PeerFilter) -> Bool {
    lhs.country == rhs.country && lhs.type == rhs.type && lhs.band == rhs.band && lhs.year == rhs.year
      && lhs.attributes.map { "\($0.0)=\($0.1)" } == rhs.attributes.map { "\($0.0)=\($0.1)" }
      && lhs.similar == rhs.similar
      && lhs.similarOn.elementsEqual(rhs.similarOn) { $0.0 == $1.0 && $0.1 == $1.1 }
  }

  /// `network=red a, coastal=?`: the `similarOn` columns with their values (`?` where none is
  /// known).
  var similarOnDescription: String {
    similarOn.map { name, value in "\(name)=\(value ?? "?")" }.joined(separator: ", ")
  }

  /// The filter with each `similarOn` value not given taken from `ownValue` (the authority's own
  /// row); an empty value is none.
  func resolvingSimilarOn(_ ownValue: (String) -> String?) -> PeerFilter {
    var resolved = self
    resolved.similarOn = similarOn.map { name, value in
      (name, (value ?? ownValue(name)).flatMap { $0.isEmpty ? nil : $0 })
    }
    return resolved
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
    if similar != nil, !similarOn.isEmpty { result.append(("similarOn", similarOnDescription)) }
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

  /// Chooses peers from `set` for `authority`; the authority itself (same id) is never among them.
  public init(from set: PeerSet, filter: PeerFilter, bands: PopulationBands, authority: Authority? = nil) {
    var filter = filter
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
      let names = filter.similarOn.map(\.0)
      let ownRow = candidates.authorities.lastIndex { $0.id == authority.id }
      filter = filter.resolvingSimilarOn { name in
        ownRow.flatMap { candidates.authorities[$0].attributes[name] }
      }
      let own = PeerContext(authority, similarOn: filter.similarOn)
      rows = NearestPeers.choose(similar, to: own, among: rows.count) { index in
        let peer = candidates.authorities[rows[index]]
        return PeerContext(
          population: peer.population, type: peer.type, country: peer.country,
          attributes: names.map { peer.attributes[$0] })
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
