import InterfaceText

/// The comparison for a terminal, Markdown or CSV: a table of dimensions against the peer group.
public enum ComparisonTable {
  /// Column headings and one row of cells per dimension and overall, for every renderer.
  static func cells(_ comparison: Comparison, texts: TextCatalogue) -> (header: [String], rows: [[String]]) {
    let language = texts.language
    let header = [
      texts("score.dimension"), texts("score.score"), texts("compare.median"), "P75", "P90", texts("compare.rank"),
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
        return [name, ScoreDisplay.score(row.score, texts), texts("compare.fewPeers", ["n": "\(row.n)"]), "", "", "", "", ""]
      }
      return [
        name, ScoreDisplay.score(row.score, texts), number(peers.median), number(peers.p75), number(peers.p90),
        row.percentileRank.map { ScoreDisplay.number($0, decimals: 0) } ?? "—",
        row.peersAhead.map { "\($0) / \(row.n)" } ?? "—", signed(row.gapToMedian),
      ]
    }
    return (header, rows)
  }

  static func heading(_ comparison: Comparison, texts: TextCatalogue) -> String {
    let filters = comparison.filters.isEmpty ? texts("compare.allPeers") : comparison.filters.map { "\($0.0)=\($0.1)" }.joined(separator: ", ")
    return texts("compare.heading", ["authority": comparison.authority.name, "n": "\(comparison.groupSize)", "filters": filters])
  }

  /// Plain text with aligned columns.
  public static func text(_ comparison: Comparison, texts: TextCatalogue) -> String {
    let (header, rows) = cells(comparison, texts: texts)
    var out = heading(comparison, texts: texts) + "\n\n"
    for line in TextTable.lines(header, rows) { out += line + "\n" }
    out += "\n" + texts("compare.note", ["k": "\(comparison.minimumGroup)"]) + "\n"
    return out
  }

  /// A GitHub-flavoured Markdown table.
  public static func markdown(_ comparison: Comparison, texts: TextCatalogue) -> String {
    let (header, rows) = cells(comparison, texts: texts)
    var out = "# " + ScorecardMarkdown.escape(heading(comparison, texts: texts)) + "\n\n"
    out += "| " + header.joined(separator: " | ") + " |\n|" + header.indices.map { $0 == 0 ? " --- |" : " ---: |" }.joined() + "\n"
    for row in rows { out += "| " + row.map(ScorecardMarkdown.escape).joined(separator: " | ") + " |\n" }
    out += "\n" + texts("compare.note", ["k": "\(comparison.minimumGroup)"]) + "\n"
    return out
  }
}
