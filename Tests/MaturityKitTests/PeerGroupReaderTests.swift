import Foundation
import TestSupport
import Testing

@testable import MaturityKit

/// The streaming reader of one authority's peer group must give exactly what reading the whole
/// peer set and choosing the group from it gives.
@Suite("Reading a peer group straight from files")
struct PeerGroupReaderTests {
  let bands = PopulationBands(bounds: [5000, 20000])

  /// A scores file of the test questionnaire: countries, types, populations in every band, blank
  /// scores, second years, an attribute column, and a row of the compared authority itself.
  func scoresFile(_ ids: ClosedRange<Int> = 1...60, name: String = "peers.csv") throws -> String {
    var text =
      "authority_id,name,country,population,type,year,questionnaire,version,governance,data,overall,network\n"
    for index in ids {
      let country = ["ES", "fr", "IT"][index % 3]
      let type = ["municipality", "Region", "other"][index % 5 % 3]
      let population = [900, 4000, 7500, 18000, 60000, 2500, 12000][index % 7]
      let governance = index % 11 == 0 ? "" : "\(Double(index * 37 % 100) + 0.25)"
      let row = { (year: Int, shift: Int) in
        "P-\(index),Peer \(index),\(country),\(population),\(type),\(year),test-assessment,1.0,\(governance),\((index * 53 + shift) % 100),\((index * 29 + shift) % 100).5,red \(index % 2 == 0 ? "a" : "b")\n"
      }
      if index % 4 == 0 { text += row(2024, 7) }
      text += row(2025, 0)
      if index % 9 == 0 { text += row(2023, 3) }
    }
    text += "T-1,The compared one,ES,4000,municipality,2025,test-assessment,1.0,99,99,99,red a\n"
    return try Fixtures.temporaryFile(text, name: name)
  }

  /// The compared authority, T-1, with a context for `--similar` (its own row in the file says
  /// `network` is `red a`).
  func card() throws -> Scorecard {
    var card = try Fixtures.score(
      "  strategy: adopted\n  paper-forms: \"no\"\n  owner: cdo\n  practices: [catalogue]\n  datasets: 3\n  uses-ai: \"yes\"\n  ai-share: 10\n"
    )
    card.authority = Authority(id: "T-1", name: "Test", country: "ES", population: 4000, type: .municipality)
    return card
  }

  /// The comparison both ways, or the problems each way threw.
  func bothWays(
    _ paths: [String], _ filter: PeerFilter, skipInvalid: Bool = false, threads: Int = 2,
    minimumGroup: Int = 2
  ) throws -> (
    whole: Result<Comparison, Failure>, streamed: Result<Comparison, Failure>, wholeWarnings: [Problem],
    streamedWarnings: [Problem]
  ) {
    let questionnaire = try Fixtures.testQuestionnaire()
    let card = try card()
    let options = PeerReadOptions(skipInvalid: skipInvalid, threads: threads)
    var wholeWarnings: [Problem] = []
    let whole = Failure.result {
      let (peers, warnings) = try PeerSetReader.read(paths, questionnaire: questionnaire, options: options)
      wholeWarnings = warnings
      let group = PeerGroup(from: peers, filter: filter, bands: bands, authority: card.authority)
      return try Comparison(card, group: group.scores, minimumGroup: minimumGroup)
    }
    let (streamed, streamedWarnings) = try streamedWay(
      paths, filter, options: options, minimumGroup: minimumGroup)
    return (whole, streamed, wholeWarnings, streamedWarnings)
  }

  /// The comparison read by ``PeerGroupReader``, or the problems it threw.
  func streamedWay(_ paths: [String], _ filter: PeerFilter, options: PeerReadOptions, minimumGroup: Int)
    throws -> (
      Result<Comparison, Failure>, [Problem]
    )
  {
    let questionnaire = try Fixtures.testQuestionnaire()
    let card = try card()
    var streamedWarnings: [Problem] = []
    let streamed = Failure.result {
      let (group, warnings) = try PeerGroupReader.read(
        paths, questionnaire: questionnaire, options: options, filter: filter, bands: bands,
        authority: card.authority)
      streamedWarnings = warnings
      return try Comparison(card, group: group, minimumGroup: minimumGroup)
    }
    return (streamed, streamedWarnings)
  }

  /// Any error, described.
  struct Failure: Error, Equatable {
    var description: String

