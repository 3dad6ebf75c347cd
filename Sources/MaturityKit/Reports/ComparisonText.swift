import InterfaceText

/// The comparison for a terminal, Markdown or CSV: a table of dimensions against the peer group.
public enum ComparisonTable {
  /// Column headings and one row of cells per dimension and overall, for every renderer.
  static func cells(_ comparison: Comparison, texts: TextCatalogue) -> (header: [String], rows: [[String]]) {
    let language = texts.language
    let intervals = hasIntervals(comparison)
    let header =
      [texts("score.dimension"), texts("score.score"), texts("compare.median")]
      + (intervals ? [texts("compare.interval")] : []) + [
        "P75", "P90", texts("compare.rank"), texts("compare.ahead"), texts("compare.gapToMedian"),
      ]
    func number(_ value: Double?) -> String { value.map { ScoreDisplay.decimal($0, texts) } ?? "—" }
    func interval(_ row: Comparison.Row) -> [String] {
      guard intervals else { return [] }
      guard row.givesMedianInterval else { return [""] }
      guard let interval = row.medianInterval else { return ["—"] }
      if let low = interval.low, let high = interval.high { return ["\(number(low))–\(number(high))"] }
      return [texts("compare.intervalRanks", ["low": "\(interval.lowRank)", "high": "\(interval.highRank)"])]
    }
    let rows = (comparison.dimensions + [comparison.overall]).map { row -> [String] in
      let name = row.name?.text(language) ?? texts("score.overall")
      guard let peers = row.peers else {
        return [name, ScoreDisplay.score(row.score, texts), texts("compare.fewPeers", ["n": "\(row.n)"])]
          + Array(repeating: "", count: header.count - 3)
      }
      return [name, ScoreDisplay.score(row.score, texts), number(peers.median)] + interval(row) + [
        number(peers.p75), number(peers.p90),
        row.percentileRank.map { ScoreDisplay.number($0, decimals: 0) } ?? "—",
        row.peersAhead.map { "\($0) / \(row.n)" } ?? "—", ScoreDisplay.gap(row.gapToMedian, texts),
      ]
    }
    return (header, rows)
  }

  /// Whether a row gives the median's interval (a small group), so the table has its column.
  static func hasIntervals(_ comparison: Comparison) -> Bool {
    (comparison.dimensions + [comparison.overall]).contains(where: \.givesMedianInterval)
  }

  /// The notes under the table: how to read it, the median's interval, and how much a rank in a
  /// small group moves.
  static func notes(_ comparison: Comparison, texts: TextCatalogue) -> String {
    var notes = [texts("compare.note", ["k": "\(comparison.minimumGroup)"])]
    if hasIntervals(comparison) {
      notes.append(
        texts(
          "compare.intervalNote",
          ["large": "\(MedianInterval.largeGroup)", "k2": "\(2 * comparison.minimumGroup)"]))
    }
    if let sentence = smallGroupSentence(comparison, texts: texts) { notes.append(sentence) }
    return notes.joined(separator: "\n") + "\n"
  }

  /// "With 14 peers, one more or one fewer can move the percentile rank by about 7 points…", for
  /// a group under ``MedianInterval/largeGroup``.
  static func smallGroupSentence(_ comparison: Comparison, texts: TextCatalogue) -> String? {
    guard comparison.isSmallGroup, comparison.groupSize > 0 else { return nil }
    return texts(
      "compare.smallGroup",
      [
        "n": "\(comparison.groupSize)",
        "points": ScoreDisplay.number(100 / Double(comparison.groupSize), decimals: 0),
      ])
  }

  static func heading(_ comparison: Comparison, texts: TextCatalogue) -> String {
    let filters =
      comparison.filters.isEmpty
      ? texts("compare.allPeers")
      : comparison.filters.map { "\($0.name)=\($0.value)" }.joined(separator: ", ")
    return texts(
      "compare.heading",
      ["authority": comparison.authority.name, "n": "\(comparison.groupSize)", "filters": filters])
  }

  /// Plain text with aligned columns.
  public static func text(_ comparison: Comparison, texts: TextCatalogue) -> String {
    let (header, rows) = cells(comparison, texts: texts)
    var out = heading(comparison, texts: texts) + "\n"
    if let carried = comparison.carriedFrom { out += carried.sentence(texts) + "\n" }
    out += "\n"
    for line in TextTable.lines(header, rows) { out += line + "\n" }
    out += "\n" + notes(comparison, texts: texts)
    return out
  }

  /// A GitHub-flavoured Markdown table.
  public static func markdown(_ comparison: Comparison, texts: TextCatalogue) -> String {
    let (header, rows) = cells(comparison, texts: texts)
    var out = "# " + ScorecardMarkdown.escape(heading(comparison, texts: texts)) + "\n\n"
    if let carried = comparison.carriedFrom {
      out += ScorecardMarkdown.escape(carried.sentence(texts)) + "\n\n"
    }
    out +=
      "| " + header.joined(separator: " | ") + " |\n|"
      + header.indices.map { $0 == 0 ? " --- |" : " ---: |" }.joined() + "\n"
    for row in rows { out += "| " + row.map(ScorecardMarkdown.escape).joined(separator: " | ") + " |\n" }
    out += "\n" + notes(comparison, texts: texts).split(separator: "\n").joined(separator: "\n\n") + "\n"
    return out
  }
}
