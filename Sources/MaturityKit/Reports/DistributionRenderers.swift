import CSV
import InterfaceText

/// A network's distribution table in JSON, CSV, Markdown or text.
public enum DistributionRenderers {
  public static func json(_ table: NetworkDistribution) -> String {
    let columns = table.dimensionIDs + ["overall"]
    return JSONValue.object([
      ("groupedBy", .string(groupingName(table.grouping))),
      ("minGroup", .integer(table.minimumGroup)),
      (
        "groups",
        .array(
          table.groups.map { group in
            .object([
              ("group", .string(group.key)), ("n", .integer(group.n)),
              (
                "columns",
                .object(
                  zip(columns, group.cells).map { id, cell in
                    (id, ComparisonJSON.statistics(cell.statistics, n: cell.n, showsRange: cell.showsRange))
                  })
              ),
            ])
          })
      ),
    ]).text
  }

  public static func csv(_ table: NetworkDistribution) -> [UInt8] {
    var writer = CSVWriter()
    writer.write(["group", "column", "n", "mean", "sd", "min", "p10", "p25", "median", "p75", "p90", "max"])
    func number(_ value: Double?) -> String { value.map(JSONValue.format) ?? "" }
    for group in table.groups {
      for (id, cell) in zip(table.dimensionIDs + ["overall"], group.cells) {
        let s = cell.statistics
        writer.write([
          group.key, id, "\(cell.n)", number(s?.mean), number(s?.standardDeviation),
          number(cell.showsRange ? s?.min : nil),
          number(s?.p10), number(s?.p25), number(s?.median), number(s?.p75), number(s?.p90),
          number(cell.showsRange ? s?.max : nil),
        ])
      }
    }
    return writer.bytes
  }

  /// One table of medians (P25–P75 beside each) per group and column.
  public static func markdown(_ table: NetworkDistribution, texts: TextCatalogue) -> String {
    let (header, rows) = cells(table, texts)
    var out =
      "| " + header.joined(separator: " | ") + " |\n|"
      + header.indices.map { $0 == 0 ? " --- |" : " ---: |" }.joined() + "\n"
    for row in rows { out += "| " + row.map(ScorecardMarkdown.escape).joined(separator: " | ") + " |\n" }
    return out + "\n" + texts("stats.note", ["k": "\(table.minimumGroup)"]) + "\n"
  }

  public static func text(_ table: NetworkDistribution, texts: TextCatalogue) -> String {
    let (header, rows) = cells(table, texts)
    return TextTable.lines(header, rows).joined(separator: "\n") + "\n\n"
      + texts("stats.note", ["k": "\(table.minimumGroup)"]) + "\n"
  }

  private static func cells(_ table: NetworkDistribution, _ texts: TextCatalogue) -> ([String], [[String]]) {
    let header = [texts("stats.group"), "n"] + table.dimensionIDs + ["overall"]
    let rows = table.groups.map { group in
      [group.key, "\(group.n)"]
        + group.cells.map { cell in
          guard let s = cell.statistics else { return "—" }
          return
            "\(ScoreDisplay.decimal(s.median, texts)) (\(ScoreDisplay.decimal(s.p25, texts))–\(ScoreDisplay.decimal(s.p75, texts)))"
        }
    }
    return (header, rows)
  }

  static func groupingName(_ grouping: PeerGrouping) -> String {
    switch grouping {
    case .none: "none"
    case .band: "band"
    case .country: "country"
    case .type: "type"
    case .attribute(let name): name
    }
  }

  /// Every authority's gap to its group's median, one row per authority.
  /// `flush` is handed the writer after each row, to write out what it holds (a large
  /// network's gaps need not be held whole).
  public static func gapsCSV(
    _ gaps: GroupGaps, into writer: inout CSVWriter, flush: (inout CSVWriter) throws -> Void = { _ in }
  ) rethrows {
    let columns = gaps.dimensionIDs + ["overall"]
    writer.write(
      ["authority_id", "year", "group"] + columns.flatMap { ["\($0)_score", "\($0)_median", "\($0)_gap"] })
    func number(_ value: Double?) -> String { value.map(JSONValue.format) ?? "" }
    for row in gaps.rows {
      var fields = [row.authority.id, "\(row.authority.year)", row.group]
      for column in columns.indices {
        fields += [number(row.scores[column]), number(row.medians[column]), number(row.gaps[column])]
      }
      writer.write(fields)
      try flush(&writer)
    }
  }
}
