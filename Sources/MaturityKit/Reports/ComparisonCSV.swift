import CSV

/// The comparison as CSV: one row per dimension and overall, numbers unrounded. The median's
/// 90 % interval (small groups only) fills the last five columns: its ends (empty below 2k peers),
/// its confidence and the ranks of its ends.
public enum ComparisonCSV {
  public static let columns = [
    "authority_id", "dimension", "score", "n", "mean", "sd", "min", "p10", "p25", "median", "p75", "p90",
    "max",
    "percentile_rank", "peers_ahead", "gap_to_median", "gap_to_p75", "gap_to_p90", "median_low90",
    "median_high90",
    "median_confidence90", "median_low_rank90", "median_high_rank90",
  ]

  public static func render(_ comparison: Comparison) -> [UInt8] {
    var writer = CSVWriter()
    writer.write(columns)
    func number(_ value: Double?) -> String { value.map(JSONValue.format) ?? "" }
    for row in comparison.dimensions + [comparison.overall] {
      let peers = row.peers
      let interval = row.medianInterval
      writer.write([
        comparison.authority.id, row.id, number(row.score), "\(row.n)", number(peers?.mean),
        number(peers?.standardDeviation),
        number(row.showsRange ? peers?.min : nil), number(peers?.p10), number(peers?.p25),
        number(peers?.median),
        number(peers?.p75), number(peers?.p90), number(row.showsRange ? peers?.max : nil),
        number(row.percentileRank),
        row.peersAhead.map(String.init) ?? "", number(row.gapToMedian), number(row.gapToP75),
        number(row.gapToP90),
        number(interval?.low), number(interval?.high), number(interval?.confidence),
        interval.map { "\($0.lowRank)" } ?? "", interval.map { "\($0.highRank)" } ?? "",
      ])
    }
    return writer.bytes
  }
}
