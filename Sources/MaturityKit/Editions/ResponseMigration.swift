import InterfaceText

/// A response carried over to a later edition, and what could not be.
public struct MigratedResponse: Sendable, Equatable, Codable {
  /// The response on the later edition: mapped answers carried over, everything else blank.
  public var response: Response
  /// The edition the response was written for.
  public var from: String
  /// Answers of the earlier edition that have no place in the later one.
  public var notCarried: [UncarriedAnswer]
  /// Questions of the later edition with no earlier counterpart: they start blank.
  public var newQuestions: [String]
  /// Questions of the later edition whose answer was mapped (not kept as it was).
  public var mapped: [String]
}

/// An earlier answer that the migration could not carry over, and why.
public struct UncarriedAnswer: Sendable, Equatable, Codable {
  public enum Reason: Sendable, Equatable, Codable {
    /// The question was dropped, for this reason.
    case dropped(LocalizedText)
    /// The migration maps this option to nothing.
    case optionNotMapped(String)
    /// "Not applicable" or "don't know", which the later question does not allow.
    case notAllowed
  }

  public var questionID: String
  public var value: AnswerValue?
  public var reason: Reason
}

/// Carries responses over a chain of migrations, from an earlier edition to a later one.
public struct ResponseMigration: Sendable {
  /// Each step with the editions it joins, earliest first.
  public let steps: [EditionMigrationLoader.Loaded]

  public init(steps: [EditionMigrationLoader.Loaded]) { self.steps = steps }

  /// The edition responses are carried to.
  public var target: Questionnaire? { steps.last?.target }

  /// `response` on the last edition of the chain. Mapped answers say so in their comment, in
  /// `texts`' language; nothing is invented: an answer without a mapping stays blank.
  public func migrate(_ response: Response, texts: TextCatalogue) -> MigratedResponse {
    var result = MigratedResponse(
      response: response, from: response.version, notCarried: [], newQuestions: [], mapped: [])
    var fresh: Set<String> = []
    for step in steps {
      var stepper = MigrationStep(loaded: step, texts: texts, from: result.from)
      let answers = stepper.carry(result.response.answers)
      fresh = Set(
        step.migration.changes.filter {
          $0.kind == .new || (!$0.sources.isEmpty && $0.sources.allSatisfy(fresh.contains))
        }
        .flatMap(\.targets))
      let mappedBefore = Set(result.mapped)
      let stillMapped = step.migration.changes.filter {
        $0.keepsValues && $0.sources.contains(where: mappedBefore.contains)
      }
      .flatMap(\.targets)
      let mapped = stepper.mapped.union(stillMapped)
      result.mapped = step.target.questions.map(\.id).filter(mapped.contains)
      result.response.answers = answers
      result.response.version = step.target.version
      result.notCarried += stepper.notCarried
    }
    result.newQuestions = (target?.questions.map(\.id) ?? []).filter(fresh.contains)
    return result
  }
}

/// One migration applied to one response's answers.
private struct MigrationStep {
  let loaded: EditionMigrationLoader.Loaded
  let texts: TextCatalogue
  /// The edition the response was first written for, named in the comments.
  let from: String
  private(set) var notCarried: [UncarriedAnswer] = []
  private(set) var mapped: Set<String> = []

  init(loaded: EditionMigrationLoader.Loaded, texts: TextCatalogue, from: String) {
    self.loaded = loaded
    self.texts = texts
    self.from = from
  }

  mutating func carry(_ answers: [Answer]) -> [Answer] {
    let byID = Dictionary(answers.map { ($0.questionID, $0) }, uniquingKeysWith: { first, _ in first })
    var carried: [String: Answer] = [:]
    for change in loaded.migration.changes {
      let given = change.sources.compactMap { byID[$0] }
      guard !given.isEmpty else { continue }
      switch change.kind {
      case .new: break
      case .dropped:
        notCarried += given.map {
          UncarriedAnswer(questionID: $0.questionID, value: $0.value, reason: .dropped(change.reason!))
        }
      case .same, .renamed:
        if let answer = keep(given[0], as: change.targets[0], noted: change.kind == .renamed) {
          carried[answer.questionID] = answer
        }
      case .options, .split, .merged:
        for target in change.targets {
          if let answer = map(given, to: target, change) { carried[target] = answer }
        }
      }
    }
    return loaded.target.questions.compactMap { carried[$0.id] }
  }

