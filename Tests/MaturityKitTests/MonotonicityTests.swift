import Foundation
import TestSupport
import Testing

@testable import MaturityKit

/// "A better answer never lowers a score", tested as a property of the scoring rules over every
/// questionnaire the project ships and the test questionnaire, on the example responses and
/// generated ones: raising one answer never lowers any dimension score, the overall score or a
/// level; leaving one answer blank never raises any.
///
/// A score may disappear only through the coverage floor, when more questions apply and are not
/// answered (a follow-up that a better answer switches on): that is missing data, not a lower
/// score, and the check says so.
@Suite("Monotonicity: a better answer never lowers a score")
struct MonotonicityTests {
  /// Every questionnaire under `Questionnaires/` (the current edition first, then the earlier
  /// ones still loadable), and the test questionnaire.
  static func questionnairePaths() throws -> [String] {
    let shipped = Repository.root.appendingPathComponent("Questionnaires")
    let folders = try FileManager.default.contentsOfDirectory(atPath: shipped.path).sorted()
    let current = folders.map { shipped.appendingPathComponent("\($0)/questionnaire.yaml").path }
      .filter { FileManager.default.fileExists(atPath: $0) }
    let earlier = folders.flatMap { folder in
      let editions = shipped.appendingPathComponent("\(folder)/editions")
      return ((try? FileManager.default.contentsOfDirectory(atPath: editions.path)) ?? []).sorted()
        .filter { $0.hasSuffix(".yaml") }.map { editions.appendingPathComponent($0).path }
    }
    return current + earlier + [Fixtures.testQuestionnairePath]
  }

  @Test(
    "raising one answer never lowers a score; blanking one never raises one",
    arguments: try questionnairePaths())
  func monotone(path: String) throws {
    let questionnaire = try QuestionnaireLoader.load(path: path).questionnaire
    let (checked, failures) = try Self.check(questionnaire)
    for failure in failures.prefix(5) { Issue.record(failure) }
    #expect(failures.isEmpty)
    #expect(checked > 1000)
  }

  @Test("the property fails when skipped follow-ups leave the maximum (no skipped: zero default)")
  func skippedZeroIsNeeded() throws {
    var questionnaire = try QuestionnaireLoader.load(path: Self.questionnairePaths()[0]).questionnaire
    for d in questionnaire.dimensions.indices {
      for q in questionnaire.dimensions[d].questions.indices {
        questionnaire.dimensions[d].questions[q].skipped = .exclude
      }
    }
    #expect(try !Self.check(questionnaire, stopAtFirst: true).failures.isEmpty)
  }

  /// Every single-answer change of every response: how many were checked, and the failures, each
  /// with its smallest counterexample.
  static func check(_ questionnaire: Questionnaire, stopAtFirst: Bool = false) throws -> (
    checked: Int, failures: [Comment]
  ) {
    var checked = 0
    var failures: [Comment] = []
    for response in try responses(for: questionnaire) {
      let card = Scorer.score(response, with: questionnaire)
      for answer in response.answers {
        guard let question = questionnaire.question(answer.questionID), let value = answer.value else {
          continue
        }
        var changes = raised(value, for: question).map { better in
          (
            "raising \(answer.questionID) from \(value.formatted) to \(better.formatted)",
            Optional(better), true
          )
        }
        changes.append(("blanking \(answer.questionID) (was \(value.formatted))", nil, false))
        for (description, value, isBetter) in changes {
          let change = { (response: Response) in replacing(answer.questionID, with: value, in: response) }
          // Raised: the changed response must not be lower. Blanked: the original must not be lower.
          let problem = { (before: Scorecard, after: Scorecard) in
            isBetter ? lower(after, than: before, questionnaire) : lower(before, than: after, questionnaire)
          }
          checked += 1
          guard let found = problem(card, Scorer.score(change(response), with: questionnaire)) else {
            continue
          }
          let smallest = shrunk(
            response, keeping: answer.questionID, questionnaire, change: change, problem: problem)
          failures.append(counterexample(description, found, smallest))
          if stopAtFirst { return (checked, failures) }
        }
      }
    }
    return (checked, failures)
  }

  // MARK: Responses

  /// The example responses of this questionnaire, generated ones, and each of those with every
  /// unanswered question given its weakest option (an honest, weak authority that answers all).
  static func responses(for questionnaire: Questionnaire) throws -> [Response] {
    var responses: [Response] = []
    let examples = Repository.root.appendingPathComponent("Examples/responses")
    for file in try FileManager.default.contentsOfDirectory(atPath: examples.path).sorted()
    where file.hasSuffix(".yaml") {
      let path = examples.appendingPathComponent(file).path
      if let loaded = try? ResponseLoader.load(path: path, questionnaire: questionnaire) {
        responses.append(loaded.response)
      }
    }
    if let worked = try? ResponseLoader.load(
      path: Fixtures.path("responses/worked-example.response.yaml"), questionnaire: questionnaire)
    {
      responses.append(worked.response)
    }
    SyntheticPeers(questionnaire: questionnaire, count: 40, seed: 2026).forEach {
      responses.append($0.response)
    }
    return responses + responses.map { weakest(filling: $0, questionnaire) }
  }

