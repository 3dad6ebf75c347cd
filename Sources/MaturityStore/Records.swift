import Foundation
import MaturityKit

/// One assessment: an authority's answers to one version of a questionnaire, as stored.
public struct AssessmentRecord: Codable, Sendable, Equatable, Identifiable {
  public var id: Int64?
  public var questionnaireID: String
  public var questionnaireVersion: String
  public var authorityID: String
  public var authorityName: String
  /// ISO 3166-1 alpha-2 code.
  public var country: String?
  public var population: Int?
  /// `municipality`, `region` or `other`.
  public var authorityType: String?
  /// The assessment date, `YYYY-MM-DD`.
  public var date: String?
  /// Personal data of the person who answered; exported only with the authority's own data.
  public var respondentName: String?
  public var respondentRole: String?
  /// The assessment this one was duplicated from, for a re-assessment.
  public var basedOn: Int64?
  /// The network it was submitted to, or nil for an assessment of the local app.
  public var networkID: String?
  /// The campaign of the network it answers, if any.
  public var campaignID: Int64?
  public var status: AssessmentStatus = .draft
  public var submittedAt: Date?
  public var createdAt: Date
  public var updatedAt: Date

  public init(
    id: Int64? = nil, questionnaireID: String, questionnaireVersion: String, authorityID: String,
    authorityName: String,
    country: String? = nil, population: Int? = nil, authorityType: String? = nil, date: String? = nil,
    respondentName: String? = nil, respondentRole: String? = nil, basedOn: Int64? = nil,
    createdAt: Date = Date(),
    updatedAt: Date = Date()
  ) {
    self.id = id
    self.questionnaireID = questionnaireID
    self.questionnaireVersion = questionnaireVersion
    self.authorityID = authorityID
    self.authorityName = authorityName
    self.country = country
    self.population = population
    self.authorityType = authorityType
    self.date = date
    self.respondentName = respondentName
    self.respondentRole = respondentRole
    self.basedOn = basedOn
    self.createdAt = createdAt
    self.updatedAt = updatedAt
  }

  /// The header of the response this assessment holds (no answers yet).
  public var responseHeader: Response {
    Response(
      questionnaireID: questionnaireID, version: questionnaireVersion,
      authority: Authority(
        id: authorityID, name: authorityName, country: country, population: population,
        type: authorityType.flatMap(AuthorityType.init)),
      date: date,
      respondent: respondentName == nil && respondentRole == nil
        ? nil : Respondent(name: respondentName, role: respondentRole),
      file: "assessment \(id.map(String.init) ?? "new")")
  }

  /// An assessment holding the header of `response`.
  public init(_ response: Response, basedOn: Int64? = nil) {
    self.init(
      questionnaireID: response.questionnaireID, questionnaireVersion: response.version,
      authorityID: response.authority.id, authorityName: response.authority.name,
      country: response.authority.country,
      population: response.authority.population, authorityType: response.authority.type?.rawValue,
      date: response.date,
      respondentName: response.respondent?.name, respondentRole: response.respondent?.role, basedOn: basedOn)
  }
}

/// Where an assessment stands in a network's campaign.
public enum AssessmentStatus: String, Codable, Sendable, CaseIterable {
  /// Being filled in; the local app's assessments stay drafts.
  case draft
  /// Submitted to the network: locked until the coordinator sends it back.
  case submitted
  /// Sent back by the coordinator with review comments, open again for changes.
  case returned
}

/// A peer benchmark CSV uploaded in the web app, kept as the bytes uploaded.
public struct PeerSetRecord: Sendable, Identifiable {
  public var id: Int64
  /// The file name as uploaded.
  public var name: String
  public var content: Data
  public var uploadedAt: Date
}

extension AssessmentRecord {
  static let columns = """
    id, questionnaireID, questionnaireVersion, authorityID, authorityName, country, population, \
    authorityType, date, respondentName, respondentRole, basedOn, networkID, campaignID, status, \
    submittedAt, createdAt, updatedAt
    """

  init(_ row: SQLRow) throws(StoreError) {
    self.init(
      id: try row.int64("id"), questionnaireID: try row.string("questionnaireID"),
      questionnaireVersion: try row.string("questionnaireVersion"),
      authorityID: try row.string("authorityID"),
      authorityName: try row.string("authorityName"), country: try row.optionalString("country"),
      population: try row.optionalInt("population"), authorityType: try row.optionalString("authorityType"),
      date: try row.optionalString("date"), respondentName: try row.optionalString("respondentName"),
      respondentRole: try row.optionalString("respondentRole"), basedOn: try row.optionalInt64("basedOn"),
      createdAt: try row.date("createdAt"), updatedAt: try row.date("updatedAt"))
    networkID = try row.optionalString("networkID")
    campaignID = try row.optionalInt64("campaignID")
    status = AssessmentStatus(rawValue: try row.string("status")) ?? .draft
    submittedAt = try row.optionalDate("submittedAt")
  }

  /// The values of every column but `id`, in the order of ``columns``.
  var values: [SQLValue] {
    [
      .text(questionnaireID), .text(questionnaireVersion), .text(authorityID), .text(authorityName),
      .optional(country), .optional(population), .optional(authorityType), .optional(date),
      .optional(respondentName), .optional(respondentRole), .optional(basedOn), .optional(networkID),
      .optional(campaignID), .text(status.rawValue), .optional(submittedAt), .date(createdAt),
      .date(updatedAt),
    ]
  }
}

extension WrittenAnswer {
  init(_ row: SQLRow) throws(StoreError) {
    self.init(
      questionID: try row.string("questionID"), value: try row.optionalString("value"),
      unsure: try row.bool("unsure"), comment: try row.optionalString("comment"),
      evidence: try row.optionalString("evidence"))
  }
}
