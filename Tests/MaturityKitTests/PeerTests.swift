import CSV
import Foundation
import Testing

@testable import MaturityKit

@Suite("Peer statistics")
struct PeerStatisticsTests {
  struct Expected: Decodable {
    var values: [Double]
    var n: Int
    var mean, sd, min, p10, p25, median, p75, p90, max: Double
    var ranks: [[Double]]
  }

  static func relativelyClose(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= 1e-9 * max(1, abs(b)) }

  @Test("every statistic equals numpy's on sets computed once and committed")
  func againstNumpy() throws {
    let data = try Data(contentsOf: URL(fileURLWithPath: Fixtures.path("peers/statistics-fixture.json")))
    let sets = try JSONDecoder().decode([String: Expected].self, from: data)
    #expect(sets.count == 3)
    for (name, expected) in sets {
      let s = try #require(PeerStatistics(expected.values))
      #expect(s.n == expected.n)
      let pairs: [(Double, Double)] = [
        (s.mean, expected.mean), (s.standardDeviation!, expected.sd), (s.min, expected.min),
        (s.p10, expected.p10),
        (s.p25, expected.p25), (s.median, expected.median), (s.p75, expected.p75), (s.p90, expected.p90),
        (s.max, expected.max),
      ]
      for (got, want) in pairs { #expect(Self.relativelyClose(got, want), "\(name): \(got) vs \(want)") }
      for probe in expected.ranks {
        #expect(
          Self.relativelyClose(
            PeerStatistics.percentileRank(of: probe[0], among: expected.values)!, probe[1]),
          "\(name) rank of \(probe[0])")
      }
    }
  }

  @Test("a hand-worked set: 10, 20, 30, 40")
  func handWorked() throws {
    let s = try #require(PeerStatistics([40, 10, 30, 20]))
    #expect(s.mean == 25)
    #expect(Self.relativelyClose(s.standardDeviation!, (500.0 / 3).squareRoot()))
    // h = 3p: P10 → 10 + 0.3 × 10, P25 → 10 + 0.75 × 10, median → 20 + 0.5 × 10, P75 → 30 + 0.25 × 10.
    #expect([s.p10, s.p25, s.median, s.p75, s.p90] == [13, 17.5, 25, 32.5, 37])
    #expect(PeerStatistics.percentileRank(of: 20, among: [10, 20, 30, 40]) == 37.5)
    #expect(PeerStatistics.percentileRank(of: 5, among: [10, 20]) == 0)
    #expect(PeerStatistics.percentileRank(of: 50, among: [10, 20]) == 100)
  }

  @Test("ties count half: the mid-rank")
  func ties() {
    #expect(PeerStatistics.percentileRank(of: 20, among: [20, 20, 20, 20]) == 50)
    #expect(PeerStatistics.percentileRank(of: 20, among: [10, 20, 20, 30]) == 50)
    #expect(PeerStatistics.percentileRank(of: 20, among: [10, 20, 20, 20, 30]) == 50)
  }

  @Test("one value: no standard deviation; no values: no statistics")
  func edges() throws {
    let one = try #require(PeerStatistics([42]))
    #expect(one.standardDeviation == nil)
    #expect(one.p10 == 42 && one.p90 == 42)
    #expect(PeerStatistics([]) == nil)
  }

  @Test("the median without one member equals the median of the others", arguments: 1..<40)
  func medianWithout(size: Int) {
    var random = SeededRandom(seed: UInt64(size))
    let values = (0..<size + 1).map { _ in (random.unit() * 10).rounded() }.sorted()
    for index in values.indices {
      var others = values
      others.remove(at: index)
      #expect(GroupGaps.medianWithout(values[index], in: values) == PeerStatistics.percentile(others, 0.5))
    }
  }
}

@Suite("Peer files and groups")
struct PeerSetTests {
  func read(_ name: String, skipInvalid: Bool = false, threads: Int = 2) throws -> (PeerSet, [Problem]) {
    try PeerSetReader.read(
      [Fixtures.path("peers/\(name)")], questionnaire: try Fixtures.testQuestionnaire(),
      options: PeerReadOptions(skipInvalid: skipInvalid, threads: threads))
  }

  @Test("a French Excel scores file: semicolons, BOM, CRLF, decimal commas, blank cells, attributes")
  func excelScores() throws {
    let (peers, problems) = try read("scores-excel-fr.csv")
    #expect(problems.isEmpty)
    #expect(peers.count == 5)
    #expect(peers.sources.first?.delimiter == .semicolon)
    #expect(peers.sources.first?.attributes == ["network"])
    #expect(peers.score(0, 0) == 40.5)
    #expect(peers.score(1, 1) == nil)
    #expect(peers.score(4, 0) == 70.25)
    let newest = peers.oneYearPerAuthority()
    #expect(newest.count == 4)
    #expect(newest.authorities.first { $0.id == "ES-3" }?.year == 2025)
    #expect(peers.oneYearPerAuthority(2024).authorities.map(\.id) == ["ES-3"])
  }

