import CSV

/// An authority in a given year: the unit of a peer set.
struct AuthorityYear: Hashable, Sendable {
  var id: String
  var year: Int
}

/// Answers of many authorities held as compact codes, one slot of `questionCount` codes per
/// authority-year; scored through the compiled plan at the end.
struct AnswersAccumulator: Sendable {
  let plan: ScoringPlan
  private(set) var slots: [AuthorityYear: Int] = [:]
  private(set) var authorities: [PeerAuthority] = []
  private(set) var firstLines: [Int] = []
  private(set) var kinds: [UInt8] = []
  private(set) var bits: [UInt64] = []

  init(plan: ScoringPlan) { self.plan = plan }

  /// The slot of `key`, made (with `authority`'s details) when new.
  mutating func slot(_ key: AuthorityYear, authority: @autoclosure () -> PeerAuthority, line: Int) -> Int {
    if let slot = slots[key] { return slot }
    let slot = authorities.count
    slots[key] = slot
    authorities.append(authority())
    firstLines.append(line)
    kinds.append(contentsOf: repeatElement(ScoringPlan.Code.Kind.missing.rawValue, count: plan.questionCount))
    bits.append(contentsOf: repeatElement(0, count: plan.questionCount))
    return slot
  }

  func isAnswered(_ slot: Int, _ question: Int) -> Bool {
    kinds[slot * plan.questionCount + question] != ScoringPlan.Code.Kind.missing.rawValue
  }

  mutating func set(_ slot: Int, _ question: Int, _ code: ScoringPlan.Code) {
    kinds[slot * plan.questionCount + question] = code.kind.rawValue
    bits[slot * plan.questionCount + question] = code.bits
  }

  /// Adds another segment's authorities; an answer given in both is a duplicate.
  mutating func merge(_ other: AnswersAccumulator, log: inout ProblemLog) {
    if authorities.isEmpty {
      self = other
      return
    }
    let count = plan.questionCount
    for (key, otherSlot) in other.slots {
      let slot = self.slot(key, authority: other.authorities[otherSlot], line: other.firstLines[otherSlot])
      for question in 0..<count
      where other.kinds[otherSlot * count + question] != ScoringPlan.Code.Kind.missing.rawValue {
        if isAnswered(slot, question) {
          log.error(
            other.firstLines[otherSlot], "peers.duplicateAnswer",
            ["authority": key.id, "year": "\(key.year)", "question": plan.questionID(at: question)])
          continue
        }
        kinds[slot * count + question] = other.kinds[otherSlot * count + question]
        bits[slot * count + question] = other.bits[otherSlot * count + question]
      }
    }
  }

  /// Scores every authority-year into `peers`, in the order first seen, and empties the
  /// accumulator (keeping its storage for the next ones).
  mutating func score(into peers: inout PeerSet) {
    let count = plan.questionCount
    var codes = [ScoringPlan.Code](repeating: .missing, count: count)
    var relevant = [Bool](repeating: false, count: count)
    var output = [Double](repeating: .nan, count: peers.width)
    for slot in authorities.indices {
      for question in 0..<count {
        codes[question] = ScoringPlan.Code(
          kind: ScoringPlan.Code.Kind(rawValue: kinds[slot * count + question])!, unsure: false,
          bits: bits[slot * count + question])
      }
      codes.withUnsafeBufferPointer { codes in
        relevant.withUnsafeMutableBufferPointer { relevant in
          output.withUnsafeMutableBufferPointer {
            let context = plan.usesContext ? AuthorityContext(authorities[slot]) : AuthorityContext()
            plan.score(codes, context: context, relevant: relevant, into: $0)
          }
        }
      }
      peers.append(authorities[slot], scores: output)
    }
    slots.removeAll(keepingCapacity: true)
    authorities.removeAll(keepingCapacity: true)
    firstLines.removeAll(keepingCapacity: true)
    kinds.removeAll(keepingCapacity: true)
    bits.removeAll(keepingCapacity: true)
  }
}

/// Reads a segment of a peer file in the answers shape: one row per authority, year and question.
///
/// Rows are encoded without making strings, except once per authority: consecutive rows of the
/// same authority reuse its slot, and question ids are first compared with the next question
/// of the questionnaire, the order files are usually in.
///
/// Streaming, an authority-year is scored as soon as its rows end, and only its scores are
/// kept; the segment's first and last are left open, as the segments around may hold the rest
/// of their rows. When an authority-year's rows turn out not to be together, streaming gives
/// up (``RowsApart``) and the file is read whole: every authority-year's answers held to the end.
struct AnswersShapeReader {
  struct Segment: Sendable {
    /// The first authority-year, open (read whole: every authority-year).
    var head: AnswersAccumulator
    /// The authority-years scored as their rows ended, in order.
    var middle: PeerSet
    /// Their keys.
    var middleKeys: Set<AuthorityYear> = []
    /// The last authority-year, open, when it is not the first.
    var tail: AnswersAccumulator?
    var problems: [Problem] = []
    var rows = 0
  }

