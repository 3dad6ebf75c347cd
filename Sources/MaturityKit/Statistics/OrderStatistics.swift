/// Order statistics without a full sort, for the handful of ranks that quartiles and deciles
/// need.
///
/// Many values are first narrowed by a histogram of the top 16 bits of an order-preserving key
/// (sign, exponent and 4 bits of the mantissa): one pass counts, a second gathers only the
/// values of the buckets that hold a wanted rank. Then a multi-quickselect partitions three ways
/// (below, equal to, above a median-of-three pivot) and goes on only into the parts holding a
/// wanted rank, where ties (scores repeat a lot) end a part at once. Inputs that defeat the
/// pivots (a peer file is untrusted) get a sort of what is left after a logarithmic number of
/// passes, so the time stays O(n log n) at worst.
enum OrderStatistics {
  /// Below this many values, no histogram.
  static let histogramThreshold = 4096

  /// The value that sorting `values` would put at each of `ranks` (those within the values).
  /// No NaN may be given.
  static func values(at ranks: [Int], of values: [Double]) -> [Int: Double] {
    let wanted = Set(ranks.filter { values.indices.contains($0) }).sorted()
    guard values.count >= histogramThreshold, !wanted.isEmpty else {
      var ordered = values
      select(&ordered, ranks: wanted)
      return Dictionary(uniqueKeysWithValues: wanted.map { ($0, ordered[$0]) })
    }
    var counts = [Int](repeating: 0, count: 1 << 16)
    for value in values { counts[Int(ScoreSort.key(value) >> 48)] += 1 }
    // Each wanted rank's bucket and its rank among the bucket's values.
    var slots = [Int](repeating: -1, count: 1 << 16)
    var buckets: [(bucket: Int, first: Int)] = []
    var targets: [(slot: Int, rank: Int, local: Int)] = []
    var bucket = 0
    var before = 0
    for rank in wanted {
      while before + counts[bucket] <= rank {
        before += counts[bucket]
        bucket += 1
      }
      if slots[bucket] < 0 {
        slots[bucket] = buckets.count
        buckets.append((bucket, before))
      }
      targets.append((slots[bucket], rank, rank - before))
    }
    var gathered = buckets.map { entry -> [Double] in
      var values: [Double] = []
      values.reserveCapacity(counts[entry.bucket])
      return values
    }
    for value in values {
      let slot = slots[Int(ScoreSort.key(value) >> 48)]
      if slot >= 0 { gathered[slot].append(value) }
    }
    for slot in gathered.indices {
      select(&gathered[slot], ranks: targets.filter { $0.slot == slot }.map(\.local))
    }
    return Dictionary(uniqueKeysWithValues: targets.map { ($0.rank, gathered[$0.slot][$0.local]) })
  }

  /// Rearranges `values` so that, for every rank in `ranks`, `values[rank]` is what sorting
  /// would put there. No NaN may be given. `passes` bounds the partitioning passes before the
  /// rest is sorted (by default, about twice the logarithm of the count).
  static func select(_ values: inout [Double], ranks: [Int], passes: Int? = nil) {
    let wanted = Set(ranks.filter { values.indices.contains($0) }).sorted()
    let budget = passes ?? 2 * (Int.bitWidth - values.count.leadingZeroBitCount) + 8
    values.withUnsafeMutableBufferPointer { buffer in
      select(buffer, 0, buffer.count, wanted[...], budget: budget)
    }
  }

  private static func select(
    _ values: UnsafeMutableBufferPointer<Double>, _ low: Int, _ high: Int, _ ranks: ArraySlice<Int>,
    budget: Int
  ) {
    var low = low
    var high = high
    var ranks = ranks
    var budget = budget
    while !ranks.isEmpty {
      if high - low <= 16 {
        insertionSort(values, low, high)
        return
      }
      if budget == 0 {
        var rest = UnsafeMutableBufferPointer(rebasing: values[low..<high])
        rest.sort()
        return
      }
      budget -= 1
      let pivot = medianOfThree(values[low], values[(low + high) / 2], values[high - 1])
      // [low, less) < pivot, [less, index) == pivot, [greater, high) > pivot.
      var less = low
      var index = low
      var greater = high
      while index < greater {
        let value = values[index]
        if value < pivot {
          values.swapAt(less, index)
          less += 1
          index += 1
        } else if value > pivot {
          greater -= 1
          values.swapAt(index, greater)
        } else {
          index += 1
        }
      }
      let below = ranks.prefix { $0 < less }
      let above = ranks.drop { $0 < greater }
      // Recurse into the smaller side and go on in the larger.
      if less - low < high - greater {
        select(values, low, less, below, budget: budget)
        low = greater
        ranks = above
      } else {
        select(values, greater, high, above, budget: budget)
        high = less
        ranks = below
      }
    }
  }

  private static func medianOfThree(_ a: Double, _ b: Double, _ c: Double) -> Double {
    max(min(a, b), min(max(a, b), c))
  }

  private static func insertionSort(_ values: UnsafeMutableBufferPointer<Double>, _ low: Int, _ high: Int) {
    guard high - low > 1 else { return }
    for index in (low + 1)..<high {
      let value = values[index]
      var position = index
      while position > low, values[position - 1] > value {
        values[position] = values[position - 1]
        position -= 1
      }
      values[position] = value
    }
  }
}