  @Test("every kind of bad row in a scores file is reported with its line; the file is refused")
  func badScores() throws {
    #expect(throws: Problems.self) { try read("bad-scores.csv") }
    let (peers, problems) = try read("bad-scores.csv", skipInvalid: true)
    let found = Set(problems.map { "\($0.location.line ?? 0) \($0.code)" })
    #expect(
      found == [
        "3 peers.badScore", "4 peers.scoreRange", "5 peers.duplicate", "6 peers.otherQuestionnaire",
        "7 peers.otherVersion",
        "8 peers.badPopulation", "8 peers.badType", "8 peers.badYear", "9 peers.missingID",
      ])
    #expect(peers.authorities.map(\.id) == ["A-1", "A-8"])
    #expect(peers.sources.first?.rows == 9)
    #expect(peers.sources.first?.rowsLeftOut == 7)
  }

  @Test("every kind of bad row in an answers file is reported with its line")
  func badAnswers() throws {
    #expect(throws: Problems.self) { try read("bad-answers.csv") }
    let (peers, problems) = try read("bad-answers.csv", skipInvalid: true, threads: 1)
    let found = problems.map { "\($0.location.line ?? 0) \($0.code)" }.sorted()
    #expect(
      found == [
        "3 response.expectedYesNo", "4 peers.unknownQuestion", "5 peers.duplicateAnswer",
        "6 response.unknownOption",
        "7 response.percentRange", "8 response.naNotAllowed",
      ])
    #expect(peers.count == 2)
  }

  @Test(
    "an answers file is rescored by the engine's rules, whatever the number of threads", arguments: [1, 2, 5])
  func answersRescored(threads: Int) throws {
    let questionnaire = try Fixtures.testQuestionnaire()
    let generator = SyntheticPeers(questionnaire: questionnaire, count: 400, seed: 21)
    var writer = CSVWriter(delimiter: .semicolon)
    writer.write(SyntheticPeers.answersHeader)
    var expected: [String: [Double?]] = [:]
    generator.forEach { assessment in
      for row in generator.answerRows(assessment) {
        writer.write(
          row.enumerated().map {
            $0.offset == 6 ? $0.element.replacingOccurrences(of: ".", with: ",") : $0.element
          })
      }
      let card = Scorer.score(assessment.response, with: questionnaire)
      expected["\(assessment.response.authority.id)/\(assessment.year)"] =
        card.dimensions.map(\.score) + [card.overall.score]
    }
    let path = try Fixtures.temporaryFile("", name: "answers.csv")
    try Data(writer.bytes).write(to: URL(fileURLWithPath: path))
    let (peers, problems) = try PeerSetReader.read(
      [path], questionnaire: questionnaire, options: PeerReadOptions(threads: threads))
    #expect(problems.isEmpty)
    #expect(peers.count == expected.count)
    for (row, authority) in peers.authorities.enumerated() {
      let want = try #require(expected["\(authority.id)/\(authority.year)"])
      let got = (0..<peers.width).map { peers.score(row, $0) }
      #expect(got == want, "\(authority.id)")
    }
  }

  @Test("duplicates are found whatever the order of years; each authority's newest year is kept")
  func duplicatesAndNewest() throws {
    let text =
      "authority_id,year,governance,data,overall\nA,2024,1,1,1\nA,2025,2,2,2\nB,2025,5,5,5\nA,2024,3,3,3\nA,2023,4,4,4\n"
    let path = try Fixtures.temporaryFile(text, name: "years.csv")
    let (peers, problems) = try PeerSetReader.read(
      [path], questionnaire: try Fixtures.testQuestionnaire(),
      options: PeerReadOptions(skipInvalid: true, threads: 1))
    #expect(problems.map { "\($0.location.line ?? 0) \($0.code)" } == ["5 peers.duplicate"])
    let newest = peers.oneYearPerAuthority()
    #expect(newest.authorities.map { "\($0.id)/\($0.year)" }.sorted() == ["A/2025", "B/2025"])
    let clean = try Fixtures.temporaryFile(
      text.replacingOccurrences(of: "A,2024,3,3,3\n", with: ""), name: "clean.csv")
    let read = try PeerSetReader.read(
      [clean], questionnaire: try Fixtures.testQuestionnaire(), options: PeerReadOptions(threads: 2)
    ).peers
    #expect(
      read.oneYearPerAuthority().authorities.map { "\($0.id)/\($0.year)" }.sorted() == ["A/2025", "B/2025"])
    #expect(read.oneYearPerAuthority(2023).authorities.map(\.id) == ["A"])
  }

  @Test("a file of neither shape is refused naming the missing columns")
  func unknownShape() throws {
    let path = try Fixtures.temporaryFile("authority_id,year,governance\nA,2025,40\n", name: "odd.csv")
    #expect(throws: Problems.self) {
      try PeerSetReader.read([path], questionnaire: try Fixtures.testQuestionnaire())
    }
  }
}

@Suite("Comparisons and privacy")
struct ComparisonTests {
  func peers(_ rows: [(String, Int, Double?)]) -> PeerSet {
    var set = PeerSet(dimensionIDs: ["governance", "data"])
    for (id, population, score) in rows {
      set.append(
        PeerAuthority(id: id, country: "ES", population: population, type: .municipality, year: 2025),
        scores: [score ?? .nan, 50, score ?? .nan])
    }
    return set
  }

