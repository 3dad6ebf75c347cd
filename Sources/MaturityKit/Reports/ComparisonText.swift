import InterfaceText

/// The comparison for a terminal, Markdown or CSV: a table of dimensions against the peer group.
public enum ComparisonTable {
  /// Column headings and one row of cells per dimension and overall, for every renderer.
  static func cells(_ comparison: Comparison, texts: TextCatalogue) -> (header: [String], rows: [[String]]) {
    let language = texts.language
    let header = [
      texts("score.dimension"), texts("score.score"), texts("compare.median"), "P75", "P90",
      texts("compare.rank"),
      texts("compare.ahead"), texts("compare.gapToMedian"),
    ]
    func number(_ value: Double?) -> String { value.map { ScoreDisplay.decimal($0, texts) } ?? "—" }
    func signed(_ value: Double?) -> String {
      guard let value else { return "—" }
      return (value > 0 ? "+" : "") + ScoreDisplay.decimal(value, texts)
    }
    let rows = (comparison.dimensions + [comparison.overall]).map { row -> [String] in
      let name = row.name?.text(language) ?? texts("score.overall")
      guard let peers = row.peers else {
        return [
          name, ScoreDisplay.score(row.score, texts), texts("compare.fewPeers", ["n": "\(row.n)"]), "", "",
          "", "", "",
        ]
      }
      return [
        name, ScoreDisplay.score(row.score, texts), number(peers.median), number(peers.p75),
        number(peers.p90),
        row.percentileRank.map { ScoreDisplay.number($0, decimals: 0) } ?? "—",
        row.peersAhead.map { "\($0) / \(row.n)" } ?? "—", signed(row.gapToMedian),
      ]
    }
    return (header, rows)
  }

  static func heading(_ comparison: Comparison, texts: TextCatalogue) -> String {
    let filters =
      comparison.filters.isEmpty
      ? texts("compare.allPeers") : comparison.filters.map { "\($0.0)=\($0.1)" }.joined(separator: ", ")
    return texts(
      "compare.heading",
      ["authority": comparison.authority.name, "n": "\(comparison.groupSize)", "filters": filters])
  }

  /// Plain text with aligned columns.
  public static func text(_ comparison: Comparison, texts: TextCatalogue) -> String {
    let (header, rows) = cells(comparison, texts: texts)
    let widths = header.indices.map { column in ([header] + rows).map { $0[column].count }.max() ?? 0 }
    func line(_ cells: [String]) -> String {
      cells.enumerated().map { index, cell in
        index == 0
          ? cell.padding(toLength: widths[0], withPad: " ", startingAt: 0) : cell.leftPadded(widths[index])
      }.joined(separator: "  ")
    }
    var out = heading(comparison, texts: texts) + "\n\n" + line(header) + "\n"
    for row in rows { out += line(row) + "\n" }
    out += "\n" + texts("compare.note", ["k": "\(comparison.minimumGroup)"]) + "\n"
    return out
  }

  /// A GitHub-flavoured Markdown table.
  public static func markdown(_ comparison: Comparison, texts: TextCatalogue) -> String {
    let (header, rows) = cells(comparison, texts: texts)
    var out = "# " + ScorecardMarkdown.escape(heading(comparison, texts: texts)) + "\n\n"
    out +=
      "| " + header.joined(separator: " | ") + " |\n|"
      + header.indices.map { $0 == 0 ? " --- |" : " ---: |" }.joined() + "\n"
    for row in rows { out += "| " + row.map(ScorecardMarkdown.escape).joined(separator: " | ") + " |\n" }
    out += "\n" + texts("compare.note", ["k": "\(comparison.minimumGroup)"]) + "\n"
    return out
  }
}
