/// Ranks authorities run after run against their nominal order: each run's ranks (1 = the
/// highest score; tied authorities share the average of their positions) and the number of pairs
/// whose order differs from the nominal one.
///
/// Two authorities' order is the sign of their score difference (above, tied, below); a pair
/// differs when the signs differ. Counting over all n(n − 1)/2 pairs takes one merge sort per
/// run (Knight's algorithm for Kendall's τ): the authorities are laid out in nominal order,
/// nominal ties sorted by the run's score, and merge-sorted by the run's score; the pairs the
/// sort inverts are those ordered strictly the other way, and to them come the pairs tied in
/// one order only: differing = inversions + tied(nominal) + tied(run) − 2 · tied(both).
///
/// One counter per thread: it holds the buffers a run needs, so that runs allocate nothing.
final class RankCounter {
  struct Entry {
    var score: Double
    var row: Int32
  }

  /// Rows in nominal order (highest score first).
  let nominalOrder: [Int32]
  /// Each row's nominal rank.
  let nominalRanks: [Double]
  /// Positions in `nominalOrder` of nominal scores shared by several rows.
  private let nominalTies: [Range<Int>]
  private let nominalTiedPairs: Int
  private let entries: UnsafeMutableBufferPointer<Entry>
  private let scratch: UnsafeMutableBufferPointer<Entry>

  init(nominal: [Double]) {
    let count = nominal.count
    entries = .allocate(capacity: max(count, 1))
    scratch = .allocate(capacity: max(count, 1))
    for row in 0..<count { entries[row] = Entry(score: nominal[row], row: Int32(row)) }
    let sorted = UnsafeMutableBufferPointer(rebasing: entries[0..<count])
    _ = Self.sortCountingInversions(sorted, scratch: scratch)
    var ranks = [Float](repeating: 0, count: count)
    var ties: [Range<Int>] = []
    nominalTiedPairs = ranks.withUnsafeMutableBufferPointer {
      Self.assignRanks(UnsafeBufferPointer(sorted), into: $0) { ties.append($0) }
    }
    nominalTies = ties
    nominalOrder = sorted.map(\.row)
    nominalRanks = ranks.map(Double.init)
  }

  deinit {
    entries.deallocate()
    scratch.deallocate()
  }

  var count: Int { nominalOrder.count }

  /// Ranks the rows by `scores` into `ranks` and returns the number of pairs ordered otherwise
  /// than nominally.
  func rank(_ scores: UnsafeBufferPointer<Double>, into ranks: UnsafeMutableBufferPointer<Float>) -> Int {
    let rows = UnsafeMutableBufferPointer(rebasing: entries[0..<count])
    for (position, row) in nominalOrder.enumerated() {
      rows[position] = Entry(score: scores[Int(row)], row: row)
    }
    var tiedInBoth = 0
    for tie in nominalTies {
      var part = UnsafeMutableBufferPointer(rebasing: rows[tie])
      part.sort { $0.score > $1.score }
      tiedInBoth += Self.tiedPairs(UnsafeBufferPointer(part))
    }
    let inversions = Self.sortCountingInversions(rows, scratch: scratch)
    let tiedInRun = Self.assignRanks(UnsafeBufferPointer(rows), into: ranks) { _ in }
    return inversions + nominalTiedPairs + tiedInRun - 2 * tiedInBoth
  }

  /// Sorts `entries` by score, highest first (stably), and returns the number of pairs that
  /// were in the other order strictly: a lower score before a higher one.
  static func sortCountingInversions(
    _ entries: UnsafeMutableBufferPointer<Entry>, scratch: UnsafeMutableBufferPointer<Entry>
  ) -> Int {
    let count = entries.count
    guard count > 1, var source = entries.baseAddress, var target = scratch.baseAddress else { return 0 }
    var inversions = 0
    var width = 1
    while width < count {
      var start = 0
      while start < count {
        let middle = min(start + width, count)
        let end = min(start + 2 * width, count)
        var left = start
        var right = middle
        var output = start
        while left < middle && right < end {
          if source[right].score > source[left].score {
            target[output] = source[right]
            right += 1
            inversions += middle - left
          } else {
            target[output] = source[left]
            left += 1
          }
          output += 1
        }
        while left < middle {
          target[output] = source[left]
          left += 1
          output += 1
        }
        while right < end {
          target[output] = source[right]
          right += 1
          output += 1
        }
        start = end
      }
      swap(&source, &target)
      width *= 2
    }
    if source != entries.baseAddress { entries.baseAddress!.update(from: source, count: count) }
    return inversions
  }

  /// Gives each row of `sorted` (highest score first) its rank, ties the average of their
  /// positions; hands each tie to `tie` and returns the number of tied pairs.
  @discardableResult
  static func assignRanks(
    _ sorted: UnsafeBufferPointer<Entry>, into ranks: UnsafeMutableBufferPointer<Float>,
    tie: (Range<Int>) -> Void
  ) -> Int {
    var pairs = 0
    forEachGroup(sorted) { group in
      let rank = Float(group.lowerBound + 1 + group.upperBound) / 2
      for position in group { ranks[Int(sorted[position].row)] = rank }
      if group.count > 1 {
        pairs += group.count * (group.count - 1) / 2
        tie(group)
      }
    }
    return pairs
  }

  /// The number of pairs with equal scores in `sorted`.
  private static func tiedPairs(_ sorted: UnsafeBufferPointer<Entry>) -> Int {
    var pairs = 0
    forEachGroup(sorted) { pairs += $0.count * ($0.count - 1) / 2 }
    return pairs
  }

  /// Calls `body` with the positions of each score in `sorted` (equal scores are adjacent).
  private static func forEachGroup(_ sorted: UnsafeBufferPointer<Entry>, _ body: (Range<Int>) -> Void) {
    var start = 0
    while start < sorted.count {
      var end = start + 1
      while end < sorted.count && sorted[end].score == sorted[start].score { end += 1 }
      body(start..<end)
      start = end
    }
  }
}
