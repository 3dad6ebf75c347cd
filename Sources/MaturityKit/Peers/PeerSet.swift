import CSV

/// One authority-year of a peer set: who it is (never shown in outputs about another authority)
/// and what it is, for filtering.
public struct PeerAuthority: Sendable, Equatable {
  public var id: String
  public var name: String?
  public var country: String?
  public var population: Int?
  public var type: AuthorityType?
  public var year: Int
  /// Extra columns of the peer file, by lower-cased column name.
  public var attributes: [String: String]

  public init(
    id: String, name: String? = nil, country: String? = nil, population: Int? = nil,
    type: AuthorityType? = nil,
    year: Int, attributes: [String: String] = [:]
  ) {
    self.id = id
    self.name = name
    self.country = country
    self.population = population
    self.type = type
    self.year = year
    self.attributes = attributes
  }
}

/// Where peers came from and how the file was read.
public struct PeerSource: Sendable, Equatable, Codable {
  public enum Shape: String, Sendable, Codable { case scores, answers }
  /// The file name without its folders (paths are never shown in reports).
  public var fileName: String
  public var shape: Shape
  public var delimiter: CSVDelimiter
  public var encoding: CSVEncoding
  /// Data rows read (the header excluded).
  public var rows: Int
  /// Rows left out with `--skip-invalid`.
  public var rowsLeftOut: Int
  /// Column names as written.
  public var columns: [String]
  /// Columns kept as attributes to filter on.
  public var attributes: [String]
  /// The SHA-256 of the file's bytes as they were read, in hex; empty when the file could not be
  /// read again for it.
  public var sha256: String
}

/// Peer authorities and their scores per dimension and overall, held compactly: one row of
/// `dimensionIDs.count + 1` numbers per authority (the overall score last), NaN for "insufficient data".
public struct PeerSet: Sendable {
  public let dimensionIDs: [String]
  public private(set) var authorities: [PeerAuthority] = []
  public private(set) var scoreRows: [Double] = []
  public var sources: [PeerSource] = []
  /// False when it is known that no authority has rows of several years (set by the reader).
  public var hasSeveralYears = true
  /// Each authority's newest row, when the reader found them already (nil: work it out).
  public var newestRows: [Int]?

  public init(dimensionIDs: [String]) { self.dimensionIDs = dimensionIDs }

  /// The number of score columns: the dimensions, then the overall score.
  public var width: Int { dimensionIDs.count + 1 }
  public var count: Int { authorities.count }

  /// The score of authority `row` in `column` (a dimension index, or `dimensionIDs.count` for the
  /// overall score); nil when the data was insufficient.
  public func score(_ row: Int, _ column: Int) -> Double? {
    let value = scoreRows[row * width + column]
    return value.isNaN ? nil : value
  }

  /// Adds an authority-year with its scores (`width` values, NaN for none).
  public mutating func append(_ authority: PeerAuthority, scores: some Collection<Double>) {
    precondition(scores.count == width)
    hasSeveralYears = hasSeveralYears || !authorities.isEmpty
    newestRows = nil
    authorities.append(authority)
    scoreRows.append(contentsOf: scores)
  }

  /// Adds every row of `other` (same dimensions).
  public mutating func append(contentsOf other: PeerSet) {
    // Rows from two sets may be two years of one authority.
    hasSeveralYears =
      authorities.isEmpty ? other.hasSeveralYears : (other.authorities.isEmpty ? hasSeveralYears : true)
    newestRows = authorities.isEmpty ? other.newestRows : (other.authorities.isEmpty ? newestRows : nil)
    authorities += other.authorities
    scoreRows += other.scoreRows
    sources += other.sources
  }

  /// The rows kept, in order.
  public func selecting(_ rows: some Sequence<Int>) -> PeerSet {
    var result = PeerSet(dimensionIDs: dimensionIDs)
    result.sources = sources
    for row in rows {
      result.authorities.append(authorities[row])
      result.scoreRows.append(contentsOf: scoreRows[(row * width)..<((row + 1) * width)])
    }
    result.hasSeveralYears = hasSeveralYears
    return result
  }

  /// Each authority once: its row of `year`, or its newest year when `year` is nil.
  public func oneYearPerAuthority(_ year: Int? = nil) -> PeerSet {
    if let year { return selecting(authorities.indices.filter { authorities[$0].year == year }) }
    if !hasSeveralYears { return self }
    if let newestRows { return selecting(newestRows) }
    var newest: [String: Int] = [:]
    newest.reserveCapacity(authorities.count)
    for (row, authority) in authorities.enumerated() {
      if let kept = newest[authority.id], authorities[kept].year >= authority.year { continue }
      newest[authority.id] = row
    }
    if newest.count == authorities.count { return self }  // one year each already
    return selecting(newest.values.sorted())
  }

  /// Names of attribute columns across sources.
  public var attributeNames: [String] {
    var seen: [String] = []
    for source in sources { for name in source.attributes where !seen.contains(name) { seen.append(name) } }
    return seen
  }
}
