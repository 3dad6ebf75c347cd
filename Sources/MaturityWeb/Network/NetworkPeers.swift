import Foundation
import MaturityKit
import MaturityStore
import Synchronization

/// The scores of a network's submitted assessments, as a peer set for its aggregates. Kept in
/// memory while the network's submissions do not change; any instance recomputes it alone from
/// the database, so a second instance needs nothing of this one's.
final class NetworkPeers: Sendable {
  private let cache = Mutex<[String: (version: String, peers: PeerSet)]>([:])

  /// The peer set of `record`'s campaign (or questionnaire edition) in its network, every
  /// member's latest submitted assessment scored on `questionnaire`.
  func peers(for record: AssessmentRecord, questionnaire: Questionnaire, store: Store) async throws -> PeerSet
  {
    guard let networkID = record.networkID else {
      return PeerSet(dimensionIDs: questionnaire.dimensions.map(\.id))
    }
    let key =
      "\(networkID)|\(record.campaignID.map(String.init) ?? "")|\(questionnaire.id)|\(questionnaire.version)"
    let version = try await store.aggregateVersion(network: networkID)
    if let kept = cache.withLock({ $0[key] }), kept.version == version { return kept.peers }
    let inputs = try await store.aggregateInputs(
      network: networkID, campaign: record.campaignID, questionnaireID: questionnaire.id,
      version: questionnaire.version)
    let peers = Self.scores(inputs, questionnaire: questionnaire).peers
    cache.withLock { $0[key] = (version, peers) }
    return peers
  }

  /// Each assessment scored by the engine, as the scores-shaped peer file would hold it, with
  /// its scorecard; `named` keeps the authorities' names (for the coordinator's report only).
  static func scores(
    _ inputs: [(record: AssessmentRecord, answers: [WrittenAnswer])], questionnaire: Questionnaire,
    named: Bool = false
  ) -> (peers: PeerSet, cards: [Scorecard]) {
    var set = PeerSet(dimensionIDs: questionnaire.dimensions.map(\.id))
    var cards: [Scorecard] = []
    for (record, answers) in inputs {
      guard
        let response = try? ResponseLoader.assemble(
          record.responseHeader, answers: answers, questionnaire: questionnaire
        ).response
      else { continue }
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
