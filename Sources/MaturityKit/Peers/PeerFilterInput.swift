import InterfaceText

/// A peer filter as a user writes it, under the same names on the command line (`--country`,
/// `--type`, `--band`, `--year`, `--where`, `--similar`, `--similar-on`) and in a results
/// page's query: the one place its rules are checked, with the same messages everywhere.
public struct PeerFilterInput: Sendable, Equatable {
  public var country: String?
  public var type: String?
  /// `auto` (the authority's own band) or a band's label such as `5k-20k`.
  public var band: String?
  public var year: String?
  /// `ATTRIBUTE=VALUE` conditions.
  public var conditions: [String]
  public var similar: String?
  /// `COLUMN` or `COLUMN=VALUE`: the context columns `similar` also compares.
  public var similarOn: [String]

  public init(
    country: String? = nil, type: String? = nil, band: String? = nil, year: String? = nil,
    conditions: [String] = [], similar: String? = nil, similarOn: [String] = []
  ) {
    func given(_ text: String?) -> String? {
      text.map { $0.trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : $0 }
    }
    self.country = given(country)
    self.type = given(type)
    self.band = given(band)
    self.year = given(year)
    self.conditions = conditions.compactMap(given)
    self.similar = given(similar)
    self.similarOn = similarOn.compactMap(given)
  }

  /// Checks everything but the band's label, which needs the questionnaire's bands.
  public func check() throws(PeerFilterError) {
    _ = try parts()
  }

  /// The filter, with the band's label resolved against `bands`.
  public func filter(_ bands: PopulationBands) throws(PeerFilterError) -> PeerFilter {
    var filter = try parts()
    if let band {
      if band.lowercased() == "auto" {
        filter.band = .auto
      } else if let index = bands.index(ofLabel: band) {
        filter.band = .index(index)
      } else {
        throw .unknownBand(band, bands: ["auto"] + bands.labels)
      }
    }
    return filter
  }

  private func parts() throws(PeerFilterError) -> PeerFilter {
    var filter = PeerFilter()
    if let country {
      guard Authority.isCountryCode(country.uppercased()) else { throw .invalid(.country, country) }
      filter.country = country.uppercased()
    }
    if let type {
      guard let kind = AuthorityType(rawValue: type.lowercased()) else { throw .invalid(.type, type) }
      filter.type = kind
    }
    if let year {
      guard let number = Int(year), (1900...2200).contains(number) else { throw .invalid(.year, year) }
      filter.year = number
    }
    if let similar {
      guard let count = Int(similar), count >= 1 else { throw .invalid(.similar, similar) }
      filter.similar = count
    }
    filter.attributes = try conditions.map { condition throws(PeerFilterError) in
      guard let pair = Self.pair(condition), let value = pair.value else { throw .invalid(.where, condition) }
      return (pair.name, value)
    }
    if !similarOn.isEmpty, filter.similar == nil { throw .similarOnWithoutSimilar }
    filter.similarOn = try similarOn.map { column throws(PeerFilterError) in
      guard let pair = Self.pair(column) else { throw .invalid(.similarOn, column) }
      return pair
    }
    return filter
  }

  /// `NAME=VALUE` or `NAME` as (lower-cased name, value); nil when the name is empty.
  private static func pair(_ text: String) -> (name: String, value: String?)? {
    let parts = text.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map {
      $0.trimmingCharacters(in: .whitespaces)
    }
    guard !parts[0].isEmpty else { return nil }
    return (parts[0].lowercased(), parts.count > 1 ? parts[1] : nil)
  }
}

/// A peer filter that cannot be used, with what to write instead.
public enum PeerFilterError: UserFacingError, Equatable {
  /// The parts of a filter, by the names of their options.
  public enum Part: String, Sendable {
    case country, type, year, `where`, similar
    case similarOn = "similar-on"
  }

  case invalid(Part, String)
  case unknownBand(String, bands: [String])
  case similarOnWithoutSimilar

  public var location: SourceLocation? { nil }

  public func message(_ texts: TextCatalogue) -> String {
    switch self {
    case .invalid(let part, let value): texts("peers.filter.\(part.rawValue)", ["value": value])
    case .unknownBand(let band, let bands):
      texts("peers.filter.band", ["value": band, "bands": bands.joined(separator: ", ")])
    case .similarOnWithoutSimilar: texts("peers.filter.similarOnAlone")
    }
  }
}
