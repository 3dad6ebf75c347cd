import Foundation
import InterfaceText
import Testing

@testable import MaturityKit

@Suite("The median's 90 % interval in small groups (order statistics, binomial)")
struct MedianIntervalTests {
  /// Computed independently with SciPy 1.17.1, not with this code:
  ///
  ///     from scipy.stats import binom
  ///     l = largest l with l < n + 1 - l and 1 - 2 * binom.cdf(l - 1, n, 0.5) >= 0.90
  ///     (l, n + 1 - l, 1 - 2 * binom.cdf(l - 1, n, 0.5))
  ///
  /// n = 14 by hand: P(B ≤ 3) = (1 + 14 + 91 + 364) / 2¹⁴ = 470/16384, so l = 4 reaches
  /// 1 − 940/16384 = 0.942626953125; l = 5 only 1 − 2 × 1471/16384 ≈ 0.8204.
  static let scipy: [(n: Int, low: Int, high: Int, confidence: Double)] = [
    (5, 1, 5, 0.9375),
    (10, 2, 9, 0.978515625),
    (14, 4, 11, 0.942626953125),
    (20, 6, 15, 0.9586105346679688),
    (29, 10, 20, 0.9385716542601585),
  ]

  @Test("ranks and achieved confidence equal SciPy's")
  func againstSciPy() throws {
    for expected in Self.scipy {
      let ranks = try #require(MedianInterval.ranks(count: expected.n), "n = \(expected.n)")
      #expect(ranks.low == expected.low && ranks.high == expected.high, "n = \(expected.n)")
      #expect(abs(ranks.confidence - expected.confidence) <= 1e-12, "n = \(expected.n): \(ranks.confidence)")
    }
  }

  @Test("with 4 peers or fewer, even [min, max] reaches only 1 − 2/2ⁿ < 90 %: no interval")
  func tooFew() {
    for n in 0...4 { #expect(MedianInterval.ranks(count: n) == nil, "n = \(n)") }
    #expect(MedianInterval([1, 2, 3, 4], showsEnds: true) == nil)
  }

  @Test("the binomial CDF is exact: n = 14 in sixteen-thousand-three-hundred-eighty-fourths")
  func binomial() {
    let counts = (0...6).map { MedianInterval.binomialCDF($0, trials: 14) * 16384 }
    #expect(counts == [1, 15, 106, 470, 1471, 3473, 6476])
    #expect(
      MedianInterval.binomialCDF(-1, trials: 14) == 0 && MedianInterval.binomialCDF(14, trials: 14) == 1)
    // Symmetry: P(B ≤ k) + P(B ≤ n − 1 − k) = 1.
    for n in 1..<30 {
      for k in 0..<n {
        #expect(
          abs(MedianInterval.binomialCDF(k, trials: n) + MedianInterval.binomialCDF(n - 1 - k, trials: n) - 1)
            < 1e-15)
      }
    }
  }

  @Test("the ends are the 4th and 11th of 14 sorted scores, or withheld")
  func ends() throws {
    var random = SeededRandom(seed: 14)
    let values = (1...14).map { Double($0 * 10) }.shuffled(using: &random)
    let shown = try #require(MedianInterval(values, showsEnds: true))
    #expect(shown.low == 40 && shown.high == 110 && shown.lowRank == 4 && shown.highRank == 11)
    let withheld = try #require(MedianInterval(values, showsEnds: false))
    #expect(withheld.low == nil && withheld.high == nil && withheld.confidence == shown.confidence)
  }

  func comparison(peers count: Int, minimumGroup: Int = 5) throws -> Comparison {
    var set = PeerSet(dimensionIDs: ["governance", "data"])
    for index in 0..<count {
      set.append(
        PeerAuthority(id: "P\(index)", country: "ES", population: 3000, type: .municipality, year: 2025),
        scores: [Double(index), 50, Double(index)])
    }
    let card = try Fixtures.score("  strategy: adopted\n")
    let group = PeerGroup(from: set, filter: PeerFilter(), bands: PopulationBands(bounds: [5000]))
    return try Comparison(card, group: group.scores, minimumGroup: minimumGroup)
  }

  @Test("comparisons: ends from 2k peers, ranks only below, nothing from 30 peers; JSON follows")
  func inComparisons() throws {
    let fourteen = try comparison(peers: 14)
    let interval = try #require(fourteen.dimensions[0].medianInterval)
    #expect(interval.low == 3 && interval.high == 10)  // scores 0…13: the 4th and the 11th
    #expect(fourteen.isSmallGroup)
    let json = ComparisonJSON.render(fourteen, language: .english)
    #expect(json.contains("\"medianInterval90\": {"))
    #expect(json.contains("\"lowRank\": 4") && json.contains("\"highRank\": 11"))
    #expect(json.contains("\"confidence\": 0.942626953125"))
    let csv = String(decoding: ComparisonCSV.render(fourteen), as: UTF8.self)
    #expect(csv.contains(",3,10,0.942626953125,4,11\r\n") || csv.contains(",3,10,0.942626953125,4,11\n"))

    let eight = try comparison(peers: 8)  // under 2k = 10: min and max withheld, so the ends too
    let ranksOnly = try #require(eight.dimensions[0].medianInterval)
    #expect(ranksOnly.low == nil && ranksOnly.lowRank == 2 && ranksOnly.highRank == 7)
    #expect(ComparisonJSON.render(eight, language: .english).contains("\"low\": null"))

    let four = try comparison(peers: 4, minimumGroup: 3)  // no interval reaches 90 %: null
    #expect(four.dimensions[0].givesMedianInterval && four.dimensions[0].medianInterval == nil)
    #expect(ComparisonJSON.render(four, language: .english).contains("\"medianInterval90\": null"))

    let thirty = try comparison(peers: 30)
    #expect(!thirty.isSmallGroup && !thirty.dimensions[0].givesMedianInterval)
    #expect(!ComparisonJSON.render(thirty, language: .english).contains("medianInterval90"))
  }

  @Test("text and reports: the interval next to the median, and a sentence on how much ranks move")
  func inText() throws {
    let comparison = try comparison(peers: 14)
    let texts = TextCatalogue(language: .english)
    let text = ComparisonTable.text(comparison, texts: texts)
    #expect(text.contains("3.0–10.0"))
    #expect(
      text.contains(
        "With 14 peers, one more or one fewer can move the percentile rank by about 7 points: read ranks as rough."
      ))
    #expect(
      !ComparisonTable.text(try self.comparison(peers: 30), texts: texts).contains("read ranks as rough"))
  }
}
