import Foundation

/// A distribution-free 90 % confidence interval for the median of the authorities a small peer
/// group stands for, from order statistics and the binomial distribution.
///
/// Of n peer scores sorted X₍₁₎ ≤ … ≤ X₍ₙ₎, the interval [X₍ₗ₎, X₍ᵤ₎] with u = n + 1 − l holds the
/// median with probability P(l ≤ B ≤ u − 1) = 1 − 2·P(B ≤ l − 1), B ~ Binomial(n, ½), whatever
/// the scores' distribution. l is the largest rank whose coverage is still at least 90 %; the
/// coverage actually reached is the `confidence`. With n ≤ 4 even [min, max] reaches only
/// 1 − 2/2ⁿ ≤ 87.5 %, and there is no interval.
///
/// Privacy: the ends are peer scores, so they are given only where min and max may be shown
/// (n ≥ 2k); below that, only the ranks and the confidence.
public struct MedianInterval: Sendable, Equatable, Codable {
  /// The ranks of the ends among the sorted scores, from 1.
  public var lowRank: Int
  public var highRank: Int
  /// The exact coverage, at least ``level``.
  public var confidence: Double
  /// X₍lowRank₎ and X₍highRank₎; nil when withheld (fewer than 2k peers).
  public var low: Double?
  public var high: Double?

  /// The coverage asked for.
  public static let level = 0.90
  /// Groups of this many scored peers or more get no interval: their percentiles are steady.
  public static let largeGroup = 30

  /// The interval of `values` (unsorted), with its ends when `showsEnds`; nil when no interval
  /// reaches ``level``.
  public init?(_ values: [Double], showsEnds: Bool) {
    guard let ranks = Self.ranks(count: values.count) else { return nil }
    lowRank = ranks.low
    highRank = ranks.high
    confidence = ranks.confidence
    if showsEnds {
      let ends = OrderStatistics.values(at: [ranks.low - 1, ranks.high - 1], of: values)
      low = ends[ranks.low - 1]
      high = ends[ranks.high - 1]
    }
  }

  /// The symmetric ranks (l, n + 1 − l) with the largest l whose coverage 1 − 2·P(B ≤ l − 1)
  /// is at least `level`, and that coverage; nil when even l = 1 falls short.
  public static func ranks(count n: Int, level: Double = level) -> (low: Int, high: Int, confidence: Double)?
  {
    var best: (low: Int, high: Int, confidence: Double)?
    var low = 1
    while low < n + 1 - low {
      let confidence = 1 - 2 * binomialCDF(low - 1, trials: n)
      guard confidence >= level else { break }
      best = (low, n + 1 - low, confidence)
      low += 1
    }
    return best
  }

  /// P(B ≤ k) for B ~ Binomial(`trials`, ½): Σᵢ₌₀ᵏ C(n, i) / 2ⁿ, the binomial coefficients by
  /// iterated products. Exact (each coefficient and 2ⁿ are integers a Double holds) up to n = 50
  /// or so, then rounded once.
  public static func binomialCDF(_ k: Int, trials n: Int) -> Double {
    guard k >= 0 else { return 0 }
    guard k < n else { return 1 }
    var coefficient = 1.0
    var sum = 1.0
    for i in 0..<k {
      coefficient = coefficient * Double(n - i) / Double(i + 1)
      sum += coefficient
    }
    return sum / pow(2, Double(n))
  }
}
