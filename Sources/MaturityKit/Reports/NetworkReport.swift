import CSV
import Foundation
import InterfaceText
import Mustache

/// A network's report: members side by side (named, or coded with `anonymous`), each
/// dimension's distribution, and how many members reach each level. Aggregates over fewer than
/// k members are withheld.
public struct NetworkReport: Sendable {
  public struct Member: Sendable {
    public var label: String
    public var population: Int?
    public var scores: [Double?]
    public var overall: Double?
    public var levels: [String?]
  }

  public let questionnaire: Questionnaire
  public let members: [Member]
  public let distribution: NetworkDistribution
  /// Per dimension (then overall), members per level id; nil when the dimension has fewer than k scores.
  public let levelCounts: [[String: Int]?]
  public let minimumGroup: Int
  public let sources: [PeerSource]
  /// Questions most often weak (credit under ½) among members whose answers are known, with how
  /// many are weak out of how many it applies to; only questions that apply to at least k members.
  public let weakQuestions: [(question: Question, weak: Int, of: Int)]

  /// `scorecards` are the members' full scores when they come from responses (for weak questions).
  public init(
    questionnaire: Questionnaire, peers: PeerSet, anonymous: Bool, minimumGroup: Int,
    scorecards: [Scorecard] = []
  ) {
    self.questionnaire = questionnaire
    self.minimumGroup = minimumGroup
    sources = peers.sources
    let peers = peers.oneYearPerAuthority()
    // Levels from the one level function: a member's own scorecard when it came from a response,
    // else its scores alone (a level behind a gate is then not granted).
    let cards = Dictionary(
      scorecards.map { ("\($0.authority.id)/\($0.year ?? 0)", $0) }, uniquingKeysWith: { first, _ in first })
    let order = peers.authorities.indices.sorted { a, b in
      let (x, y) = (peers.score(a, peers.width - 1) ?? -1, peers.score(b, peers.width - 1) ?? -1)
      return x != y ? x > y : peers.authorities[a].id < peers.authorities[b].id
    }
    let members = order.enumerated().map { rank, row in
      let authority = peers.authorities[row]
      let scores = (0..<peers.width).map { peers.score(row, $0) }
      return Member(
        label: anonymous ? "M\(String(format: "%03d", rank + 1))" : (authority.name ?? authority.id),
        population: authority.population,
        scores: Array(scores.dropLast()), overall: scores.last!,
        levels: (cards["\(authority.id)/\(authority.year)"]?.levels ?? questionnaire.levels(ofScores: scores))
          .map { $0?.id })
    }
    self.members = members
    distribution = NetworkDistribution(
      peers, grouping: .none, bands: PopulationBands(bounds: []), minimumGroup: minimumGroup)
    var counts: [String: (weak: Int, of: Int)] = [:]
    for card in scorecards {
      for question in card.dimensions.flatMap(\.questions) where question.maxPoints.map({ $0 > 0 }) ?? false {
        let current = counts[question.id] ?? (0, 0)
        counts[question.id] = (current.weak + ((question.credit ?? 0) < 0.5 ? 1 : 0), current.of + 1)
      }
    }
    var weak: [(question: Question, weak: Int, of: Int)] = []
    for question in questionnaire.questions {
      guard let count = counts[question.id], count.of >= minimumGroup, count.weak > 0 else { continue }
      weak.append((question, count.weak, count.of))
    }
    weak.sort { Double($0.weak) * Double($1.of) > Double($1.weak) * Double($0.of) }
    weakQuestions = Array(weak.prefix(5))
    levelCounts = (0..<peers.width).map { column in
      let levels = members.compactMap { $0.levels[column] }
      guard levels.count >= minimumGroup else { return nil }
      return Dictionary(grouping: levels, by: { $0 }).mapValues(\.count)
    }
  }
}