    static func result(_ body: () throws -> Comparison) -> Result<Comparison, Failure> {
      do { return .success(try body()) } catch {
        return .failure(Failure(description: String(describing: error)))
      }
    }
  }

  /// Expects the same comparison and problems from the whole set, from the group reader, and
  /// from the group reader with a cache, first empty (cold), then filled (warm).
  func expectSame(
    _ paths: [String], _ filter: PeerFilter, skipInvalid: Bool = false, threads: Int = 2,
    minimumGroup: Int = 2
  ) throws {
    let (whole, streamed, wholeWarnings, streamedWarnings) = try bothWays(
      paths, filter, skipInvalid: skipInvalid, threads: threads, minimumGroup: minimumGroup)
    expectSame(whole, wholeWarnings, streamed, streamedWarnings, filter)
    var options = PeerReadOptions(skipInvalid: skipInvalid, threads: threads)
    options.cacheDirectory =
      FileManager.default.temporaryDirectory.appendingPathComponent("peer-cache-\(UUID())").path
    defer { try? FileManager.default.removeItem(atPath: options.cacheDirectory!) }
    for _ in ["cold", "warm"] {
      let (cached, cachedWarnings) = try streamedWay(
        paths, filter, options: options, minimumGroup: minimumGroup)
      expectSame(whole, wholeWarnings, cached, cachedWarnings, filter)
    }
  }

  func expectSame(
    _ whole: Result<Comparison, Failure>, _ wholeWarnings: [Problem], _ streamed: Result<Comparison, Failure>,
    _ streamedWarnings: [Problem], _ filter: PeerFilter
  ) {
    #expect(wholeWarnings == streamedWarnings)
    switch (whole, streamed) {
    case (.success(let a), .success(let b)):
      #expect(a.groupSize == b.groupSize, "\(filter)")
      #expect(a.dimensions == b.dimensions && a.overall == b.overall, "\(filter)")
      #expect(a.sources == b.sources)
      #expect(a.filters == b.filters)
    case (.failure(let a), .failure(let b)):
      #expect(a == b)
    default:
      Issue.record("one way succeeded, the other did not: \(whole) / \(streamed)")
    }
  }

  static let filters: [PeerFilter] = [
    PeerFilter(), PeerFilter(band: .index(0)), PeerFilter(band: .index(1)), PeerFilter(country: "es"),
    PeerFilter(country: "FR"),
    PeerFilter(type: .region), PeerFilter(year: 2024), PeerFilter(year: 2023),
    PeerFilter(attributes: [("network", "RED A")]),
    PeerFilter(attributes: [("nothing", "x")]),
    PeerFilter(country: "IT", band: .index(1), attributes: [("network", "red b")]),
    PeerFilter(similar: 7), PeerFilter(band: .index(0), similar: 3),
    PeerFilter(similar: 9, similarOn: [("network", nil)]),
    PeerFilter(year: 2024, similar: 4, similarOn: [("network", nil)]),
    PeerFilter(country: "fr", similar: 5, similarOn: [("network", "RED B"), ("nothing", nil)]),
  ]

  @Test("the same comparison with every filter, on one thread and on several", arguments: filters)
  func sameWithFilters(filter: PeerFilter) throws {
    let path = try scoresFile()
    for threads in [1, 3] { try expectSame([path], filter, threads: threads) }
  }

  @Test("the same comparison across two files; an authority-year in both is refused the same way")
  func severalFiles() throws {
    let first = try scoresFile(1...30, name: "first.csv")
    let second = try scoresFile(31...60, name: "second.csv")
    for filter in [PeerFilter(), PeerFilter(year: 2025), PeerFilter(band: .index(0))] {
      try expectSame([first, second], filter)
    }
    let overlapping = try scoresFile(25...40, name: "overlapping.csv")
    let result = try bothWays([first, overlapping], PeerFilter())
    guard case .failure(let problems) = result.streamed else {
      Issue.record("an authority-year in two files was accepted")
      return
    }
    #expect(problems.description.contains("appears in more than one peer file"))
    try expectSame([first, overlapping], PeerFilter())
  }

