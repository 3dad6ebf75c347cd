import Foundation
import MaturityKit
import MaturityStore
import Synchronization

/// The scores of a network's submitted assessments, as a peer set for its aggregates. Kept in
/// memory while the network's submissions do not change; any instance recomputes it alone from
/// the database, so a second instance needs nothing of this one's. Requests that find it missing
/// at the same time wait for one computation rather than each making its own.
final class NetworkPeers: Sendable {
  private let cache = Mutex<[String: (version: String, peers: Task<PeerSet, any Error>)]>([:])

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
    let campaignID = record.campaignID
    let computation = cache.withLock { cache in
      if let kept = cache[key], kept.version == version { return kept.peers }
      let task = Task {
        let inputs = try await store.aggregateInputs(
          network: networkID, campaign: campaignID, questionnaireID: questionnaire.id,
          version: questionnaire.version)
        return Self.scores(inputs, questionnaire: questionnaire).peers
      }
      cache[key] = (version, task)
      return task
    }
    do {
      return try await computation.value
    } catch {
      // A failed computation is not kept: the next request tries again.
      cache.withLock { cache in if cache[key]?.version == version { cache[key] = nil } }
      throw error
    }
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