/// Renders network reports.
public enum NetworkReportRenderer {
  static func context(_ report: NetworkReport, texts: TextCatalogue, escape: (String) -> String, charts: Bool)
    -> [String: Any]
  {
    let language = texts.language
    let dimensionNames = report.questionnaire.dimensions.map { $0.name.text(language) }
    let columns = dimensionNames + [texts("score.overall")]
    let cells = report.distribution.groups.first?.cells ?? []
    func score(_ value: Double?) -> String { ScoreDisplay.score(value, texts) }
    var context: [String: Any] = [
      "lang": language.code,
      "title": escape(texts("network.title", ["questionnaire": report.questionnaire.title.text(language)])),
      "subtitle": escape(
        texts(
          "network.subtitle",
          ["n": "\(report.members.count)", "files": report.sources.map(\.fileName).joined(separator: ", ")])),
      "labels": Dictionary(
        uniqueKeysWithValues: [
          "ranking", "member", "distribution", "levels", "method", "median", "column", "weakTitle",
          "weakShare",
        ].map { ($0, escape(texts("network.\($0)"))) }
          + [("question", escape(texts("report.question")))]),
      "columns": columns.map(escape),
      "members": report.members.enumerated().map { rank, member -> [String: Any] in
        [
          "rank": "\(rank + 1)", "label": escape(member.label),
          "scores": (member.scores + [member.overall]).map(score),
        ]
      },
      "distribution": zip(columns, cells).map { name, cell -> [String: Any] in
        let s = cell.statistics
        return [
          "name": escape(name), "n": "\(cell.n)", "p25": s.map { ScoreDisplay.decimal($0.p25, texts) } ?? "—",
          "median": s.map { ScoreDisplay.decimal($0.median, texts) } ?? "—",
          "p75": s.map { ScoreDisplay.decimal($0.p75, texts) } ?? "—",
          "p90": s.map { ScoreDisplay.decimal($0.p90, texts) } ?? "—",
        ]
      },
      "levelNames": report.questionnaire.levels.map { escape($0.name.text(language)) },
      "levelRows": zip(columns, report.levelCounts).map { name, counts -> [String: Any] in
        [
          "name": escape(name),
          "counts": report.questionnaire.levels.map { level in counts.map { "\($0[level.id] ?? 0)" } ?? "—" },
        ]
      },
      "method": escape(texts("network.methodNote", ["k": "\(report.minimumGroup)"])),
      "hasWeak": !report.weakQuestions.isEmpty,
      "weak": report.weakQuestions.map { item -> [String: Any] in
        [
          "text": escape(item.question.text.text(language)),
          "share": ScoreDisplay.percent(Double(item.weak) / Double(item.of), texts),
          "count": "\(item.weak) / \(item.of)",
        ]
      },
    ]
    if charts {
      context["heatmap"] = NetworkCharts.heatmap(
        title: texts("network.chart.heatmap"),
        rows: report.members.map { ($0.label, $0.scores + [$0.overall]) }, columns: columns)
      context["boxplots"] = NetworkCharts.boxplots(
        title: texts("network.chart.boxplots"), columns: columns, cells: cells)
    }
    return context
  }

  public static func html(_ report: NetworkReport, texts: TextCatalogue) -> String {
    GapReportRenderer.library.render(
      context(report, texts: texts, escape: { $0 }, charts: true), withTemplate: "network.html") ?? ""
  }

  public static func markdown(_ report: NetworkReport, texts: TextCatalogue) -> String {
    GapReportRenderer.library.render(
      context(report, texts: texts, escape: ScorecardMarkdown.escape, charts: false),
      withTemplate: "network.md") ?? ""
  }

  public static func json(_ report: NetworkReport, language: Language) -> String {
    let ids = report.questionnaire.dimensions.map(\.id) + ["overall"]
    let cells = report.distribution.groups.first?.cells ?? []
    return JSONValue.object([
      (
        "questionnaire",
        .object([
          ("id", .string(report.questionnaire.id)), ("version", .string(report.questionnaire.version)),
        ])
      ),
      ("minGroup", .integer(report.minimumGroup)),
      (
        "members",
        .array(
          report.members.map { member in
            .object([
              ("name", .string(member.label)),
              ("scores", .object(zip(ids, member.scores + [member.overall]).map { ($0, .number($1)) })),
              ("levels", .object(zip(ids, member.levels).map { ($0, $1.map(JSONValue.string) ?? .null) })),
            ])
          })
      ),
      (
        "distribution",
        .object(
          zip(ids, cells).map {
            ($0, ComparisonJSON.statistics($1.statistics, n: $1.n, showsRange: $1.showsRange))
          })
      ),
      (
        "weakQuestions",
        .array(
          report.weakQuestions.map {
            .object([("id", .string($0.question.id)), ("weak", .integer($0.weak)), ("of", .integer($0.of))])
          })
      ),
      (
        "levels",
        .object(
          zip(ids, report.levelCounts).map { id, counts in
            (
              id,
              counts.map { c in .object(report.questionnaire.levels.map { ($0.id, .integer(c[$0.id] ?? 0)) })
              } ?? .null
            )
          })
      ),
    ]).text
  }

  public static func csv(_ report: NetworkReport) -> [UInt8] {
    var writer = CSVWriter()
    writer.write(["rank", "member"] + report.questionnaire.dimensions.map(\.id) + ["overall"])
    for (rank, member) in report.members.enumerated() {
      writer.write(
        ["\(rank + 1)", member.label]
          + (member.scores + [member.overall]).map { $0.map(JSONValue.format) ?? "" })
    }
    return writer.bytes
  }
}

