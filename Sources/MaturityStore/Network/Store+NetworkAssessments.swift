import Foundation
import MaturityKit

extension Store {
  /// Adds assessments collected elsewhere to a network, each in its authority, as submitted:
  /// all or none. Returns them with their numbers.
  @discardableResult
  public func addSubmitted(
    _ items: [(record: AssessmentRecord, answers: [WrittenAnswer])], to networkID: String,
    by actor: String? = nil
  ) async throws -> [AssessmentRecord] {
    try await write { session in
      _ = try Self.network(networkID, session)
      let now = Date()
      let records = try items.map { item in
        var record = item.record
        record.networkID = networkID
        record.status = .submitted
        record.submittedAt = now
        try Self.upsertAuthority(record, in: networkID, session)
        return try Self.insert(record, answers: item.answers, session)
      }
      let authorities = Set(records.map(\.authorityID)).count
      try Self.audit(
        .imported, actor: actor, network: networkID,
        subject: "\(records.count) assessments of \(authorities) authorities", session)
      return records
    }
  }

  /// The assessments of a network, by authority, the oldest first.
  public func assessments(ofNetwork networkID: String) async throws -> [AssessmentRecord] {
    try await read { session in
      try session.query(
        "SELECT \(AssessmentRecord.columns) FROM assessment WHERE networkID = ? ORDER BY authorityID, date, id",
        [.text(networkID)]
      ).map(AssessmentRecord.init)
    }
  }

  /// The authorities of a network that withdrew from its aggregates.
  public func withdrawnAuthorities(of networkID: String) async throws -> Set<String> {
    try await read { session in
      Set(
        try session.query(
          "SELECT authorityID FROM networkAuthority WHERE networkID = ? AND withdrawnAt IS NOT NULL",
          [.text(networkID)]
        ).map { try $0.string("authorityID") })
    }
  }

  /// Records an authority of a network under the name of its latest assessment.
  static func upsertAuthority(_ record: AssessmentRecord, in networkID: String, _ session: any SQLSession)
    throws
  {
    try session.execute(
      """
      INSERT INTO networkAuthority (networkID, authorityID, name) VALUES (?, ?, ?)
      ON CONFLICT (networkID, authorityID) DO UPDATE SET name = excluded.name
      """, [.text(networkID), .text(record.authorityID), .text(record.authorityName)])
  }
}
