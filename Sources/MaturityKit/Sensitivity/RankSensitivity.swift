import CSV
import Foundation
import Parallel

/// How a ranking's sensitivity is sampled.
public struct SensitivityOptions: Sendable, Equatable {
  /// The largest number of runs accepted (every run's rank of every authority is held).
  public static let maximumRuns = 10_000
  /// The largest seed accepted: 2^53 − 1, which every JSON reader holds exactly.
  public static let maximumSeed: UInt64 = (1 << 53) - 1

  /// Reweightings drawn.
  public var runs: Int
  /// Each weight is multiplied by a factor drawn uniformly in [1 − spread, 1 + spread].
  public var spread: Double
  /// Seed of the ``SeededRandom`` the factors are drawn from.
  public var seed: UInt64
  /// Threads the runs are shared among (the result does not depend on it).
  public var threads: Int

  public init(
    runs: Int = 1000, spread: Double = 0.2, seed: UInt64 = 1,
    threads: Int = ProcessInfo.processInfo.activeProcessorCount
  ) {
    self.runs = runs
    self.spread = spread
    self.seed = seed
    self.threads = max(1, threads)
  }
}

/// How much a network's ranking by overall score depends on the weights (the OECD/JRC practice
/// for composite indicators): every dimension's and question's weight is multiplied by a random
/// factor in [1 − spread, 1 + spread], the overall scores are recomputed, and the authorities
/// ranked again, many times.
///
/// Rank 1 is the highest overall score; authorities with equal scores share the average of
/// their positions (2.5 for two tied in second place). Percentiles interpolate linearly between
/// the runs' ranks, as every percentile of the project does.
public struct RankSensitivity: Codable, Sendable, Equatable {
  /// One authority's ranks; its id only (outputs about ranks never name an authority).
  public struct AuthorityRanks: Codable, Sendable, Equatable {
    public var authorityId: String
    /// Its rank under the questionnaire's own weights.
    public var nominalRank: Double
    public var medianRank: Double
    /// The 5th and 95th percentiles of its rank over the runs: its 90 % range.
    public var rankP5: Double
    public var rankP95: Double
    /// `rankP95 − rankP5`.
    public var rangeWidth: Double
  }

  public var questionnaire: String
  public var version: String
  public var runs: Int
  public var spread: Double
  public var seed: UInt64
  /// Authorities ranked.
  public var authorities: Int
  /// Authorities left out for want of an overall score (insufficient data).
  public var excluded: Int
  /// Over all pairs of authorities and all runs, the share of (pair, run) whose order differs
  /// from their order under the nominal weights; nil with fewer than two authorities.
  public var swapShare: Double?
  /// The median of the authorities' 90 %-range widths; nil without authorities.
  public var medianRangeWidth: Double?
  /// By nominal rank, then id.
  public var ranks: [AuthorityRanks]

  /// The sensitivity of the ranking of `peers` (each authority once, as ``PeerGroup/peers``
  /// gives them); the authorities read from answers-shape files are scored again from
  /// `answers` under each run's weights.
  public init(
    _ peers: PeerSet, answers: PeerAnswers = PeerAnswers(), questionnaire: Questionnaire,
    options: SensitivityOptions = SensitivityOptions()
  ) {
    self.questionnaire = questionnaire.id
    version = questionnaire.version
    runs = options.runs
    spread = options.spread
    seed = options.seed
    var (model, rows) = Self.model(peers, answers, questionnaire)
    let ones = ArraySlice(repeatElement(1.0, count: model.factorCount))
    var nominal = [Double](repeating: .nan, count: model.count)
    nominal.withUnsafeMutableBufferPointer { model.overall(ones, into: $0) }
    if nominal.contains(where: \.isNaN) {
      let kept = nominal.indices.filter { !nominal[$0].isNaN }
      (model, rows) = Self.model(peers, answers, questionnaire, rows: kept.map { rows[$0] })
      nominal = kept.map { nominal[$0] }
    }
    authorities = rows.count
    excluded = peers.count - rows.count
    let counter = RankCounter(nominal: nominal)
    let sample = Self.sample(model, nominal: nominal, options: options)
    let pairs = rows.count * (rows.count - 1) / 2
    swapShare =
      pairs > 0 && options.runs > 0 ? Double(sample.differing) / (Double(pairs) * Double(options.runs)) : nil
    var ranks = rows.indices.map { row in
      let (median, p5, p95) = sample.percentiles[row]
      return AuthorityRanks(
        authorityId: peers.authorities[rows[row]].id, nominalRank: counter.nominalRanks[row],
        medianRank: median, rankP5: p5, rankP95: p95, rangeWidth: p95 - p5)
    }
    ranks.sort { ($0.nominalRank, $0.authorityId) < ($1.nominalRank, $1.authorityId) }
    self.ranks = ranks
    medianRangeWidth =
      ranks.isEmpty ? nil : PeerStatistics.percentile(ranks.map(\.rangeWidth).sorted(), 0.5)
  }