  /// An answer kept as it was written, under `targetID`.
  private mutating func keep(_ answer: Answer, as targetID: String, noted: Bool) -> Answer? {
    var kept = answer
    kept.questionID = targetID
    kept.line = nil
    guard allows(answer.value, targetID) else {
      notCarried.append(
        UncarriedAnswer(questionID: answer.questionID, value: answer.value, reason: .notAllowed))
      // Its notes are data: they stay, without the answer.
      kept.value = nil
      return kept.hasNotes ? kept : nil
    }
    if noted, answer.value != nil {
      mapped.insert(targetID)
      kept.comment = note([answer], original: answer.comment)
    }
    return kept
  }

  /// The answer of `targetID` from the earlier answers through the option map.
  private mutating func map(_ answers: [Answer], to targetID: String, _ change: QuestionChange) -> Answer? {
    guard let question = loaded.target.question(targetID) else { return nil }
    var chosen: [String] = []
    var special: AnswerValue?
    var sources: [Answer] = []
    // Notes without an answer go with the first later question.
    var notesOnly: [Answer] = []
    for answer in answers {
      switch answer.value {
      case nil:
        if change.targets.first == targetID { notesOnly.append(answer) }
      case .notApplicable, .unknown:
        if allows(answer.value, targetID) {
          special = special ?? answer.value
          sources.append(answer)
        } else if change.targets.first == targetID {
          notCarried.append(
            UncarriedAnswer(questionID: answer.questionID, value: answer.value, reason: .notAllowed))
          if answer.hasNotes { notesOnly.append(answer) }
        }
      default:
        let options = change.optionMap[answer.questionID] ?? [:]
        var found = false
        for option in Self.optionIDs(answer.value!) {
          if let mapped = options[option]?[targetID] {
            chosen.append(mapped)
            found = true
          } else if change.targets.first == targetID, (options[option] ?? [:]).isEmpty {
            notCarried.append(
              UncarriedAnswer(
                questionID: answer.questionID, value: answer.value, reason: .optionNotMapped(option)))
          }
        }
        if found || Self.optionIDs(answer.value!).isEmpty {
          sources.append(answer)
        } else if change.targets.first == targetID, answer.hasNotes {
          notesOnly.append(answer)
        }
      }
    }
    let value: AnswerValue?
    if question.type == .multi, !sources.isEmpty {
      value = special ?? .options(question.options.map(\.id).filter(chosen.contains))
    } else if let lowest = chosen.min(by: { question.credit(ofOption: $0) < question.credit(ofOption: $1) }) {
      value = question.type == .yesno ? .boolean(lowest == "yes") : .option(lowest)
    } else {
      value = special
    }
    let given = value == nil ? notesOnly : sources + notesOnly
    guard !given.isEmpty else { return nil }
    let comments = given.compactMap(\.comment).joined(separator: " ").nilIfEmpty
    if value != nil { mapped.insert(targetID) }
    return Answer(
      questionID: targetID, value: value, unsure: given.contains(where: \.unsure),
      comment: value == nil ? comments : note(sources, original: comments),
      evidence: given.compactMap(\.evidence).joined(separator: " ").nilIfEmpty)
  }

  /// Whether the later question takes a "not applicable" or "don't know" answer.
  private func allows(_ value: AnswerValue?, _ targetID: String) -> Bool {
    guard let question = loaded.target.question(targetID) else { return false }
    switch value {
    case .notApplicable: return question.notApplicable != nil
    case .unknown: return question.allowUnknown
    default: return true
    }
  }

  /// "Carried over from 2025.1: opn-demand = occasional." before the respondent's own comment.
  private func note(_ answers: [Answer], original: String?) -> String {
    let given = answers.map { "\($0.questionID) = \($0.value?.formatted ?? "")" }.joined(separator: "; ")
    let note = texts("migration.carriedComment", ["version": from, "answers": given])
    return [note, original].compactMap { $0 }.joined(separator: " ")
  }

  /// The option ids an answer names (`yes`/`no` for a yes/no answer).
  static func optionIDs(_ value: AnswerValue) -> [String] {
    switch value {
    case .option(let id): [id]
    case .options(let ids): ids
    case .boolean(let flag): [flag ? "yes" : "no"]
    default: []
    }
  }
}

extension Question {
  /// The credit of an option id (`yes` 1 and `no` 0 on a yes/no question without options).
  func credit(ofOption id: String) -> Double {
    option(id)?.credit ?? (id == "yes" ? 1 : 0)
  }
}

extension String {
  fileprivate var nilIfEmpty: String? { isEmpty ? nil : self }
}