/// The network report's charts.
enum NetworkCharts {
  /// Members × dimensions, each cell shaded by its score (light to dark blue), with the value written.
  static func heatmap(title: String, rows: [(String, [Double?])], columns: [String]) -> String {
    let left = 190.0
    let cellWidth = 74.0
    let cellHeight = 20.0
    let top = 120.0
    let width = Int(left + cellWidth * Double(columns.count) + 10)
    let height = Int(top + cellHeight * Double(rows.count) + 10)
    var svg = SVGCharts.open("heatmap", title: title, width: width, height: height)
    for (index, column) in columns.enumerated() {
      let x = left + cellWidth * Double(index) + cellWidth / 2
      svg +=
        "<text x=\"\(SVGCharts.number(x))\" y=\"\(top - 8)\" font-size=\"10\" text-anchor=\"start\" transform=\"rotate(-30 \(SVGCharts.number(x)) \(top - 8))\" fill=\"#222\">\(SVGCharts.escape(String(column.prefix(28))))</text>"
    }
    for (row, (label, values)) in rows.enumerated() {
      let y = top + cellHeight * Double(row)
      svg +=
        "<text x=\"\(left - 6)\" y=\"\(SVGCharts.number(y + 14))\" text-anchor=\"end\" font-size=\"11\" fill=\"#222\">\(SVGCharts.escape(String(label.prefix(30))))</text>"
      for (column, value) in values.enumerated() {
        let x = left + cellWidth * Double(column)
        let fill = value.map(shade) ?? "#eeeeee"
        svg +=
          "<rect x=\"\(SVGCharts.number(x))\" y=\"\(SVGCharts.number(y))\" width=\"\(cellWidth - 2)\" height=\"\(cellHeight - 2)\" fill=\"\(fill)\"/>"
        let ink = (value ?? 0) > 55 ? "#fff" : "#111"
        svg +=
          "<text x=\"\(SVGCharts.number(x + cellWidth / 2 - 1))\" y=\"\(SVGCharts.number(y + 14))\" text-anchor=\"middle\" font-size=\"10\" fill=\"\(ink)\">\(value.map { SVGCharts.number($0) } ?? "–")</text>"
      }
    }
    return svg + "</svg>"
  }

  /// From light (#e8f0f8) at 0 to dark blue (#1f4e79) at 100.
  static func shade(_ value: Double) -> String {
    let t = min(1, max(0, value / 100))
    let (r, g, b) = (232 + (31 - 232) * t, 240 + (78 - 240) * t, 248 + (121 - 248) * t)
    return "rgb(\(Int(r.rounded())),\(Int(g.rounded())),\(Int(b.rounded())))"
  }

  /// A box plot per dimension: P10–P90 whiskers, P25–P75 box, median line; withheld under k.
  static func boxplots(title: String, columns: [String], cells: [NetworkDistribution.Cell]) -> String {
    let left = 270.0
    let width = 400.0
    let rowHeight = 30.0
    func x(_ value: Double) -> Double { left + width * value / 100 }
    var svg = SVGCharts.open(
      "boxplots", title: title, width: 700, height: Int(Double(columns.count) * rowHeight + 40))
    svg += SVGCharts.scale(left: left, width: width, top: 6, bottom: Double(columns.count) * rowHeight + 8)
    for (index, (name, cell)) in zip(columns, cells).enumerated() {
      let y = 10 + Double(index) * rowHeight
      svg +=
        "<text x=\"\(left - 8)\" y=\"\(SVGCharts.number(y + 14))\" text-anchor=\"end\" font-size=\"12\" fill=\"#222\">\(SVGCharts.escape(name))</text>"
      guard let s = cell.statistics else { continue }
      svg +=
        "<line x1=\"\(SVGCharts.number(x(s.p10)))\" y1=\"\(SVGCharts.number(y + 10))\" x2=\"\(SVGCharts.number(x(s.p90)))\" y2=\"\(SVGCharts.number(y + 10))\" stroke=\"#333\"/>"
      svg +=
        "<rect x=\"\(SVGCharts.number(x(s.p25)))\" y=\"\(SVGCharts.number(y + 2))\" width=\"\(SVGCharts.number(x(s.p75) - x(s.p25)))\" height=\"16\" fill=\"#b9d3ee\" stroke=\"#1f4e79\"/>"
      svg +=
        "<line x1=\"\(SVGCharts.number(x(s.median)))\" y1=\"\(SVGCharts.number(y + 1))\" x2=\"\(SVGCharts.number(x(s.median)))\" y2=\"\(SVGCharts.number(y + 19))\" stroke=\"#b34700\" stroke-width=\"2.5\"/>"
    }
    return svg + "</svg>"
  }
}
