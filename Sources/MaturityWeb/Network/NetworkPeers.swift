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

  /// Each assessment scored by the engine (see ``NetworkAggregates/peers(_:questionnaire:named:)``);
  /// one that no longer reads against its questionnaire is left out.
  static func scores(
    _ inputs: [(record: AssessmentRecord, answers: [WrittenAnswer])], questionnaire: Questionnaire,
    named: Bool = false
  ) -> (peers: PeerSet, cards: [Scorecard]) {
    let responses = inputs.compactMap {
      try? ResponseLoader.assemble(
        $0.record.responseHeader, answers: $0.answers, questionnaire: questionnaire
      )
      .response
    }
    return NetworkAggregates.peers(responses, questionnaire: questionnaire, named: named)
  }
}
