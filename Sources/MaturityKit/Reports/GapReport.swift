import CSV
import Foundation
import InterfaceText

/// A gap report: an authority's scores, its peers, its weakest and strongest answers, what it did
/// not know, and the change since an earlier assessment. Every figure comes from the engine
/// (``Scorecard``, ``Comparison``); renderers only lay it out.
public struct GapReport: Sendable, Equatable, Codable {
  public struct QuestionLine: Sendable, Equatable, Codable {
    public var id: String
    public var text: LocalizedText
    public var answer: AnswerValue?
    public var answerLabel: LocalizedText?
    public var points: Double?
    public var maxPoints: Double?
    public var comment: String?
    public var evidence: String?
  }

  public struct DimensionPart: Sendable, Equatable, Codable {
    public var score: DimensionScore
    public var peers: Comparison.Row?
    public var target: Double?
    /// Target − score; positive when behind.
    public var gap: Double?
    public var previousScore: Double?
    public var change: Double?
    public var weakest: [QuestionLine]
    public var strongest: [QuestionLine]
    public var unknown: [QuestionLine]
  }

  public struct PeerFile: Sendable, Equatable, Codable {
    public var name: String
    public var sha256: String
    public var shape: String
    public var rows: Int
  }

  public var scorecard: Scorecard
  public var questionnaireTitle: LocalizedText
  public var comparison: Comparison?
  public var target: GapTarget
  public var dimensions: [DimensionPart]
  public var overallPeers: Comparison.Row?
  public var overallTarget: Double?
  public var overallGap: Double?
  public var previousDate: String?
  /// How the previous assessment was carried over from an earlier edition, when it was.
  public var previousEdition: EditionCarried?
  public var previousOverall: Double?
  public var overallChange: Double?
  /// Answers with a comment or evidence, in questionnaire order.
  public var notes: [QuestionLine]
  public var peerFiles: [PeerFile]

  /// Assembles the report (see ``Assessment/report(target:)``).
  init(
    questionnaire: Questionnaire, response: Response, scorecard: Scorecard, comparison: Comparison?,
    previous: Scorecard?, target requested: GapTarget?, previousMigration: MigratedResponse? = nil
  ) {
    previousEdition = previousMigration.map(EditionCarried.init)
    self.scorecard = scorecard
    self.questionnaireTitle = questionnaire.title
    self.comparison = comparison
    let gaps = Gaps(questionnaire, scorecard, comparison: comparison, target: requested)
    target = gaps.target
    func line(_ question: QuestionScore) -> QuestionLine {
      let definition = questionnaire.question(question.id)
      let answer = response.answer(question.id)
      var label: LocalizedText?
      switch question.answer {
      case .option(let id)?: label = definition?.option(id)?.label
      case .options(let ids)?:
        let labels = ids.compactMap { definition?.option($0)?.label }
        let languages = Set(labels.flatMap { $0.translations.keys })
        label = LocalizedText(
          Dictionary(
            uniqueKeysWithValues: languages.map { language in
              (language, labels.map { $0.translations[language] ?? "" }.joined(separator: "; "))
            }))
      default: label = nil
      }
      return QuestionLine(
        id: question.id, text: definition?.text ?? LocalizedText([:]), answer: question.answer,
        answerLabel: label,
        points: question.points, maxPoints: question.maxPoints, comment: answer?.comment,
        evidence: answer?.evidence)
    }
    let previousByID = Dictionary(uniqueKeysWithValues: (previous?.dimensions ?? []).map { ($0.id, $0) })
    dimensions = scorecard.dimensions.enumerated().map { index, dimension in
      let peers = comparison?.dimensions[index]
      let scored = dimension.questions.filter {
        $0.maxPoints.map { $0 > 0 } ?? false && $0.status != .unknown
      }
      let weakest = scored.filter { ($0.credit ?? 1) < 1 }
        .sorted { ($0.maxPoints! - $0.points!, $1.id) > ($1.maxPoints! - $1.points!, $0.id) }.prefix(3)
      let weakIDs = Set(weakest.map(\.id))
      let strongest = scored.filter { ($0.credit ?? 0) >= 0.75 && !weakIDs.contains($0.id) }
        .sorted { ($0.points!, $1.id) > ($1.points!, $0.id) }.prefix(3)
      let previousScore = previousByID[dimension.id]?.score
      return DimensionPart(
        score: dimension, peers: peers, target: gaps.dimensions[index].target,
        gap: gaps.dimensions[index].gap,
        previousScore: previousScore, change: dimension.score.flatMap { s in previousScore.map { s - $0 } },
        weakest: weakest.map(line), strongest: strongest.map(line),
        unknown: dimension.questions.filter { $0.status == .unknown }.map(line))
    }
    overallPeers = comparison?.overall
    overallTarget = gaps.overallTarget
    overallGap = gaps.overallGap
    previousDate = previous?.date
    previousOverall = previous?.overall.score
    overallChange = scorecard.overall.score.flatMap { s in previous?.overall.score.map { s - $0 } }
    notes = scorecard.dimensions.flatMap(\.questions).filter { question in
      let answer = response.answer(question.id)
      return question.status != .notRelevant && (answer?.comment != nil || answer?.evidence != nil)
    }.map(line)
    peerFiles = (comparison?.sources ?? []).map { source in
      PeerFile(name: source.fileName, sha256: source.sha256, shape: source.shape.rawValue, rows: source.rows)
    }
  }
}
