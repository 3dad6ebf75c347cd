import Foundation
import MaturityKit

/// An assessment round of a network: one questionnaire edition, open between two dates.
public struct Campaign: Sendable, Equatable, Identifiable {
  public var id: Int64
  public var networkID: String
  public var name: String
  public var questionnaireID: String
  public var questionnaireVersion: String
  /// `YYYY-MM-DD`, both days included.
  public var opensOn: String
  public var closesOn: String
  /// When the coordinator closed it: no assessment of it changes after.
  public var closedAt: Date?
  /// When the coordinator published the network report, after the correction window.
  public var publishedAt: Date?

  static let columns =
    "id, networkID, name, questionnaireID, questionnaireVersion, opensOn, closesOn, closedAt, publishedAt"

  init(_ row: SQLRow) throws {
    id = try row.int64("id")
    networkID = try row.string("networkID")
    name = try row.string("name")
    questionnaireID = try row.string("questionnaireID")
    questionnaireVersion = try row.string("questionnaireVersion")
    opensOn = try row.string("opensOn")
    closesOn = try row.string("closesOn")
    closedAt = try row.optionalDate("closedAt")
    publishedAt = try row.optionalDate("publishedAt")
  }

  /// Whether members can fill in and submit on `day` (`YYYY-MM-DD`).
  public func isOpen(on day: String) -> Bool { closedAt == nil && opensOn <= day && day <= closesOn }
}

extension Store {
  /// Opens a campaign of a network.
  @discardableResult
  public func createCampaign(
    networkID: String, name: String, questionnaireID: String, questionnaireVersion: String, opensOn: String,
    closesOn: String, by actor: String? = nil
  ) async throws -> Campaign {
    guard ISODate.isValid(opensOn), ISODate.isValid(closesOn), opensOn <= closesOn else {
      throw NetworkError.invalidCampaignDates(opensOn: opensOn, closesOn: closesOn)
    }
    return try await write { session in
      _ = try Self.network(networkID, session)
      guard
        let row = try session.queryOne(
          """
          INSERT INTO campaign (networkID, name, questionnaireID, questionnaireVersion, opensOn, closesOn, createdAt)
          VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING \(Campaign.columns)
          """,
          [
            .text(networkID), .text(name), .text(questionnaireID), .text(questionnaireVersion),
            .text(opensOn),
            .text(closesOn), .date(Date()),
          ])
      else { throw StoreError.failed(path: "", reason: "no campaign returned") }
      try Self.audit(
        .campaignOpened, actor: actor, network: networkID,
        subject: "\(name): \(questionnaireID) \(questionnaireVersion), \(opensOn) – \(closesOn)", session)
      return try Campaign(row)
    }
  }

  /// The campaigns of a network, the newest first.
  public func campaigns(of networkID: String) async throws -> [Campaign] {
    try await read { session in
      try session.query(
        "SELECT \(Campaign.columns) FROM campaign WHERE networkID = ? ORDER BY id DESC", [.text(networkID)]
      ).map(Campaign.init)
    }
  }

  /// The campaign numbered `id`.
  public func campaign(_ id: Int64) async throws -> Campaign {
    try await read { session in try Self.campaign(id, session) }
  }

  static func campaign(_ id: Int64, _ session: any SQLSession) throws -> Campaign {
    guard
      let row = try session.queryOne("SELECT \(Campaign.columns) FROM campaign WHERE id = ?", [.integer(id)])
    else { throw NetworkError.unknownCampaign(id: id) }
    return try Campaign(row)
  }

  /// Closes a campaign for good; returns false when it was closed already.
  @discardableResult
  public func closeCampaign(_ id: Int64, by actor: String? = nil) async throws -> Bool {
    try await write { session in
      let campaign = try Self.campaign(id, session)
      let changed = try session.execute(
        "UPDATE campaign SET closedAt = ? WHERE id = ? AND closedAt IS NULL", [.date(Date()), .integer(id)])
      if changed == 1 {
        try Self.audit(
          .campaignClosed, actor: actor, network: campaign.networkID, subject: campaign.name, session)
      }
      return changed == 1
    }
  }

  /// Publishes the network report of a closed campaign.
  public func publishCampaign(_ id: Int64, by actor: String? = nil) async throws {
    try await write { session in
      let campaign = try Self.campaign(id, session)
      guard campaign.closedAt != nil else { throw NetworkError.campaignNotClosed(name: campaign.name) }
      try session.execute(
        "UPDATE campaign SET publishedAt = ? WHERE id = ? AND publishedAt IS NULL",
        [.date(Date()), .integer(id)])
      try Self.audit(.published, actor: actor, network: campaign.networkID, subject: campaign.name, session)
    }
  }

