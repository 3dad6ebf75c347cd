/// The distribution of peer scores on one dimension (or overall).
///
/// Standard deviation is the sample one (n − 1), as pandas and DuckDB compute it; percentiles
/// interpolate linearly between order statistics (numpy's default, pandas, DuckDB's
/// `quantile_cont`): for p in [0, 1] and sorted x₀…xₙ₋₁, h = (n − 1)p and the value is
/// x⌊h⌋ + (h − ⌊h⌋)(x⌊h⌋₊₁ − x⌊h⌋).
public struct PeerStatistics: Sendable, Equatable, Codable {
  public var n: Int
  public var mean: Double
  /// Nil with a single value.
  public var standardDeviation: Double?
  public var min: Double
  public var p10: Double
  public var p25: Double
  public var median: Double
  public var p75: Double
  public var p90: Double
  public var max: Double

  /// The statistics of `values`, or nil when there are none. Mean and deviation are summed
  /// in the order given; the order statistics are selected, not sorted.
  public init?(_ values: [Double]) {
    guard !values.isEmpty else { return nil }
    n = values.count
    // Two-pass mean and variance, for accuracy on large sets.
    let mean = values.reduce(0, +) / Double(n)
    self.mean = mean
    if n > 1 {
      let squares = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
      standardDeviation = (squares / Double(n - 1)).squareRoot()
    }
    let count = values.count
    let fractions = [0.10, 0.25, 0.50, 0.75, 0.90]
    let ranked = OrderStatistics.values(
      at: [0, count - 1] + fractions.flatMap { Self.ranks(of: $0, count: count) }, of: values)
    func percentile(_ p: Double) -> Double { Self.percentile(p, count: count) { ranked[$0]! } }
    min = ranked[0]!
    max = ranked[count - 1]!
    p10 = percentile(0.10)
    p25 = percentile(0.25)
    median = percentile(0.50)
    p75 = percentile(0.75)
    p90 = percentile(0.90)
  }

  /// The two ranks the percentile `p` of `count` values interpolates between.
  private static func ranks(of p: Double, count: Int) -> [Int] {
    let low = Int((Double(count - 1) * p).rounded(.down))
    return [low, Swift.min(low + 1, count - 1)]
  }

  /// The percentile `p` (0–1) of sorted values, by linear interpolation.
  public static func percentile(_ sorted: [Double], _ p: Double) -> Double {
    percentile(p, count: sorted.count) { sorted[$0] }
  }

  /// The percentile `p` of `count` values whose value at each rank `valueAt` gives.
  static func percentile(_ p: Double, count: Int, valueAt: (Int) -> Double) -> Double {
    let h = Double(count - 1) * p
    let low = Int(h.rounded(.down))
    let high = Swift.min(low + 1, count - 1)
    return valueAt(low) + (h - Double(low)) * (valueAt(high) - valueAt(low))
  }

  /// 100 × (peers below + ½ · peers equal) / n: the mid-rank percentile rank of `score`.
  public static func percentileRank(of score: Double, among values: [Double]) -> Double? {
    guard !values.isEmpty else { return nil }
    let (below, equal) = counts(around: score, among: values)
    return percentileRank(below: below, equal: equal, of: values.count)
  }

  /// How many of `values` are below `score`, and how many equal it (one pass).
  static func counts(around score: Double, among values: [Double]) -> (below: Int, equal: Int) {
    var below = 0
    var equal = 0
    for value in values {
      if value < score { below += 1 } else if value == score { equal += 1 }
    }
    return (below, equal)
  }

  /// The percentile rank of a score with `below` values below it and `equal` equal to it, of `count`.
  static func percentileRank(below: Int, equal: Int, of count: Int) -> Double {
    100 * (Double(below) + 0.5 * Double(equal)) / Double(count)
  }
}
