import CSV

/// Reads a segment of a peer file in the scores shape: one row per authority and year, a
/// column per dimension and `overall`, an empty cell for "insufficient data".
struct ScoresShapeReader {
  struct Segment: Sendable {
    var peers: PeerSet
    /// The line of each peer row, for messages about duplicates.
    var lines: [Int]
    var problems: [Problem]
    var rows: Int
  }

  let context: PeerReadContext

  init(_ context: PeerReadContext) { self.context = context }

  func read(_ reader: CSVReader, skipFirst: Bool) -> Result<Segment, Error> {
    let columns = context.columns
    var segment = Segment(peers: PeerSet(dimensionIDs: context.questionnaire.dimensions.map(\.id)), lines: [], problems: [], rows: 0)
    var log = ProblemLog(file: context.file)
    var scores = [Double](repeating: .nan, count: segment.peers.width)
    var skip = skipFirst
    let scoreColumns = columns.dimensions.map { $0! } + [columns.overall!]
    let columnNames = context.questionnaire.dimensions.map(\.id) + ["overall"]
    do {
      try reader.forEach { record in
        if skip {
          skip = false
          return
        }
        segment.rows += 1
        let before = log.problems.count
        var fields = PeerRowFields(record: record, columns: columns, context: context, log: &log)
        for (position, column) in scoreColumns.enumerated() {
          scores[position] = .nan
          if record.isBlank(column) { continue }
          guard let value = record.number(column) else {
            log.error(record.line, "peers.badScore", ["column": columnNames[position], "value": record.value(column) ?? ""])
            continue
          }
          guard (0...100).contains(value) else {
            log.error(record.line, "peers.scoreRange", ["column": columnNames[position], "value": record.value(column) ?? ""])
            continue
          }
          scores[position] = value
        }
        guard log.problems.count == before, let authority = fields.authority() else { return }
        segment.peers.append(authority, scores: scores)
        segment.lines.append(record.line)
      }
    } catch {
      return .failure(error)
    }
    segment.problems = log.problems
    return .success(segment)
  }

  /// Rows that repeat an earlier `(authority_id, year)`, each reported at its line; and whether
  /// any authority has rows of several years. One pass, keyed by id; years compared on collision.
  static func duplicateRows(_ peers: PeerSet, lines: [Int], log: inout ProblemLog) -> (duplicates: Set<Int>, severalYears: Bool, newest: [String: Int]) {
    var first: [String: Int] = [:]
    first.reserveCapacity(peers.count)
    var others: [AuthorityYear: Int] = [:]
    var duplicates: Set<Int> = []
    var severalYears = false
    for (row, authority) in peers.authorities.enumerated() {
      guard let kept = first[authority.id] else {
        first[authority.id] = row
        continue
      }
      let key = AuthorityYear(id: authority.id, year: authority.year)
      let repeated = peers.authorities[kept].year == authority.year ? kept : others[key]
      if let repeated {
        log.error(
          lines[row], "peers.duplicate",
          ["authority": authority.id, "year": "\(authority.year)", "first": "\(lines[repeated])"])
        duplicates.insert(row)
      } else {
        others[key] = row
        severalYears = true
        if authority.year > peers.authorities[kept].year {
          others[AuthorityYear(id: authority.id, year: peers.authorities[kept].year)] = kept
          first[authority.id] = row
        }
      }
    }
    return (duplicates, severalYears, first)
  }
}

/// The authority columns of a peer row, checked: id, year, country, population, type, the
/// questionnaire and version when given, and the attribute columns.
struct PeerRowFields {
  private var id: String?
  private var year: Int?
  private var values: PeerAuthority?

  init(record: CSVRecord, columns: PeerColumns, context: PeerReadContext, log: inout ProblemLog) {
    let line = record.line
    let id = record.trimmedValue(columns.authorityID!) ?? ""
    if id.isEmpty { log.error(line, "peers.missingID") }
    var year: Int?
    if let number = record.number(columns.year!), number == number.rounded(), (1900...2200).contains(number) {
      year = Int(number)
    } else {
      log.error(line, "peers.badYear", ["value": record.value(columns.year!) ?? ""])
    }
    if let column = columns.questionnaire, let value = record.trimmedValue(column), value != context.questionnaire.id {
      log.error(line, "peers.otherQuestionnaire", ["found": value, "expected": context.questionnaire.id])
    }
    if let column = columns.version, let value = record.trimmedValue(column), value != context.questionnaire.version {
      log.error(line, "peers.otherVersion", ["found": value, "expected": context.questionnaire.version])
    }
    var population: Int?
    if let column = columns.population, !record.isBlank(column) {
      if let number = record.number(column), number >= 0, number == number.rounded(), number < 1e10 {
        population = Int(number)
      } else {
        log.error(line, "peers.badPopulation", ["value": record.value(column) ?? ""])
      }
    }
    var type: AuthorityType?
    if let column = columns.type, !record.isBlank(column), let text = record.trimmedValue(column) {
      type = AuthorityType(rawValue: text) ?? AuthorityType(rawValue: text.lowercased())
      if type == nil {
        log.error(line, "peers.badType", ["value": text, "choices": AuthorityType.allCases.map(\.rawValue).joined(separator: ", ")])
      }
    }
    var attributes: [String: String] = [:]
    for (column, name) in columns.attributes { attributes[name] = record.value(column) ?? "" }
    guard !id.isEmpty, let year else { return }
    values = PeerAuthority(
      id: id, name: context.keepsNames ? columns.name.flatMap { record.value($0) } : nil, country: columns.country.flatMap { record.trimmedValue($0) }.flatMap { $0.isEmpty ? nil : Self.upper($0) },
      population: population, type: type, year: year, attributes: attributes)
  }

  func authority() -> PeerAuthority? { values }

  /// Upper case, without making a new string when it already is (country codes usually are).
  static func upper(_ text: String) -> String {
    text.utf8.allSatisfy { !(0x61...0x7A).contains($0) } ? text : text.uppercased()
  }
}
