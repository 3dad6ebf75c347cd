import Testing

@testable import MaturityKit

@Suite("Selecting order statistics without sorting")
struct OrderStatisticsTests {
  /// Inputs that are hard for a quickselect: ordered, reversed, equal, organ pipes, few values.
  static func inputs(_ count: Int, seed: UInt64) -> [[Double]] {
    var state = seed
    func next() -> UInt64 {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return state >> 33
    }
    let random = (0..<count).map { _ in Double(next() % 10_000) / 100 }
    let ordered = random.sorted()
    return [
      random, ordered, ordered.reversed(), Array(repeating: 42.5, count: count),
      (0..<count).map { Double(min($0, count - $0)) }, (0..<count).map { _ in Double(next() % 3) },
      (0..<count).map { $0 % 2 == 0 ? -Double($0) : Double($0) },
    ]
  }

  @Test(
    "every wanted rank holds what sorting puts there", arguments: [0, 1, 2, 5, 16, 17, 33, 100, 257, 5_000])
  func ranksMatchSorting(count: Int) {
    for (kind, values) in Self.inputs(count, seed: UInt64(count) + 1).enumerated() {
      let sorted = values.sorted()
      let ranks = [
        0, count - 1, count / 10, count / 4, count / 2, count / 2 + 1, 3 * count / 4, 9 * count / 10, count,
      ]
      for passes in [nil, 0, 1, 3] {
        var selected = values
        OrderStatistics.select(&selected, ranks: ranks, passes: passes)
        #expect(selected.sorted() == sorted, "a value was lost: kind \(kind)")
        for rank in ranks where rank >= 0 && rank < count {
          #expect(
            selected[rank] == sorted[rank],
            "kind \(kind), rank \(rank) of \(count), passes \(String(describing: passes))")
        }
      }
    }
  }

  @Test("values at ranks, narrowed by a histogram above the threshold, are what sorting gives")
  func histogramNarrowing() {
    let count = OrderStatistics.histogramThreshold * 3 + 5
    var inputs = Self.inputs(count, seed: 11)
    // Tiny numbers and signed zeros; huge numbers of both signs.
    inputs.append(
      (0..<count).map { (index: Int) -> Double in index % 3 == 0 ? -0.0 : Double(index % 97) * 1e-300 })
    inputs.append(
      (0..<count).map { (index: Int) -> Double in index % 2 == 0 ? -1e300 : 1e300 * Double(index) })
    for (kind, values) in inputs.enumerated() {
      let sorted = values.sorted()
      let ranks: [Int] = [
        0, 1, count / 10, count / 10 + 1, count / 2, count / 2 + 1, count - 2, count - 1, count, -1,
      ]
      let found = OrderStatistics.values(at: ranks, of: values)
      #expect(Set(found.keys) == Set(ranks.filter { $0 >= 0 && $0 < count }), "kind \(kind)")
      for (rank, value) in found { #expect(value == sorted[rank], "kind \(kind), rank \(rank)") }
    }
  }

  @Test("statistics by selection equal those of the sorted values")
  func statisticsEqualSorted() throws {
    for count in [1, 2, 3, 10, 99, 1_000, 20_000] {
      for values in Self.inputs(count, seed: 7) {
        let sorted = values.sorted()
        let statistics = try #require(PeerStatistics(values))
        #expect(statistics.min == sorted[0] && statistics.max == sorted[count - 1])
        #expect(statistics.p10 == PeerStatistics.percentile(sorted, 0.10))
        #expect(statistics.p25 == PeerStatistics.percentile(sorted, 0.25))
        #expect(statistics.median == PeerStatistics.percentile(sorted, 0.50))
        #expect(statistics.p75 == PeerStatistics.percentile(sorted, 0.75))
        #expect(statistics.p90 == PeerStatistics.percentile(sorted, 0.90))
      }
    }
  }
}
