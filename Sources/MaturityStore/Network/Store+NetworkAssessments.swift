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

  /// The submitted assessments the network's aggregates are made of, with their answers: the
  /// latest of each authority that has not withdrawn, of one campaign (or, without one, of one
  /// questionnaire edition).
  public func aggregateInputs(
    network networkID: String, campaign campaignID: Int64?, questionnaireID: String, version: String
  ) async throws -> [(record: AssessmentRecord, answers: [WrittenAnswer])] {
    let dialect = dialect
    return try await read { session in
      let scope =
        campaignID == nil ? "a.questionnaireID = ? AND a.questionnaireVersion = ?" : "a.campaignID = ?"
      let scopeValues: [SQLValue] =
        campaignID.map { [.integer($0)] } ?? [.text(questionnaireID), .text(version)]
      let records = try session.query(
        """
        SELECT \(AssessmentRecord.columns.split(separator: ",").map { "a." + $0.trimmingCharacters(in: .whitespaces) }.joined(separator: ", "))
        FROM assessment a
        WHERE a.networkID = ? AND a.status = 'submitted' AND \(scope)
          AND NOT EXISTS (SELECT 1 FROM networkAuthority w WHERE w.networkID = a.networkID
            AND w.authorityID = a.authorityID AND w.withdrawnAt IS NOT NULL)
        ORDER BY a.authorityID, a.date, a.id
        """, [.text(networkID)] + scopeValues
      ).map(AssessmentRecord.init)
      let latest = Dictionary(grouping: records, by: \.authorityID).values.compactMap(\.last)
        .sorted { $0.authorityID < $1.authorityID }
      let order = dialect == .sqlite ? "rowid" : "position"
      var answers: [Int64: [WrittenAnswer]] = [:]
      for row in try session.query(
        """
        SELECT n.assessmentID, n.questionID, n.value, n.unsure, n.comment, n.evidence FROM answer n
        JOIN assessment a ON a.id = n.assessmentID
        WHERE a.networkID = ? AND a.status = 'submitted' AND \(scope) ORDER BY n.assessmentID, n.\(order)
        """, [.text(networkID)] + scopeValues)
      {
        answers[try row.int64("assessmentID"), default: []].append(try WrittenAnswer(row))
      }
      return latest.map { ($0, answers[$0.id!] ?? []) }
    }
  }

  /// A cheap mark of what ``aggregateInputs(network:campaign:questionnaireID:version:)`` would
  /// give: it changes whenever an assessment is submitted, sent back or an authority withdraws.
  public func aggregateVersion(network networkID: String) async throws -> String {
    try await read { session in
      let row = try session.queryOne(
        """
        SELECT (SELECT count(*) FROM assessment WHERE networkID = ? AND status = 'submitted') AS submitted,
          (SELECT max(submittedAt) FROM assessment WHERE networkID = ?) AS latest,
          (SELECT max(id) FROM auditEvent WHERE networkID = ?) AS event
        """, [.text(networkID), .text(networkID), .text(networkID)])
      return [
        "\(try row?.optionalInt64("submitted") ?? 0)",
        "\(try row?.optionalDate("latest")?.timeIntervalSince1970 ?? 0)",
        "\(try row?.optionalInt64("event") ?? 0)",
      ].joined(separator: "/")
    }
  }

  /// Takes an authority out of (or, `withdrawn: false`, back into) its network's aggregates.
  public func setWithdrawn(
    _ withdrawn: Bool, authority authorityID: String, network networkID: String, by actor: String?
  )
    async throws
  {
    try await write { session in
      try session.execute(
        """
        INSERT INTO networkAuthority (networkID, authorityID, name, withdrawnAt) VALUES (?, ?, ?, ?)
        ON CONFLICT (networkID, authorityID) DO UPDATE SET withdrawnAt = excluded.withdrawnAt
        """, [.text(networkID), .text(authorityID), .text(authorityID), withdrawn ? .date(Date()) : .null])
      try Self.audit(
        .withdrawn, actor: actor, network: networkID,
        subject: "\(authorityID) \(withdrawn ? "withdrawn from" : "back in") the aggregates", session)
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