  /// The response with every question it leaves blank answered with its lowest-credit option.
  static func weakest(filling response: Response, _ questionnaire: Questionnaire) -> Response {
    var filled = response
    for question in questionnaire.questions where response.answer(question.id) == nil {
      let value: AnswerValue?
      switch question.type {
      case .scale, .single: value = question.options.min { $0.credit < $1.credit }.map { .option($0.id) }
      case .yesno:
        value = .boolean((question.option("yes")?.credit ?? 1) < (question.option("no")?.credit ?? 0))
      case .multi: value = .options([])
      case .number, .percent: value = .number(0)
      case .text: value = nil
      }
      if let value { filled.answers.append(Answer(questionID: question.id, value: value)) }
    }
    return filled
  }

  static func replacing(_ questionID: String, with value: AnswerValue?, in response: Response) -> Response {
    var changed = response
    changed.answers.removeAll { $0.questionID == questionID }
    if let value { changed.answers.append(Answer(questionID: questionID, value: value)) }
    return changed
  }

  // MARK: Better answers

  /// Answers that are better than `value`: an option of higher credit (for an unscored scale, a
  /// later stage), one more ticked option that gives credit, a number in a band of higher credit;
  /// any of these instead of "don't know".
  static func raised(_ value: AnswerValue, for question: Question) -> [AnswerValue] {
    guard value != .notApplicable else { return [] }  // "not applicable" is no answer to improve on
    let current = Scorer.credit(of: value, for: question) ?? 0
    let isUnknown = value == .unknown
    switch (question.type, value) {
    case (.scale, _) where !question.scored:
      let index = value.optionID.flatMap { id in question.options.firstIndex { $0.id == id } } ?? -1
      return question.options.dropFirst(index + 1).map { .option($0.id) }
    case (.scale, _), (.single, _):
      guard question.scored else { return [] }
      return question.options.filter { isUnknown || $0.credit > current }.map { .option($0.id) }
    case (.yesno, _):
      return [true, false].filter { flag in
        let credit = Scorer.credit(of: .boolean(flag), for: question) ?? 0
        return isUnknown || credit > current
      }.map { AnswerValue.boolean($0) }
    case (.multi, .options(let ticked)):
      guard question.scored else { return [] }
      return question.options.filter { !ticked.contains($0.id) && $0.credit > 0 }.map {
        .options(ticked + [$0.id])
      }
    case (.number, _), (.percent, _):
      guard question.scored else { return [] }
      return question.bands.filter { isUnknown || $0.credit > current }.compactMap { band in
        let value = band.min ?? (band.max.map { $0 - 1 } ?? 0)
        return question.type == .percent && !(0...100).contains(value) ? nil : .number(value)
      }
    default:
      return []
    }
  }

  // MARK: The property

  /// Why `higher` is lower than `lower` on some dimension, the overall score or a level; nil when
  /// it is not.
  static func lower(_ higher: Scorecard, than lower: Scorecard, _ questionnaire: Questionnaire) -> String? {
    let rank = Dictionary(uniqueKeysWithValues: questionnaire.levels.enumerated().map { ($1.id, $0) })
    for (high, low) in zip(higher.dimensions, lower.dimensions) {
      switch (high.score, low.score) {
      case (let a?, let b?) where a < b - 1e-9:
        return "\(high.id) falls from \(b) to \(a)"
      case (nil, _?)
      where
        !(high.totals.applicable > low.totals.applicable
        && high.totals.coverage < questionnaire.coverageFloor):
        return "\(high.id) loses its score although no more questions apply"
      case (_?, _?)
      where (high.level.flatMap { rank[$0.id] } ?? -1) < (low.level.flatMap { rank[$0.id] } ?? -1):
        return "\(high.id) falls from level \(low.level?.id ?? "-") to \(high.level?.id ?? "-")"
      default: continue
      }
    }
    if let a = higher.overall.score, let b = lower.overall.score {
      if a < b - 1e-9 { return "the overall score falls from \(b) to \(a)" }
      if (higher.overall.level.flatMap { rank[$0.id] } ?? -1)
        < (lower.overall.level.flatMap { rank[$0.id] } ?? -1)
      {
        return
          "the overall level falls from \(lower.overall.level?.id ?? "-") to \(higher.overall.level?.id ?? "-")"
      }
    }
    return nil
  }

  // MARK: Counterexamples

  /// The response with as few other answers as still show the failure: answers are dropped one
  /// at a time while the property still fails.
  static func shrunk(
    _ response: Response, keeping questionID: String, _ questionnaire: Questionnaire,
    change: (Response) -> Response,
    problem: (Scorecard, Scorecard) -> String?
  ) -> Response {
    func fails(_ candidate: Response) -> Bool {
      problem(
        Scorer.score(candidate, with: questionnaire), Scorer.score(change(candidate), with: questionnaire))
        != nil
    }
    var smallest = response
    var index = 0
    while index < smallest.answers.count {
      var candidate = smallest
      let removed = candidate.answers.remove(at: index)
      if removed.questionID != questionID, fails(candidate) { smallest = candidate } else { index += 1 }
    }
    return smallest
  }

  static func counterexample(_ change: String, _ problem: String, _ response: Response) -> Comment {
    let answers = response.answers.map { "\($0.questionID): \($0.value?.formatted ?? "—")" }.joined(
      separator: ", ")
    let authority = response.authority
    return """
      \(change): \(problem)
      smallest counterexample (\(authority.id), type \(authority.type?.rawValue ?? "-"), population \
      \(authority.population.map(String.init) ?? "-")): {\(answers)}
      """
  }
}

extension AnswerValue {
  fileprivate var optionID: String? {
    if case .option(let id) = self { return id }
    return nil
  }
}
