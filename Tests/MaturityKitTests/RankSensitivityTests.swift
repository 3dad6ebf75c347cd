import Foundation
import TestSupport
import Testing

@testable import MaturityKit

@Suite("Sensitivity of a ranking to the weights")
struct RankSensitivityTests {
  /// Governance (weight 2) and data (weight 1) scores per authority.
  static func peers(_ rows: [(String, Double?, Double?)]) throws -> (PeerSet, Questionnaire) {
    let questionnaire = try Fixtures.testQuestionnaire()
    var peers = PeerSet(dimensionIDs: questionnaire.dimensions.map(\.id))
    for (id, governance, data) in rows {
      let present = [(governance, 2.0), (data, 1.0)].compactMap { score, weight in score.map { ($0, weight) }
      }
      let overall =
        present.isEmpty
        ? Double.nan : present.reduce(0) { $0 + $1.0 * $1.1 } / present.reduce(0) { $0 + $1.1 }
      peers.append(PeerAuthority(id: id, year: 2025), scores: [governance ?? .nan, data ?? .nan, overall])
    }
    return (peers, questionnaire)
  }

  /// A dominates everything, D is dominated by everything; X and Y are nearly level, X strong
  /// in governance and Y in data; E has no score at all.
  static func network() throws -> (PeerSet, Questionnaire) {
    try peers([("A", 95, 90), ("X", 60.5, 20), ("Y", 40, 60), ("D", 5, 10), ("E", nil, nil)])
  }

  @Test("an authority better on every dimension keeps its rank; a level pair of opposites swaps")
  func dominanceAndSwap() throws {
    let (peers, questionnaire) = try Self.network()
    let result = RankSensitivity(
      peers, questionnaire: questionnaire, options: SensitivityOptions(runs: 400, seed: 3))
    #expect(result.authorities == 4 && result.excluded == 1)
    #expect(result.ranks.map(\.authorityId) == ["A", "X", "Y", "D"])
    #expect(result.ranks.map(\.nominalRank) == [1, 2, 3, 4])
    for rank in result.ranks where rank.authorityId == "A" || rank.authorityId == "D" {
      #expect(rank.rangeWidth == 0 && rank.medianRank == rank.nominalRank && rank.rankP5 == rank.rankP95)
    }
    // Only the pair (X, Y) of the 6 can change order, and it does in some runs but not all.
    let share = try #require(result.swapShare)
    #expect(share > 0 && share < 1.0 / 6)
    let x = try #require(result.ranks.first { $0.authorityId == "X" })
    #expect(x.rankP5 == 2 && x.rankP95 == 3)
  }

