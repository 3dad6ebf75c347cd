import CSV
import Parallel

/// The answers of answers-shape peer files held as compact codes, unscored, so that they can be
/// scored again under other question weights (see ``RankSensitivity``).
///
/// Rows are read by the same segment reader as ``PeerSetReader`` (whole, not streaming), so an
/// authority-year holds exactly the answers its scores in a ``PeerSet`` come from. Problems are
/// not collected here: ``PeerSetReader`` reports (or refuses) the same rows first.
public struct PeerAnswers: Sendable {
  /// Codes per authority-year.
  let questionCount: Int
  private(set) var slots: [AuthorityYear: Int] = [:]
  /// `questionCount` codes per slot.
  private(set) var codes: [ScoringPlan.Code] = []
  /// What skip logic may test of each slot's authority.
  private(set) var contexts: [AuthorityContext] = []

  /// No answers (every peer file is of the scores shape).
  public init(questionCount: Int = 0) { self.questionCount = questionCount }

  /// The number of authority-years held.
  public var count: Int { slots.count }

  /// Reads the answers-shape files among `paths`; scores-shape files are passed over.
  public static func read(_ paths: [String], questionnaire: Questionnaire, options: PeerReadOptions) throws
    -> PeerAnswers
  {
    var answers = PeerAnswers(questionCount: questionnaire.questions.count)
    for path in paths {
      let file = try PeerFile(path, questionnaire: questionnaire, options: options)
      guard file.shape == .answers else { continue }
      answers.append(try file.readAnswerCodes())
    }
    return answers
  }

  /// The slot of an authority-year, if its answers are held.
  func slot(id: String, year: Int) -> Int? { slots[AuthorityYear(id: id, year: year)] }

  private mutating func append(_ held: AnswersAccumulator) {
    let count = questionCount
    for (key, slot) in held.slots.sorted(by: { $0.value < $1.value }) where slots[key] == nil {
      slots[key] = slots.count
      contexts.append(AuthorityContext(held.authorities[slot]))
      for question in 0..<count {
        codes.append(
          ScoringPlan.Code(
            kind: ScoringPlan.Code.Kind(rawValue: held.kinds[slot * count + question])!, unsure: false,
            bits: held.bits[slot * count + question]))
      }
    }
  }
}

extension PeerFile {
  /// Reads an answers-shape file whole on every thread and keeps every authority-year's
  /// answer codes, unscored.
  func readAnswerCodes() throws -> AnswersAccumulator {
    let context = context
    let parts = ParallelWork.map(try reader.segments(options.threads)) {
      AnswersShapeReader(context).read($1, skipFirst: $0 == 0, streaming: false)
    }
    var held = AnswersAccumulator(plan: context.plan!)
    var log = ProblemLog(file: path)
    for part in parts { held.merge(try part.get().head, log: &log) }
    return held
  }
}
