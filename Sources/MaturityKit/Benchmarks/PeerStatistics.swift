/// The distribution of peer scores on one dimension (or overall).
///
/// Standard deviation is the sample one (n − 1), as pandas and DuckDB compute it; percentiles
/// interpolate linearly between order statistics (numpy's default, pandas, DuckDB's
/// `quantile_cont`): for p in [0, 1] and sorted x₀…xₙ₋₁, h = (n − 1)p and the value is
/// x⌊h⌋ + (h − ⌊h⌋)(x⌊h⌋₊₁ − x⌊h⌋).
public struct PeerStatistics: Sendable, Equatable {
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

  /// The statistics of `values`, or nil when there are none.
  public init?(_ values: [Double]) {
    self.init(sorted: ScoreSort.sorted(values))
  }

  /// The statistics of values already sorted, or nil when there are none.
  init?(sorted: [Double]) {
    guard !sorted.isEmpty else { return nil }
    n = sorted.count
    // Two-pass mean and variance, for accuracy on large sets.
    let mean = sorted.reduce(0, +) / Double(n)
    self.mean = mean
    if n > 1 {
      let squares = sorted.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
      standardDeviation = (squares / Double(n - 1)).squareRoot()
    }
    min = sorted[0]
    max = sorted[n - 1]
    p10 = Self.percentile(sorted, 0.10)
    p25 = Self.percentile(sorted, 0.25)
    median = Self.percentile(sorted, 0.50)
    p75 = Self.percentile(sorted, 0.75)
    p90 = Self.percentile(sorted, 0.90)
  }

  /// The percentile `p` (0–1) of sorted values, by linear interpolation.
  public static func percentile(_ sorted: [Double], _ p: Double) -> Double {
    let h = Double(sorted.count - 1) * p
    let low = Int(h.rounded(.down))
    let high = Swift.min(low + 1, sorted.count - 1)
    return sorted[low] + (h - Double(low)) * (sorted[high] - sorted[low])
  }

  /// 100 × (peers below + ½ · peers equal) / n: the mid-rank percentile rank of `score`.
  public static func percentileRank(of score: Double, among values: [Double]) -> Double? {
    guard !values.isEmpty else { return nil }
    return percentileRank(below: values.filter { $0 < score }.count, equal: values.filter { $0 == score }.count, of: values.count)
  }

  /// The percentile rank of a score with `below` values below it and `equal` equal to it, of `count`.
  static func percentileRank(below: Int, equal: Int, of count: Int) -> Double {
    100 * (Double(below) + 0.5 * Double(equal)) / Double(count)
  }
}