  func card() throws -> Scorecard {
    try Fixtures.score(
      "  strategy: adopted\n  paper-forms: \"no\"\n  owner: cdo\n  practices: [catalogue]\n  datasets: 3\n  uses-ai: \"yes\"\n  ai-share: 10\n"
    )
  }

  let bands = PopulationBands(bounds: [5000, 20000])

  @Test("a group smaller than k is refused, saying how many there are")
  func minimumGroup() throws {
    let set = peers((1...4).map { ("P\($0)", 3000, Double($0 * 10)) })
    let group = PeerGroup(from: set, filter: PeerFilter(), bands: bands)
    #expect(throws: ComparisonError.groupTooSmall(found: 4, minimum: 5, filters: [])) {
      try Comparison(try card(), group: group.scores, minimumGroup: 5)
    }
    let empty = PeerGroup(from: set, filter: PeerFilter(country: "FR"), bands: bands)
    #expect(throws: ComparisonError.groupTooSmall(found: 0, minimum: 5, filters: ["country=FR"])) {
      try Comparison(try card(), group: empty.scores, minimumGroup: 5)
    }
  }

  @Test("the authority is never its own peer; min and max only from 2k")
  func privacy() throws {
    let card = try card()
    var rows = (1...6).map { ("P\($0)", 3000, Double($0 * 10)) }
    rows.append((card.authority.id, 3000, 99))
    let group = PeerGroup(from: peers(rows), filter: PeerFilter(), bands: bands, authority: card.authority)
    #expect(group.peers.count == 6)
    let comparison = try Comparison(card, group: group.scores, minimumGroup: 5)
    #expect(!comparison.dimensions[0].showsRange)
    let wide = try Comparison(card, group: group.scores, minimumGroup: 3)
    #expect(wide.dimensions[0].showsRange)
    let json = ComparisonJSON.render(comparison, language: .english)
    #expect(!json.contains("P1") && json.contains("\"min\": null"))
  }

  @Test("percentile rank, peers ahead and gaps of the authority")
  func ranks() throws {
    let card = try card()
    let group = PeerGroup(
      from: peers((1...10).map { ("P\($0)", 3000, Double($0 * 10)) }), filter: PeerFilter(), bands: bands)
    let comparison = try Comparison(card, group: group.scores, minimumGroup: 5)
    let governance = comparison.dimensions[0]
    let score = try #require(card.dimensions[0].score)
    let values = (1...10).map { Double($0 * 10) }
    #expect(governance.percentileRank == PeerStatistics.percentileRank(of: score, among: values))
    #expect(governance.peersAhead == values.filter { $0 > score }.count)
    #expect(governance.gapToMedian == 55 - score)
    #expect(governance.peers?.p90 == 91)
  }

  @Test("a dimension with fewer than k scored peers shows no statistics")
  func fewScoredPeers() throws {
    let rows = (1...6).map { ("P\($0)", 3000, $0 <= 3 ? Double($0) : nil) }
    let comparison = try Comparison(
      try card(), group: PeerGroup(from: peers(rows), filter: PeerFilter(), bands: bands).scores,
      minimumGroup: 5)
    #expect(comparison.dimensions[0].n == 3)
    #expect(comparison.dimensions[0].peers == nil)
    #expect(comparison.dimensions[1].peers?.median == 50)
  }

  @Test("filters: band auto, band by label, country, attribute, year, similar")
  func filters() throws {
    var set = PeerSet(dimensionIDs: ["governance", "data"])
    let populations = [1000, 4000, 8000, 15000, 30000, 2000, 3000]
    for (index, population) in populations.enumerated() {
      set.append(
        PeerAuthority(
          id: "P\(index)", country: index % 2 == 0 ? "ES" : "FR", population: population, type: .municipality,
          year: 2025, attributes: ["network": index < 3 ? "red a" : "red b"]),
        scores: [Double(index * 10), 50, Double(index * 10)])
    }
    let authority = Authority(id: "X", name: "X", population: 4200)
    func ids(_ filter: PeerFilter) -> [String] {
      PeerGroup(from: set, filter: filter, bands: bands, authority: authority).peers.authorities.map(\.id)
    }
    #expect(ids(PeerFilter(band: .auto)) == ["P0", "P1", "P5", "P6"])
    #expect(ids(PeerFilter(band: .index(bands.index(ofLabel: "5k-20k")!))) == ["P2", "P3"])
    #expect(ids(PeerFilter(country: "es")) == ["P0", "P2", "P4", "P6"])
    #expect(ids(PeerFilter(attributes: [("network", "RED A")])) == ["P0", "P1", "P2"])
    #expect(ids(PeerFilter(year: 2024)) == [])
    #expect(ids(PeerFilter(similar: 2)) == ["P1", "P6"])  // nearest in population: 4000 and 3000 for 4200
    #expect(bands.labels == ["<5k", "5k–20k", ">20k"])
  }
}