  /// The assessment of `authority` for a campaign: the one it has, or a new draft, which starts
  /// from the authority's latest assessment of the same questionnaire edition in the network.
  public func campaignAssessment(
    _ campaignID: Int64, authorityID: String, authorityName: String, on day: String = ISODate.today
  ) async throws -> AssessmentRecord {
    let dialect = dialect
    return try await write { session in
      let campaign = try Self.campaign(campaignID, session)
      if let row = try session.queryOne(
        "SELECT \(AssessmentRecord.columns) FROM assessment WHERE campaignID = ? AND authorityID = ?",
        [.integer(campaignID), .text(authorityID)])
      {
        return try AssessmentRecord(row)
      }
      guard campaign.isOpen(on: day) else { throw NetworkError.campaignNotOpen(name: campaign.name) }
      let earlier = try session.queryOne(
        """
        SELECT \(AssessmentRecord.columns) FROM assessment WHERE networkID = ? AND authorityID = ?
          AND questionnaireID = ? AND questionnaireVersion = ? ORDER BY date DESC, id DESC LIMIT 1
        """,
        [
          .text(campaign.networkID), .text(authorityID), .text(campaign.questionnaireID),
          .text(campaign.questionnaireVersion),
        ]
      ).map(AssessmentRecord.init)
      var record =
        earlier
        ?? AssessmentRecord(
          questionnaireID: campaign.questionnaireID, questionnaireVersion: campaign.questionnaireVersion,
          authorityID: authorityID, authorityName: authorityName)
      record.basedOn = earlier?.id
      record.networkID = campaign.networkID
      record.campaignID = campaignID
      record.status = .draft
      record.submittedAt = nil
      record.date = day
      let answers = try earlier.map { try Self.answers(of: $0.id!, dialect: dialect, session) } ?? []
      return try Self.insert(record, answers: answers, session)
    }
  }

  /// Submits an assessment of an open campaign: it is locked until sent back.
  public func submit(_ id: Int64, by actor: String? = nil, on day: String = ISODate.today) async throws {
    try await write { session in
      let record = try Self.assessment(id, session)
      try Self.checkOpen(record, on: day, session)
      let changed = try session.execute(
        "UPDATE assessment SET status = 'submitted', submittedAt = ? WHERE id = ? AND status <> 'submitted'",
        [.date(Date()), .integer(id)])
      if changed == 0 { throw NetworkError.assessmentLocked(id: id) }
      try Self.audit(
        .submitted, actor: actor, network: record.networkID, subject: "\(record.authorityID) (\(id))", session
      )
    }
  }

  /// Sends a submitted assessment back to its authority for changes, with the review comments.
  public func sendBack(_ id: Int64, by actor: String? = nil) async throws {
    try await write { session in
      let record = try Self.assessment(id, session)
      try Self.checkOpen(record, on: ISODate.today, session)
      let changed = try session.execute(
        "UPDATE assessment SET status = 'returned' WHERE id = ? AND status = 'submitted'", [.integer(id)])
      if changed == 0 { throw NetworkError.notSubmitted(id: id) }
      try Self.audit(
        .returned, actor: actor, network: record.networkID, subject: "\(record.authorityID) (\(id))", session)
    }
  }

  /// Refuses a change to an assessment of a campaign that is closed, or not open on `day`.
  static func checkOpen(_ record: AssessmentRecord, on day: String, _ session: any SQLSession) throws {
    guard let campaignID = record.campaignID else { return }
    let campaign = try campaign(campaignID, session)
    if !campaign.isOpen(on: day) { throw NetworkError.campaignNotOpen(name: campaign.name) }
  }
}

/// A note someone left on one item of an assessment: the coordinator's comment on an answer, in
/// review, or the advisor's note on a step of the plan.
public struct AssessmentNote: Sendable, Equatable {
  /// What notes of a kind are about, where they are kept, and how they are audited.
  public enum Kind: Sendable {
    /// The coordinator's comment on an answer (the item is a question id).
    case review
    /// The advisor's note on a step of the plan (the item is a step id).
    case plan

    var table: String { self == .review ? "reviewComment" : "planNote" }
    var itemColumn: String { self == .review ? "questionID" : "actionID" }
    var action: AuditAction { self == .review ? .reviewed : .annotated }
  }

  /// The question or plan step the note is about.
  public var item: String
  public var text: String
  public var author: String?
  public var at: Date
}

extension Store {
  /// Sets (or, with empty text, removes) the note of `kind` on one item of assessment `id`.
  public func setNote(
    _ kind: AssessmentNote.Kind, _ text: String, on item: String, of id: Int64, by author: String?
  )
    async throws
  {
    try await write { session in
      let record = try Self.assessment(id, session)
      if text.isEmpty {
        try session.execute(
          "DELETE FROM \(kind.table) WHERE assessmentID = ? AND \(kind.itemColumn) = ?",
          [.integer(id), .text(item)])
        return
      }
      try session.execute(
        """
        INSERT INTO \(kind.table) (assessmentID, \(kind.itemColumn), text, author, at) VALUES (?, ?, ?, ?, ?)
        ON CONFLICT (assessmentID, \(kind.itemColumn)) DO UPDATE SET text = excluded.text,
          author = excluded.author, at = excluded.at
        """, [.integer(id), .text(item), .text(text), .optional(author), .date(Date())])
      try Self.audit(
        kind.action, actor: author, network: record.networkID,
        subject: "\(record.authorityID) (\(id)): \(item)",
        session)
    }
  }

  /// The notes of `kind` on assessment `id`, by item.
  public func notes(_ kind: AssessmentNote.Kind, of id: Int64) async throws -> [String: AssessmentNote] {
    try await read { session in
      Dictionary(
        uniqueKeysWithValues: try session.query(
          "SELECT \(kind.itemColumn) AS item, text, author, at FROM \(kind.table) WHERE assessmentID = ?",
          [.integer(id)]
        ).map { row in
          let note = AssessmentNote(
            item: try row.string("item"), text: try row.string("text"),
            author: try row.optionalString("author"),
            at: try row.date("at"))
          return (note.item, note)
        })
    }
  }
}