  @Test("with spread 0 nothing moves: no swaps, every median rank is the nominal rank")
  func noSpread() throws {
    let (peers, questionnaire) = try Self.network()
    let result = RankSensitivity(
      peers, questionnaire: questionnaire, options: SensitivityOptions(runs: 50, spread: 0))
    #expect(result.swapShare == 0)
    #expect(result.medianRangeWidth == 0)
    for rank in result.ranks { #expect(rank.medianRank == rank.nominalRank && rank.rangeWidth == 0) }
  }

  @Test("tied authorities share the average rank")
  func ties() throws {
    let (peers, questionnaire) = try Self.peers([("A", 50, 50), ("B", 50, 50), ("C", 10, 10)])
    let result = RankSensitivity(peers, questionnaire: questionnaire, options: SensitivityOptions(runs: 20))
    #expect(result.ranks.map(\.nominalRank) == [1.5, 1.5, 3])
    #expect(result.swapShare == 0)  // equal on every dimension: tied under any weights
  }

  static func examplePeers() throws -> (PeerSet, Questionnaire) {
    let questionnaire = try DefaultQuestionnaireTests().load()
    let path = Repository.root.appendingPathComponent(
      "Examples/peers/synthetic-peers-scores.csv"
    ).path
    let peers = try PeerSetReader.read([path], questionnaire: questionnaire).peers.oneYearPerAuthority()
    return (peers, questionnaire)
  }

  @Test("the same seed gives the same result, whatever the threads; another seed another sample")
  func seeded() throws {
    let (peers, questionnaire) = try Self.examplePeers()
    func result(seed: UInt64, threads: Int) -> RankSensitivity {
      RankSensitivity(
        peers, questionnaire: questionnaire,
        options: SensitivityOptions(runs: 200, seed: seed, threads: threads))
    }
    let first = result(seed: 11, threads: 2)
    #expect(first == result(seed: 11, threads: 2))
    #expect(first == result(seed: 11, threads: 1))
    #expect(first == result(seed: 11, threads: 7))
    let other = result(seed: 12, threads: 2)
    #expect(other.swapShare != first.swapShare)
    #expect(other.ranks.map(\.authorityId) == first.ranks.map(\.authorityId))
    #expect(other.ranks.map(\.nominalRank) == first.ranks.map(\.nominalRank))
    #expect(first.authorities + first.excluded == peers.count)
  }

  @Test("an answers file is scored again per run; unchanged weights give the file's own overall order")
  func answersShape() throws {
    let questionnaire = try DefaultQuestionnaireTests().load()
    let path = Repository.root.appendingPathComponent(
      "Examples/peers/synthetic-peers-answers.csv"
    ).path
    let everyYear = try PeerSetReader.read([path], questionnaire: questionnaire).peers
    let answers = try PeerAnswers.read([path], questionnaire: questionnaire, options: PeerReadOptions())
    #expect(answers.count == everyYear.count)  // one slot per authority-year
    let peers = everyYear.oneYearPerAuthority()
    let still = RankSensitivity(
      peers, answers: answers, questionnaire: questionnaire, options: SensitivityOptions(runs: 5, spread: 0))
    #expect(still.swapShare == 0)
    // Nominal ranks are those of the overall scores the reader computed.
    let overall = Dictionary(
      uniqueKeysWithValues: peers.authorities.indices.compactMap { row in
        peers.score(row, questionnaire.dimensions.count).map { (peers.authorities[row].id, $0) }
      })
    for rank in still.ranks {
      let score = try #require(overall[rank.authorityId])
      let above = overall.values.filter { $0 > score }.count
      let equal = overall.values.filter { $0 == score }.count
      #expect(rank.nominalRank == Double(above) + Double(equal + 1) / 2)
    }
    // Reweighting questions moves more than reweighting the dimensions of fixed scores alone.
    let moved = RankSensitivity(
      peers, answers: answers, questionnaire: questionnaire, options: SensitivityOptions(runs: 100))
    let fixed = RankSensitivity(peers, questionnaire: questionnaire, options: SensitivityOptions(runs: 100))
    #expect(try #require(moved.swapShare) > 0)
    #expect(moved != fixed)
  }

  @Test("one merge sort counts exactly the pairs a comparison of every pair finds, ties included")
  func pairCounting() {
    var random = SeededRandom(seed: 5)
    for size in [1, 2, 3, 10, 57, 300] {
      // Few distinct values, so that ties are common in both orders.
      let nominal = (0..<size).map { _ in Double(Int(random.unit() * 8)) }
      let counter = RankCounter(nominal: nominal)
      for _ in 0..<5 {
        let scores = (0..<size).map { _ in Double(Int(random.unit() * 8)) }
        var ranks = [Float](repeating: 0, count: size)
        let differing = scores.withUnsafeBufferPointer { scores in
          ranks.withUnsafeMutableBufferPointer { counter.rank(scores, into: $0) }
        }
        var expected = 0
        for i in 0..<size {
          for j in (i + 1)..<max(i + 1, size) {
            let before = (nominal[i] - nominal[j]).sign == .minus ? -1 : (nominal[i] == nominal[j] ? 0 : 1)
            let after = (scores[i] - scores[j]).sign == .minus ? -1 : (scores[i] == scores[j] ? 0 : 1)
            if before != after { expected += 1 }
          }
        }
        #expect(differing == expected, "size \(size)")
        for i in 0..<size {
          let above = scores.filter { $0 > scores[i] }.count
          let equal = scores.filter { $0 == scores[i] }.count
          #expect(ranks[i] == Float(above) + Float(equal + 1) / 2)
        }
      }
    }
  }

  @Test("the renderers: CSV columns, JSON keys, text table")
  func renderers() throws {
    let (peers, questionnaire) = try Self.network()
    let result = RankSensitivity(peers, questionnaire: questionnaire, options: SensitivityOptions(runs: 40))
    let csv = String(decoding: SensitivityRenderers.csv(result), as: UTF8.self)
    #expect(
      csv.hasPrefix("authority_id,nominal_rank,median_rank,rank_p5,rank_p95,range_width\r\nA,1,1,1,1,0\r\n"))
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(SensitivityRenderers.json(result).utf8)) as? [String: Any])
    #expect(
      Set(json.keys)
        == [
          "questionnaire", "version", "runs", "spread", "seed", "authorities", "excluded", "swapShare",
          "medianRangeWidth", "ranks",
        ])
    let text = SensitivityRenderers.text(result, texts: .init(language: .english))
    #expect(text.contains("4 authorities ranked by overall score (1 left out: no overall score); 40 runs"))
    // Interpolated percentiles show one decimal, and none when that decimal is 0.
    var fractional = result
    fractional.ranks[0].rankP95 = 1.96
    fractional.ranks[1].rankP95 = 3.45
    let lines = SensitivityRenderers.text(fractional, texts: .init(language: .english)).split(separator: "\n")
    #expect(lines.contains { $0.hasPrefix("A ") && $0.contains(" 1–2 ") })
    #expect(lines.contains { $0.hasPrefix("X ") && $0.contains("–3.5 ") })
  }
}
