/// What a member of a network sees of the others: aggregates over groups the server defines
/// (the whole network, the member's population band, its type, its country), each computed only
/// over at least `k` other submitted members, so that no two views can be differenced down to
/// one member. No member is named and no member's value is shown: medians and counts only.
public struct NetworkAggregates: Sendable {
  /// The groups, always these four.
  public enum Group: String, Sendable, CaseIterable {
    case network, band, type, country
  }

  public struct Entry: Sendable {
    public var group: Group
    /// What the member has that defines the group (its band's label, type or country); nil for
    /// the network, or when the member's details do not say.
    public var value: String?
    /// The other members in the group (shown only once there are `k`).
    public var others: Int
    /// The comparison, when the group holds at least `k` others.
    public var comparison: Comparison?
  }

  public var entries: [Entry]
  /// The smallest group shown.
  public var minimumGroup: Int

  /// The aggregates for `card`, the scorecard of `authority`, against `others` (the latest
  /// submitted assessment of every other member; the authority itself, if present, is left out).
  public init(
    _ card: Scorecard, authority: Authority, others: PeerSet, bands: PopulationBands, minimumGroup: Int
  ) {
    self.minimumGroup = minimumGroup
    entries = Group.allCases.map { group in
      var filter = PeerFilter()
      var value: String?
      switch group {
      case .network: break
      case .band:
        guard let population = authority.population else { return Entry(group: group, others: 0) }
        filter.band = .index(bands.index(of: population))
        value = bands.label(bands.index(of: population))
      case .type:
        guard let type = authority.type else { return Entry(group: group, others: 0) }
        filter.type = type
        value = type.rawValue
      case .country:
        guard let country = authority.country else { return Entry(group: group, others: 0) }
        filter.country = country
        value = country
      }
      let peers = PeerGroup(from: others, filter: filter, bands: bands, authority: authority)
      let comparison = try? Comparison(card, group: peers.scores, minimumGroup: minimumGroup)
      return Entry(group: group, value: value, others: peers.count, comparison: comparison)
    }
  }
}

extension NetworkAggregates {
  /// Responses scored by the engine into a peer set (as the scores-shaped peer file would hold
  /// them), with their scorecards. `named` keeps the authorities' names, for the coordinator's
  /// report only.
  public static func peers(_ responses: [Response], questionnaire: Questionnaire, named: Bool = false)
    -> (peers: PeerSet, cards: [Scorecard])
  {
    var set = PeerSet(dimensionIDs: questionnaire.dimensions.map(\.id))
    var cards: [Scorecard] = []
    for response in responses {
      let card = Assessment(response, on: questionnaire).scorecard
      let authority = response.authority
      set.append(
        PeerAuthority(
          id: authority.id, name: named ? authority.name : nil, country: authority.country,
          population: authority.population, type: authority.type, year: card.year ?? 0),
        scores: card.dimensions.map { $0.score ?? .nan } + [card.overall.score ?? .nan])
      cards.append(card)
    }
    return (set, cards)
  }
}

extension NetworkAggregates.Entry {
  init(group: NetworkAggregates.Group, others: Int) {
    self.init(group: group, value: nil, others: others, comparison: nil)
  }
}
