import CSV
import Foundation
import InterfaceText

/// What a gap is measured against.
public enum ReportTarget: Sendable, Equatable {
  case median, p75, p90
  /// A level's threshold, by level id.
  case level(String)
  /// The next level above the authority's (per dimension), when there are no peers.
  case nextLevel

  /// `median`, `p75`, `p90`, `level:ID` or `level:N` (1 is the first level).
  public init?(argument: String, levels: [Level]) {
    switch argument.lowercased() {
    case "median": self = .median
    case "p75": self = .p75
    case "p90": self = .p90
    default:
      guard argument.lowercased().hasPrefix("level:") else { return nil }
      let name = String(argument.dropFirst("level:".count))
      if let level = levels.first(where: { $0.id == name }) {
        self = .level(level.id)
      } else if let number = Int(name), (1...levels.count).contains(number) {
        self = .level(levels[number - 1].id)
      } else {
        return nil
      }
    }
  }

  public var name: String {
    switch self {
    case .median: "median"
    case .p75: "p75"
    case .p90: "p90"
    case .level(let id): "level:\(id)"
    case .nextLevel: "nextLevel"
    }
  }
}

/// A gap report: an authority's scores, its peers, its weakest and strongest answers, what it did
/// not know, and the change since an earlier assessment. Every figure comes from the engine
/// (``Scorecard``, ``Comparison``); renderers only lay it out.
public struct GapReport: Sendable {
  public struct QuestionLine: Sendable, Equatable {
    public var id: String
    public var text: LocalizedText
    public var answer: AnswerValue?
    public var answerLabel: LocalizedText?
    public var points: Double?
    public var maxPoints: Double?
    public var comment: String?
    public var evidence: String?
  }

  public struct DimensionPart: Sendable {
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

  public struct PeerFile: Sendable, Equatable {
    public var name: String
    public var sha256: String
    public var shape: String
    public var rows: Int
  }

  public var scorecard: Scorecard
  public var questionnaireTitle: LocalizedText
  public var comparison: Comparison?
  public var target: ReportTarget
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

  /// Assembles the report. `peerFiles` maps each peer file name to its path, for its checksum.
  public init(
    questionnaire: Questionnaire, response: Response, scorecard: Scorecard, comparison: Comparison?,
    previous: Scorecard?, target requested: ReportTarget?, peerFilePaths: [String] = [],
    previousMigration: MigratedResponse? = nil
  ) {
    previousEdition = previousMigration.map(EditionCarried.init)
    self.scorecard = scorecard
    self.questionnaireTitle = questionnaire.title
    self.comparison = comparison
    let target = requested ?? (comparison == nil ? .nextLevel : .p75)
    self.target = target
    func targetValue(_ score: Double?, _ peers: Comparison.Row?) -> Double? {
      switch target {
      case .median: return peers?.peers?.median
      case .p75: return peers?.peers?.p75
      case .p90: return peers?.peers?.p90
      case .level(let id): return questionnaire.levels.first { $0.id == id }?.min
      case .nextLevel:
        guard let score else { return nil }
        return questionnaire.levels.first { $0.min > score }?.min
      }
    }
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
      let value = targetValue(dimension.score, peers)
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
        score: dimension, peers: peers, target: value,
        gap: value.flatMap { t in dimension.score.map { t - $0 } },
        previousScore: previousScore, change: dimension.score.flatMap { s in previousScore.map { s - $0 } },
        weakest: weakest.map(line), strongest: strongest.map(line),
        unknown: dimension.questions.filter { $0.status == .unknown }.map(line))
    }
    overallPeers = comparison?.overall
    overallTarget = targetValue(scorecard.overall.score, comparison?.overall)
    overallGap = overallTarget.flatMap { t in scorecard.overall.score.map { t - $0 } }
    previousDate = previous?.date
    previousOverall = previous?.overall.score
    overallChange = scorecard.overall.score.flatMap { s in previous?.overall.score.map { s - $0 } }
    notes = scorecard.dimensions.flatMap(\.questions).filter { question in
      let answer = response.answer(question.id)
      return question.status != .notRelevant && (answer?.comment != nil || answer?.evidence != nil)
    }.map(line)
    peerFiles = (comparison?.sources ?? []).map { source in
      let path = peerFilePaths.first { URL(fileURLWithPath: $0).lastPathComponent == source.fileName }
      return PeerFile(
        name: source.fileName, sha256: path.flatMap { try? SHA256.hex(ofFile: $0) } ?? "",
        shape: source.shape.rawValue,
        rows: source.rows)
    }
  }
}
