import CSV
import InterfaceText

/// A ranking's sensitivity to the weights in JSON, CSV or text; authorities by id only.
public enum SensitivityRenderers {
  public static let csvColumns = [
    "authority_id", "nominal_rank", "median_rank", "rank_p5", "rank_p95", "range_width",
  ]

  public static func json(_ result: RankSensitivity) -> String {
    JSONValue.object([
      ("questionnaire", .string(result.questionnaire)),
      ("version", .string(result.version)),
      ("runs", .integer(result.runs)),
      ("spread", .number(result.spread)),
      ("seed", .number(Double(result.seed))),
      ("authorities", .integer(result.authorities)),
      ("excluded", .integer(result.excluded)),
      ("swapShare", .number(result.swapShare)),
      ("medianRangeWidth", .number(result.medianRangeWidth)),
      (
        "ranks",
        .array(
          result.ranks.map { rank in
            .object([
              ("authorityId", .string(rank.authorityId)), ("nominalRank", .number(rank.nominalRank)),
              ("medianRank", .number(rank.medianRank)), ("rankP5", .number(rank.rankP5)),
              ("rankP95", .number(rank.rankP95)), ("rangeWidth", .number(rank.rangeWidth)),
            ])
          })
      ),
    ]).text
  }

  /// One row per authority, numbers unrounded.
  public static func csv(_ result: RankSensitivity) -> [UInt8] {
    var writer = CSVWriter()
    writer.write(csvColumns)
    for rank in result.ranks {
      writer.write(
        [rank.authorityId]
          + [rank.nominalRank, rank.medianRank, rank.rankP5, rank.rankP95, rank.rangeWidth].map(
            JSONValue.format))
    }
    return writer.bytes
  }

  /// What was sampled and what moved, then one line per authority by nominal rank.
  public static func text(_ result: RankSensitivity, texts: TextCatalogue) -> String {
    /// A rank with one decimal, without it when it rounds to a whole rank (`21`, not `21.0`).
    func rank(_ value: Double) -> String {
      let rounded = (value * 10).rounded() / 10
      return rounded == rounded.rounded()
        ? ScoreDisplay.number(rounded, decimals: 0) : ScoreDisplay.decimal(rounded, texts)
    }
    func factor(_ value: Double) -> String {
      ScoreDisplay.number(value, decimals: 2).replacingOccurrences(
        of: ".", with: texts("number.decimalSeparator"))
    }
    let summary = [
      texts("sensitivity.title", ["questionnaire": result.questionnaire, "version": result.version]),
      texts(
        "sensitivity.summary",
        [
          "authorities": "\(result.authorities)", "excluded": "\(result.excluded)", "runs": "\(result.runs)",
          "low": factor(1 - result.spread),
          "high": factor(1 + result.spread),
          "seed": "\(result.seed)",
        ]),
      texts(
        "sensitivity.swaps",
        [
          "share": result.swapShare.map {
            texts("number.percent", ["value": ScoreDisplay.decimal($0 * 100, texts)])
          } ?? "—",
          "width": result.medianRangeWidth.map(rank) ?? "—",
        ]),
    ]
    let header = [
      texts("sensitivity.authority"), texts("sensitivity.nominalRank"), texts("sensitivity.medianRank"),
      texts("sensitivity.range"), texts("sensitivity.width"),
    ]
    let rows = result.ranks.map { row in
      [
        row.authorityId, rank(row.nominalRank), rank(row.medianRank),
        "\(rank(row.rankP5))–\(rank(row.rankP95))", rank(row.rangeWidth),
      ]
    }
    return summary.joined(separator: "\n") + "\n\n" + TextTable.lines(header, rows).joined(separator: "\n")
      + "\n\n"
      + texts("sensitivity.note") + "\n"
  }
}
