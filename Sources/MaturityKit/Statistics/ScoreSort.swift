/// Sorting scores: a stable least-significant-digit radix sort on the bits of the numbers, in
/// linear time, for the hundreds of thousands of scores of a large peer group; the standard
/// library's sort below a few thousand.
///
/// The result is exactly the standard library's `sorted()`: the keys order numbers as `<` does,
/// and equal numbers have the same bits (a −0, equal to +0 with other bits, takes the standard
/// sort). No NaN may be given.
enum ScoreSort {
  static func sorted(_ values: [Double]) -> [Double] {
    guard values.count >= 4096, !values.contains(where: { $0 == 0 && $0.sign == .minus }) else {
      return values.sorted()
    }
    var keys = values.map(key)
    var buffer = [UInt64](repeating: 0, count: keys.count)
    var counts = [Int](repeating: 0, count: 1 << 16)
    for shift in stride(from: 0, to: 64, by: 16) {
      for index in counts.indices { counts[index] = 0 }
      for key in keys { counts[Int((key >> UInt64(shift)) & 0xFFFF)] += 1 }
      if counts.contains(keys.count) { continue }  // one digit for all: nothing moves
      var total = 0
      for index in counts.indices {
        let count = counts[index]
        counts[index] = total
        total += count
      }
      for key in keys {
        let digit = Int((key >> UInt64(shift)) & 0xFFFF)
        buffer[counts[digit]] = key
        counts[digit] += 1
      }
      swap(&keys, &buffer)
    }
    return keys.map(value)
  }

  /// A key whose unsigned order is the numbers' order: negative numbers' bits inverted, the
  /// sign bit set on the others.
  static func key(_ value: Double) -> UInt64 {
    let bits = value.bitPattern
    return bits >> 63 == 1 ? ~bits : bits | (1 << 63)
  }

  private static func value(_ key: UInt64) -> Double {
    Double(bitPattern: key >> 63 == 1 ? key & ~(1 << 63) : ~key)
  }
}

extension Array where Element == Double {
  /// The index of the first element for which `isAtOrAfter` holds, in an array where it holds
  /// from some point on (a binary search).
  func partitionPoint(_ isAtOrAfter: (Double) -> Bool) -> Int {
    var low = 0
    var high = count
    while low < high {
      let middle = (low + high) / 2
      if isAtOrAfter(self[middle]) { high = middle } else { low = middle + 1 }
    }
    return low
  }
}