  @Test("bad rows and duplicates: refused with the same problems, or skipped the same way")
  func badRows() throws {
    let bad = Fixtures.path("peers/bad-scores.csv")
    try expectSame([bad], PeerFilter())
    try expectSame([bad], PeerFilter(), skipInvalid: true, minimumGroup: 1)
    try expectSame([bad], PeerFilter(country: "ES"), skipInvalid: true, threads: 3, minimumGroup: 1)
    let answers = Fixtures.path("peers/bad-answers.csv")
    try expectSame([answers], PeerFilter())
    try expectSame([answers], PeerFilter(), skipInvalid: true, minimumGroup: 1)
  }

  @Test("an Excel file: semicolons, decimal commas, BOM; and an answers file")
  func otherDialectsAndShapes() throws {
    let excel = Fixtures.path("peers/scores-excel-fr.csv")
    for filter in [PeerFilter(), PeerFilter(year: 2024), PeerFilter(attributes: [("network", "red a")])] {
      try expectSame([excel], filter, minimumGroup: 1)
    }
    let answers = try Fixtures.temporaryFile(
      "authority_id,country,population,type,year,question_id,answer\n"
        + (1...8).map {
          "A-\($0),ES,\($0 * 1000),municipality,2025,strategy,\($0 % 2 == 0 ? "adopted" : "draft")\nA-\($0),ES,\($0 * 1000),municipality,2025,datasets,\($0)\n"
        }
        .joined(),
      name: "answers.csv")
    try expectSame([answers], PeerFilter())
    try expectSame([answers, excel], PeerFilter(band: .index(0)), minimumGroup: 1)
  }

  @Test("ids are one authority when Swift's strings say so: two spellings of one id are a duplicate")
  func canonicalIDs() throws {
    var keys = PeerRowKeys()
    keys.append(id: "K-1", year: 2025, line: 2)
    keys.append(id: "\u{212A}-1", year: 2025, line: 3)  // KELVIN SIGN, canonically "K"
    keys.append(id: "K-1", year: 2024, line: 4)
    keys.append(id: "L-1", year: 2024, line: 5)
    let index = keys.index()
    #expect(index.duplicates.map { "\($0.row)/\($0.first)" } == ["1/0"])
    #expect(index.newest == [0, 3])
    #expect(index.severalYears)
  }
}

/// Answers files are scored as each authority-year's rows end; rows apart, the file is read whole.
@Suite("Scoring answers files as they are read")
struct StreamingAnswersTests {
  func read(_ text: String, threads: Int) throws -> (rows: [String], problems: [String]) {
    let questionnaire = try QuestionnaireLoader.load(
      path: Repository.root.appendingPathComponent(
        "Questionnaires/ai-data-readiness/questionnaire.yaml"
      ).path
    ).questionnaire
    let path = try Fixtures.temporaryFile(text, name: "answers.csv")
    let (peers, problems) = try PeerSetReader.read(
      [path], questionnaire: questionnaire, options: PeerReadOptions(skipInvalid: true, threads: threads))
    let rows = peers.authorities.indices.map { row in
      "\(peers.authorities[row].id)/\(peers.authorities[row].year): "
        + (0..<peers.width).map { "\(peers.score(row, $0) ?? -1)" }.joined(separator: " ")
    }
    return (rows, problems.map { "\($0.location.line ?? 0) \($0.code)" })
  }

  @Test(
    "rows together or apart, on one thread or several: the same scores and problems; in file order when together"
  )
  func togetherOrApart() throws {
    let text = try String(
      contentsOfFile: Repository.root.appendingPathComponent(
        "Examples/peers/synthetic-peers-answers.csv"
      ).path, encoding: .utf8)
    var lines = text.split(whereSeparator: \.isNewline).map(String.init)
    let header = lines.removeFirst()
    // A duplicate answer and a bad one, near the end.
    lines.insert(lines[lines.count - 3], at: lines.count - 2)
    lines[lines.count - 5] =
      lines[lines.count - 5].split(separator: ",").dropLast().joined(separator: ",") + ",nonsense"
    let together = ([header] + lines).joined(separator: "\n") + "\n"
    let reference = try read(together, threads: 1)
    #expect(reference.rows.count >= 200)
    #expect(reference.problems.count == 2)
    for threads in [2, 3, 7] {
      let read = try read(together, threads: threads)
      #expect(read.rows == reference.rows, "\(threads) threads")
      #expect(read.problems.sorted() == reference.problems.sorted())
    }
    // Every fifth row moved to the end: authority-years apart, read whole.
    let apart =
      [header] + lines.enumerated().filter { $0.offset % 5 != 0 }.map(\.element)
      + lines.enumerated().filter { $0.offset % 5 == 0 }.map(\.element)
    for threads in [1, 2] {
      let read = try read(apart.joined(separator: "\n") + "\n", threads: threads)
      #expect(read.rows.sorted() == reference.rows.sorted(), "\(threads) threads")
      #expect(
        read.problems.map { $0.split(separator: " ")[1] }.sorted()
          == reference.problems.map { $0.split(separator: " ")[1] }.sorted())
    }
  }
}

