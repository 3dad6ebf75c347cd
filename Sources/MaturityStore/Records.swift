import Foundation
import GRDB
import MaturityKit

/// One assessment: an authority's answers to one version of a questionnaire, as stored.
public struct AssessmentRecord: Codable, Sendable, Equatable, Identifiable, FetchableRecord,
  MutablePersistableRecord
{
  public static let databaseTableName = "assessment"

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

  public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

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

/// One answer of an assessment, as written (see ``WrittenAnswer``).
struct AnswerRecord: Codable, FetchableRecord, PersistableRecord {
  static let databaseTableName = "answer"

  var assessmentID: Int64
  var questionID: String
  /// Nil for notes without an answer.
  var value: String?
  var unsure: Bool
  var comment: String?
  var evidence: String?
  var updatedAt: Date

  init(assessmentID: Int64, _ answer: WrittenAnswer, at date: Date) {
    self.assessmentID = assessmentID
    questionID = answer.questionID
    value = answer.value
    unsure = answer.unsure
    comment = answer.comment
    evidence = answer.evidence
    updatedAt = date
  }

  var written: WrittenAnswer {
    WrittenAnswer(questionID: questionID, value: value, unsure: unsure, comment: comment, evidence: evidence)
  }
}

/// A peer benchmark CSV uploaded in the web app, kept as the bytes uploaded.
public struct PeerSetRecord: Codable, Sendable, Identifiable, FetchableRecord, MutablePersistableRecord {
  public static let databaseTableName = "peerSet"

  public var id: Int64?
  /// The file name as uploaded.
  public var name: String
  public var content: Data
  public var uploadedAt: Date

  public init(id: Int64? = nil, name: String, content: Data, uploadedAt: Date = Date()) {
    self.id = id
    self.name = name
    self.content = content
    self.uploadedAt = uploadedAt
  }

  public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