  /// The rows of `peers` with an overall score (or `rows`), and how to recompute it.
  private static func model(
    _ peers: PeerSet, _ answers: PeerAnswers, _ questionnaire: Questionnaire, rows: [Int]? = nil
  ) -> (ReweightedScores, [Int]) {
    let dimensions = questionnaire.dimensions.count
    let rows = rows ?? peers.authorities.indices.filter { peers.score($0, dimensions) != nil }
    var scores: [Double] = []
    scores.reserveCapacity(rows.count * dimensions)
    var slots: [Int32] = []
    slots.reserveCapacity(rows.count)
    for row in rows {
      let authority = peers.authorities[row]
      slots.append(answers.slot(id: authority.id, year: authority.year).map { Int32($0) } ?? -1)
      for dimension in 0..<dimensions { scores.append(peers.score(row, dimension) ?? .nan) }
    }
    return (
      ReweightedScores(questionnaire: questionnaire, scores: scores, slots: slots, answers: answers), rows
    )
  }
}

// MARK: - Sampling

extension RankSensitivity {
  struct Sample {
    /// Over all runs, the (pair, run)s ordered otherwise than nominally.
    var differing: Int
    /// Each row's median, 5th and 95th percentile of rank.
    var percentiles: [(Double, Double, Double)]
  }

  /// Draws every run's factors (in run order, from one generator, so that the result does not
  /// depend on the threads), ranks the runs on every thread, and summarises each row's ranks.
  static func sample(_ model: ReweightedScores, nominal: [Double], options: SensitivityOptions) -> Sample {
    let width = model.factorCount
    var random = SeededRandom(seed: options.seed)
    var factors = [Double](repeating: 1, count: options.runs * width)
    for index in factors.indices { factors[index] = 1 - options.spread + 2 * options.spread * random.unit() }
    let count = model.count
    let blockCount = max(1, min(options.threads, options.runs))
    let blocks = (0..<blockCount).map { block in
      (block * options.runs / blockCount)..<((block + 1) * options.runs / blockCount)
    }
    let factorTable = factors
    // Each block: its runs' ranks, run after run (`count` per run), and its differing pairs.
    let ranked = ParallelWork.map(blocks) { _, runs -> ([Float], Int) in
      let counter = RankCounter(nominal: nominal)
      var ranks = [Float](repeating: 0, count: runs.count * count)
      var scores = [Double](repeating: 0, count: count)
      var differing = 0
      for run in runs {
        scores.withUnsafeMutableBufferPointer {
          model.overall(factorTable[(run * width)..<((run + 1) * width)], into: $0)
        }
        let offset = (run - runs.lowerBound) * count
        ranks.withUnsafeMutableBufferPointer { ranks in
          scores.withUnsafeBufferPointer { scores in
            differing += counter.rank(
              scores, into: UnsafeMutableBufferPointer(rebasing: ranks[offset..<(offset + count)]))
          }
        }
      }
      return (ranks, differing)
    }
    return Sample(
      differing: ranked.reduce(0) { $0 + $1.1 },
      percentiles: percentiles(ranked.map(\.0), runs: options.runs, count: count, threads: options.threads))
  }

  /// Each row's median, 5th and 95th percentile over the runs of `blocks` (each run after run,
  /// `count` ranks per run), a tile of rows at a time so that gathering a row's ranks stays in
  /// the cache.
  static func percentiles(_ blocks: [[Float]], runs: Int, count: Int, threads: Int) -> [(
    Double, Double, Double
  )] {
    guard count > 0, runs > 0 else { return Array(repeating: (.nan, .nan, .nan), count: count) }
    let tile = 256
    let tiles = stride(from: 0, to: count, by: tile).map { $0..<min($0 + tile, count) }
    let perTask = max(1, tiles.count / (threads * 4))
    let tasks = stride(from: 0, to: tiles.count, by: perTask).map {
      tiles[$0..<min($0 + perTask, tiles.count)]
    }
    let parts = ParallelWork.map(tasks) { _, tiles -> [(Double, Double, Double)] in
      var result: [(Double, Double, Double)] = []
      var gathered = [Float](repeating: 0, count: tile * runs)
      var values = [Double](repeating: 0, count: runs)
      for rows in tiles {
        var run = 0
        for block in blocks {
          for start in stride(from: 0, to: block.count, by: count) {
            for row in rows { gathered[(row - rows.lowerBound) * runs + run] = block[start + row] }
            run += 1
          }
        }
        for row in rows {
          let first = (row - rows.lowerBound) * runs
          for run in 0..<runs { values[run] = Double(gathered[first + run]) }
          values.sort()
          result.append(
            (
              PeerStatistics.percentile(values, 0.5), PeerStatistics.percentile(values, 0.05),
              PeerStatistics.percentile(values, 0.95)
            ))
        }
      }
      return result
    }
    return parts.flatMap { $0 }
  }
}