/// Comparisons keep each scores file's table, and use it only while the file is unchanged.
@Suite("Keeping peer tables between comparisons")
struct PeerTableCacheTests {
  let reader = PeerGroupReaderTests()

  func compare(_ path: String, cache: String, filter: PeerFilter = PeerFilter()) throws -> Comparison {
    var options = PeerReadOptions(threads: 2)
    options.cacheDirectory = cache
    let (result, _) = try reader.streamedWay([path], filter, options: options, minimumGroup: 2)
    return try result.get()
  }

  func temporaryCache() -> String {
    FileManager.default.temporaryDirectory.appendingPathComponent("peer-cache-\(UUID())").path
  }

  func tableFiles(_ cache: String) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: cache)) ?? []).filter {
      $0.hasSuffix(".peertable")
    }
  }

  /// Overwrites the file in place with `text` and gives it back the modification time `time`.
  func rewrite(_ path: String, _ text: String, keeping time: timespec?) throws {
    let handle = try #require(FileHandle(forWritingAtPath: path))
    try handle.write(contentsOf: Data(text.utf8))
    try handle.truncate(atOffset: UInt64(text.utf8.count))
    try handle.close()
    if let time {
      var times = [time, time]
      _ = times.withUnsafeMutableBufferPointer { utimensat(AT_FDCWD, path, $0.baseAddress, 0) }
    }
  }

  func modificationTime(_ path: String) -> timespec {
    var info = stat()
    stat(path, &info)
    return info.st_mtim
  }

  @Test("a table is used while its file is unchanged, and replaced when the file changes")
  func usedThenReplaced() throws {
    let cache = temporaryCache()
    defer { try? FileManager.default.removeItem(atPath: cache) }
    let path = try reader.scoresFile()
    let first = try compare(path, cache: cache)
    #expect(tableFiles(cache).count == 1)
    // Other scores of the same length, the old time restored: only a table can still give the old answer.
    let original = try String(contentsOfFile: path, encoding: .utf8)
    let changed = original.replacingOccurrences(of: ",test-assessment,1.0,1", with: ",test-assessment,1.0,9")
    #expect(changed != original && changed.utf8.count == original.utf8.count)
    try rewrite(path, changed, keeping: modificationTime(path))
    #expect(try compare(path, cache: cache).overall == first.overall)
    // A new modification time: the file is read again.
    try rewrite(path, changed, keeping: timespec(tv_sec: modificationTime(path).tv_sec + 5, tv_nsec: 0))
    let after = try compare(path, cache: cache)
    #expect(after.dimensions != first.dimensions)
    let fresh = try compare(path, cache: temporaryCache())
    #expect(after.dimensions == fresh.dimensions && after.overall == fresh.overall)
    #expect(tableFiles(cache).count == 1)
  }

  @Test("a damaged table is never trusted: the file is read again and the table rewritten", arguments: 0..<7)
  func damagedTable(damage: Int) throws {
    let cache = temporaryCache()
    defer { try? FileManager.default.removeItem(atPath: cache) }
    let path = try reader.scoresFile()
    let expected = try compare(path, cache: cache, filter: PeerFilter(country: "ES"))
    let table = URL(fileURLWithPath: cache).appendingPathComponent(try #require(tableFiles(cache).first))
    var bytes = try Array(Data(contentsOf: table))
    switch damage {
    case 0: bytes = Array(bytes.prefix(bytes.count / 2))
    case 1: bytes.removeLast()
    case 2: bytes += [0]
    case 3: bytes = []
    case 4: for index in stride(from: bytes.count - 1, to: bytes.count / 2, by: -3) { bytes[index] = 0xFF }
    case 5:  // the lowest bit of the last scores
      for score in 1...120 { bytes[bytes.count - 8 * score] ^= 0x01 }
    default: bytes.replaceSubrange(0..<12, with: Array("NOTATABLE!!\n".utf8))
    }
    try Data(bytes).write(to: table)
    let again = try compare(path, cache: cache, filter: PeerFilter(country: "ES"))
    #expect(again.dimensions == expected.dimensions && again.overall == expected.overall)
    #expect(try Data(contentsOf: table).count > 1000)
  }

  @Test("a whole table whose header claims another questionnaire width is refused, and rewritten")
  func otherWidth() throws {
    let cache = temporaryCache()
    defer { try? FileManager.default.removeItem(atPath: cache) }
    let path = try reader.scoresFile()
    let expected = try compare(path, cache: cache, filter: PeerFilter(country: "ES"))
    let file = URL(fileURLWithPath: cache).appendingPathComponent(try #require(tableFiles(cache).first))
    let questionnaire = try Fixtures.testQuestionnaire()
    let options = PeerReadOptions(threads: 2)
    let key = try #require(PeerTableCache.Key(path, questionnaire: questionnaire, options: options))
    let table = try PeerTable.read(path, questionnaire: questionnaire, options: options)
    #expect(try PeerTableFile.load(file, key: key).scores.count == table.scores.count)
    // The same rows with one score fewer each, written whole (its checksum right) for the same key.
    let narrow = PeerTable(
      source: table.source, notes: table.notes, problems: table.problems, width: table.width - 1,
      keys: table.keys, duplicates: table.duplicates, newest: table.newest, countries: table.countries,
      populations: table.populations, types: table.types, attributes: table.attributes,
      scores: (0..<table.count).flatMap { table.scores($0).dropLast() })
    try Data().write(to: file)
    let handle = try FileHandle(forWritingTo: file)
    try PeerTableFile.write(narrow, key: key, to: handle)
    try handle.close()
    #expect(throws: (any Error).self) { try PeerTableFile.load(file, key: key) }
    let again = try compare(path, cache: cache, filter: PeerFilter(country: "ES"))
    #expect(again.dimensions == expected.dimensions && again.overall == expected.overall)
    #expect(try PeerTableFile.load(file, key: key).width == table.width)
  }

  @Test("one table serves with and without --skip-invalid: bad rows refused or left out as when parsed")
  func oneTableForBothPolicies() throws {
    let bad = Fixtures.path("peers/bad-scores.csv")
    let cache = temporaryCache()
    defer { try? FileManager.default.removeItem(atPath: cache) }
    for skipInvalid in [true, false, true] {
      for cached in [false, true] {
        var options = PeerReadOptions(skipInvalid: skipInvalid, threads: 2)
        options.cacheDirectory = cached ? cache : nil
        let (result, warnings) = try reader.streamedWay(
          [bad], PeerFilter(), options: options, minimumGroup: 1)
        switch result {
        case .success(let comparison):
          #expect(skipInvalid, "bad rows were not refused")
          #expect(!warnings.isEmpty && comparison.groupSize > 0)
        case .failure(let failure):
          #expect(!skipInvalid, "\(failure)")
          #expect(failure.description.contains("bad-scores.csv"))
        }
      }
    }
    #expect(tableFiles(cache).count == 1)
  }

  @Test("a cache that cannot be written changes nothing; answers files and names are never kept")
  func unwritableAndKept() throws {
    let path = try reader.scoresFile()
    let blocker = try Fixtures.temporaryFile("not a folder", name: "blocker")
    let unwritable = try compare(path, cache: blocker + "/cache")
    #expect(unwritable.overall == (try compare(path, cache: temporaryCache())).overall)

    let cache = temporaryCache()
    defer { try? FileManager.default.removeItem(atPath: cache) }
    _ = try compare(path, cache: cache)
    let table = URL(fileURLWithPath: cache).appendingPathComponent(try #require(tableFiles(cache).first))
    let text = String(decoding: try Data(contentsOf: table), as: UTF8.self)
    #expect(!text.contains("Peer 1"))
    let permissions = try FileManager.default.attributesOfItem(atPath: table.path)[.posixPermissions] as? Int
    #expect(permissions == 0o600)

    let answers = try Fixtures.temporaryFile(
      "authority_id,country,population,type,year,question_id,answer\n"
        + (1...6).map { "A-\($0),ES,\($0 * 1000),municipality,2025,datasets,\($0)\n" }.joined(),
      name: "answers.csv")
    let answersCache = temporaryCache()
    _ = try compare(answers, cache: answersCache)
    #expect(tableFiles(answersCache).isEmpty)
  }
}
