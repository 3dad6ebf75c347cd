/// Order statistics without a full sort: a multi-quickselect that partitions three ways (below,
/// equal to, above a median-of-three pivot) and goes on only into the parts holding a wanted
/// rank — a few linear passes for the handful of ranks that quartiles and deciles need, where
/// ties (scores repeat a lot) end a part at once. Inputs that defeat the pivots (a peer file is
/// untrusted) get a sort of what is left after a logarithmic number of passes, so the time
/// stays O(n log n) at worst.
enum OrderStatistics {
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
