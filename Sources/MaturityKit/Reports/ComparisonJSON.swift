import InterfaceText

/// The comparison as JSON, following `schemas/comparison.schema.json`.
public enum ComparisonJSON {
  public static func render(_ comparison: Comparison, language: Language) -> String {
    JSONValue.object([
      (
        "questionnaire",
        .object(
          [("id", .string(comparison.questionnaireID)), ("version", .string(comparison.version))]
            + (comparison.carriedFrom.map { [("carriedFrom", EditionCarried.json($0))] } ?? []))
      ),
      ("authority", ScorecardJSON.authority(comparison.authority)),
      (
        "peerGroup",
        .object([
          ("filters", .object(comparison.filters.map { ($0.name, .string($0.value)) })),
          ("n", .integer(comparison.groupSize)),
          ("minGroup", .integer(comparison.minimumGroup)),
          ("files", .array(comparison.sources.map(source))),
        ])
      ),
      ("overall", row(comparison.overall, language)),
      ("dimensions", .array(comparison.dimensions.map { row($0, language) })),
    ]).text
  }

  static func source(_ source: PeerSource) -> JSONValue {
    .object([
      ("file", .string(source.fileName)), ("shape", .string(source.shape.rawValue)),
      ("rows", .integer(source.rows)),
      ("rowsLeftOut", .integer(source.rowsLeftOut)),
    ])
  }

  static func row(_ row: Comparison.Row, _ language: Language) -> JSONValue {
    var pairs: [(String, JSONValue)] = [("id", .string(row.id))]
    if let name = row.name { pairs.append(("name", .string(name.text(language)))) }
    pairs += [
      ("score", .number(row.score)),
      ("peers", statistics(row.peers, n: row.n, showsRange: row.showsRange)),
    ]
    pairs += medianInterval(row)
    pairs += [
      ("percentileRank", .number(row.percentileRank)),
      ("peersAhead", row.peersAhead.map { .integer($0) } ?? .null),
      ("gapToMedian", .number(row.gapToMedian)),
      ("gapToP75", .number(row.gapToP75)),
      ("gapToP90", .number(row.gapToP90)),
    ]
    return .object(pairs)
  }

  /// `medianInterval90` for a small group: `{low, high, confidence, lowRank, highRank}` (the
  /// ends null below 2k peers), or null when no interval reaches 90 %; nothing from 30 peers on.
  static func medianInterval(_ row: Comparison.Row) -> [(String, JSONValue)] {
    guard row.givesMedianInterval else { return [] }
    guard let interval = row.medianInterval else { return [("medianInterval90", .null)] }
    return [
      (
        "medianInterval90",
        .object([
          ("low", .number(interval.low)), ("high", .number(interval.high)),
          ("confidence", .number(interval.confidence)), ("lowRank", .integer(interval.lowRank)),
          ("highRank", .integer(interval.highRank)),
        ])
      )
    ]
  }

  /// `{n, mean, sd, min, p10, p25, median, p75, p90, max}`; values null below k, min/max null below 2k.
  static func statistics(_ statistics: PeerStatistics?, n: Int, showsRange: Bool) -> JSONValue {
    .object([
      ("n", .integer(n)),
      ("mean", .number(statistics?.mean)),
      ("sd", .number(statistics?.standardDeviation)),
      ("min", .number(showsRange ? statistics?.min : nil)),
      ("p10", .number(statistics?.p10)),
      ("p25", .number(statistics?.p25)),
      ("median", .number(statistics?.median)),
      ("p75", .number(statistics?.p75)),
      ("p90", .number(statistics?.p90)),
      ("max", .number(showsRange ? statistics?.max : nil)),
    ])
  }
}