  /// Streaming found rows of one authority-year apart from each other.
  struct RowsApart: Error {}

  let context: PeerReadContext

  init(_ context: PeerReadContext) { self.context = context }

  func read(_ reader: CSVReader, skipFirst: Bool, streaming: Bool) -> Result<Segment, Error> {
    let plan = context.plan!
    let columns = context.columns
    let idColumn = columns.authorityID!
    let yearColumn = columns.year!
    let questionColumn = columns.questionID!
    let answerColumn = columns.answer!
    var accumulator = AnswersAccumulator(plan: plan)
    var segment = Segment(
      head: AnswersAccumulator(plan: plan),
      middle: PeerSet(dimensionIDs: context.questionnaire.dimensions.map(\.id)))
    var headKey: AuthorityYear?
    var openKey: AuthorityYear?
    var log = ProblemLog(file: context.file)
    var rows = 0
    var skip = skipFirst
    var previousID: [UInt8] = []
    var previousYear: [UInt8] = []
    var slot = -1
    var nextQuestion = 0
    do {
      try reader.forEach { record in
        if skip {
          skip = false
          return
        }
        rows += 1
        guard let idBytes = record.bytes(idColumn), let yearBytes = record.bytes(yearColumn) else {
          log.error(record.line, "peers.missingID")
          return
        }
        if slot < 0 || !ScoringPlan.same(previousID, idBytes) || !ScoringPlan.same(previousYear, yearBytes) {
          let before = log.problems.count
          let fields = PeerRowFields(record: record, columns: columns, context: context, log: &log)
          guard log.problems.count == before, let authority = fields.authority(columns) else {
            slot = -1
            return
          }
          let key = AuthorityYear(id: authority.id, year: authority.year)
          if streaming, let open = openKey, open != key {
            // The open authority-year's rows have ended.
            if headKey == nil {
              headKey = open
              segment.head = accumulator
              accumulator = AnswersAccumulator(plan: plan)
            } else {
              segment.middleKeys.insert(open)
              accumulator.score(into: &segment.middle)
            }
            if key == headKey || segment.middleKeys.contains(key) { throw RowsApart() }
          }
          openKey = key
          slot = accumulator.slot(key, authority: authority, line: record.line)
          previousID = Array(idBytes)
          previousYear = Array(yearBytes)
          nextQuestion = 0
        } else {
          if let column = columns.questionnaire, record.trimmedValue(column) != context.questionnaire.id {
            log.error(
              record.line, "peers.otherQuestionnaire",
              ["found": record.value(column) ?? "", "expected": context.questionnaire.id])
            return
          }
          if let column = columns.version, record.trimmedValue(column) != context.questionnaire.version {
            log.error(
              record.line, "peers.otherVersion",
              ["found": record.value(column) ?? "", "expected": context.questionnaire.version])
            return
          }
        }
        guard let questionBytes = record.bytes(questionColumn) else {
          log.error(record.line, "peers.unknownQuestion", ["question": ""])
          return
        }
        let question: Int
        if plan.questionID(at: nextQuestion, equals: questionBytes) {
          question = nextQuestion
        } else if let index = plan.index(of: String(decoding: questionBytes, as: UTF8.self).trimmedSpaces) {
          question = index
        } else {
          log.error(
            record.line, "peers.unknownQuestion", ["question": String(decoding: questionBytes, as: UTF8.self)]
          )
          return
        }
        nextQuestion = question + 1
        if accumulator.isAnswered(slot, question) {
          log.error(
            record.line, "peers.duplicateAnswer",
            [
              "authority": accumulator.authorities[slot].id, "year": "\(accumulator.authorities[slot].year)",
              "question": plan.questionID(at: question),
            ])
          return
        }
        switch plan.encode(
          record.bytes(answerColumn) ?? UnsafeBufferPointer(start: nil, count: 0), question: question)
        {
        case .success(let code):
          accumulator.set(slot, question, code)
        case .failure(let failure):
          let value = record.value(answerColumn) ?? ""
          var arguments = ["question": plan.questionID(at: question), "value": value]
          if case .unknownOption(let option) = failure {
            arguments["value"] = option
            arguments["options"] =
              context.questionnaire.question(plan.questionID(at: question))?.options.map(\.id).joined(
                separator: ", ") ?? ""
          }
          log.error(record.line, failure.code, arguments)
        }
      }
    } catch {
      return .failure(error)
    }
    if headKey == nil {
      segment.head = accumulator
    } else if !accumulator.authorities.isEmpty {
      segment.tail = accumulator
    }
    segment.problems = log.problems
    segment.rows = rows
    return .success(segment)
  }
}
