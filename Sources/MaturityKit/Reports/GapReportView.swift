import Foundation
import InterfaceText
import Mustache

/// Lays a ``GapReport`` out for the templates in `Reports/Templates`: every number formatted for
/// the language, every text from the catalogue or the questionnaire, charts as SVG.
enum GapReportView {
  /// The template context. `escape` prepares user text for the format (identity for HTML, where
  /// the template escapes; Markdown escaping for Markdown).
  static func context(_ report: GapReport, texts: TextCatalogue, escape: (String) -> String, charts: Bool)
    -> [String: Any]
  {
    let language = texts.language
    let card = report.scorecard
    func score(_ value: Double?) -> String { ScoreDisplay.score(value, texts) }
    func number(_ value: Double?) -> String { value.map { ScoreDisplay.decimal($0, texts) } ?? "—" }
    func signed(_ value: Double?) -> String {
      guard let value else { return "—" }
      return (value > 0 ? "+" : "") + ScoreDisplay.decimal(value, texts)
    }
    /// The peer median, with its 90 % interval where a small group has one to show.
    func median(_ row: Comparison.Row?) -> String {
      let median = number(row?.peers?.median)
      guard let interval = row?.medianInterval, let low = interval.low, let high = interval.high else {
        return median
      }
      return escape(
        texts("report.medianInterval", ["median": median, "low": number(low), "high": number(high)]))
    }
    func rank(_ value: Double?) -> String { value.map { ScoreDisplay.number($0, decimals: 0) } ?? "—" }
    func line(_ question: GapReport.QuestionLine) -> [String: Any] {
      let answer =
        question.answerLabel?.text(language) ?? question.answer.map {
          texts("report.answer.\($0.kind)", ["value": $0.formatted])
        } ?? "—"
      let points =
        question.points.map {
          texts(
            "report.pointsOf",
            [
              "points": ScoreDisplay.amount($0, texts),
              "max": ScoreDisplay.amount(question.maxPoints ?? 0, texts),
            ])
        } ?? ""
      let evidence = question.evidence ?? ""
      let lowered = evidence.lowercased()
      let isLink =
        (lowered.hasPrefix("https://") || lowered.hasPrefix("http://"))
        && !evidence.contains(where: \.isWhitespace)
      return [
        "id": question.id, "text": escape(question.text.text(language)),
        "answer": escape(answer == "—" ? answer : texts("report.answerQuoted", ["answer": answer])),
        "points": points,
        "comment": escape(question.comment ?? ""), "evidence": escape(evidence),
        "link": isLink ? evidence : false,
      ]
    }
    let labels = Dictionary(
      uniqueKeysWithValues: [
        "summary", "overallScore", "level", "confirmed", "coverage", "rank", "dimension", "score", "median",
        "howComputed", "explain.overallScore", "explain.level", "explain.confirmed", "explain.coverage",
        "explain.rank",
        "target", "gap",
        "overall", "gapNote", "changeTitle", "change", "byDimension", "insufficientNote", "weakest",
        "strongest",
        "knowledgeGaps", "notesTitle", "question", "comment", "evidence", "methodTitle", "peerFile", "shape",
        "rows",
        "tableCaption",
      ].map { key -> (String, String) in
        let text =
          key == "gapNote"
          ? texts("report.gapNote", ["target": texts("report.target.\(report.target.kind)")])
          : texts("report.\(key)")
        return (key.replacingOccurrences(of: ".", with: "_"), escape(text))
      })
    let hasPeers = report.comparison != nil
    let dimensions: [[String: Any]] = report.dimensions.map { part in
      let dimension = part.score
      let peers = part.peers?.peers
      return [
        "name": escape(dimension.name.text(language)), "score": score(dimension.score),
        "heading": escape(
          texts(
            "report.dimensionHeading",
            ["name": dimension.name.text(language), "score": score(dimension.score)])
            + (dimension.level.map { " · " + $0.name.text(language) } ?? "")),
        "level": escape(dimension.level?.name.text(language) ?? "—"),
        "insufficient": !dimension.sufficientData,
        "hasPeers": hasPeers, "p25": number(peers?.p25), "median": median(part.peers),
        "p75": number(peers?.p75),
        "p90": number(peers?.p90), "rank": rank(part.peers?.percentileRank), "target": number(part.target),
        "gap": ScoreDisplay.gap(part.gap, texts),
        "previous": score(part.previousScore), "change": signed(part.change),
        "coverageLine": escape(
          texts(
            "report.coverageLine",
            [
              "coverage": ScoreDisplay.percent(dimension.totals.coverage, texts),
              "unknown": "\(dimension.totals.unknown)", "unsure": "\(dimension.totals.unsure)",
            ])),
        "heldBack": dimension.heldBack.map { escape(ScorecardText.heldBackNote($0, texts)) } ?? false,
        "weakest": part.weakest.map(line), "hasWeakest": !part.weakest.isEmpty,
        "strongest": part.strongest.map(line), "hasStrongest": !part.strongest.isEmpty,
        "unknown": part.unknown.map(line), "hasUnknown": !part.unknown.isEmpty,
      ]
    }
    let overallPeers = report.overallPeers?.peers
    let overall: [String: Any] = [
      "score": score(card.overall.score), "level": escape(card.overall.level?.name.text(language) ?? "—"),
      "confirmed": card.overall.totals.unsure > 0
        ? card.overall.confirmedScore.map { ScoreDisplay.decimal($0, texts) } ?? false : false,
      "coverage": ScoreDisplay.percent(card.overall.totals.coverage, texts),
      "rank": report.overallPeers?.percentileRank.map { ScoreDisplay.number($0, decimals: 0) } ?? false,
      "heldBack": card.overall.heldBack.map { escape(ScorecardText.heldBackNote($0, texts)) } ?? false,
      "p25": number(overallPeers?.p25), "median": median(report.overallPeers),
      "p75": number(overallPeers?.p75),
      "p90": number(overallPeers?.p90), "target": number(report.overallTarget),
      "gap": ScoreDisplay.gap(report.overallGap, texts),
      "previous": score(report.previousOverall), "change": signed(report.overallChange),
    ]
    let peerGroupLine: String
    if let comparison = report.comparison {
      let filters =
        comparison.filters.isEmpty
        ? texts("compare.allPeers")
        : comparison.filters.map { filter in
          // The filters a reader meets most in words ("population <5k"); the others as written.
          ["band", "country", "type", "year"].contains(filter.name)
            ? texts("report.filter.\(filter.name)", ["value": filter.value])
            : "\(filter.name)=\(filter.value)"
        }.joined(separator: ", ")
      peerGroupLine = texts("report.peerGroup", ["n": "\(comparison.groupSize)", "filters": filters])
    } else {
      peerGroupLine = texts("report.noPeers")
    }
    var methodology = [
      texts(
        "report.method.questionnaire",
        [
          "title": report.questionnaireTitle.text(language), "id": card.questionnaireID,
          "version": card.version,
        ]),
      texts(
        "report.method.scoring.\(card.aggregation.rawValue)",
        ["floor": ScoreDisplay.percent(card.coverageFloor, texts)]),
    ]
    if let comparison = report.comparison {
      methodology.append(texts("report.method.percentiles"))
      methodology.append(texts("report.method.privacy", ["k": "\(comparison.minimumGroup)"]))
      if ComparisonTable.hasIntervals(comparison) {
        methodology.append(
          texts(
            "report.method.medianInterval",
            ["large": "\(MedianInterval.largeGroup)", "k2": "\(2 * comparison.minimumGroup)"]))
      }
    }
    var context: [String: Any] = [
      "lang": language.code,
      "title": escape(texts("report.title", ["authority": card.authority.name])),
      "subtitle": escape(
        [report.questionnaireTitle.text(language), card.date.map { ScoreDisplay.date($0, texts) }].compactMap
        { $0 }
        .joined(separator: " · ")),
      "labels": labels, "overall": overall, "dimensions": dimensions, "hasPeers": hasPeers,
      "peerGroupLine": escape(peerGroupLine),
      "carriedNote": report.comparison?.carriedFrom.map { escape($0.sentence(texts)) } ?? false,
      "smallGroup": report.comparison.flatMap { ComparisonTable.smallGroupSentence($0, texts: texts) }.map(
        escape) ?? false, "date": escape(card.date.map { ScoreDisplay.date($0, texts) } ?? ""),
      "previousDate": escape(report.previousDate.map { ScoreDisplay.date($0, texts) } ?? ""),
      "hasChange": report.previousOverall != nil || report.dimensions.contains { $0.previousScore != nil },
      "changeNote": report.previousEdition.map { carried in
        escape(
          texts(
            "report.previousCarried",
            [
              "from": carried.from, "to": carried.to, "new": "\(carried.newQuestions)",
              "lost": "\(carried.notCarried)",
            ]))
      } ?? false,
      "notes": report.notes.map(line), "hasNotes": !report.notes.isEmpty,
      "methodology": methodology.map(escape),
      "peerFiles": report.peerFiles.map {
        ["name": escape($0.name), "shape": $0.shape, "rows": "\($0.rows)", "sha256": $0.sha256]
      },
      "hasPeerFiles": !report.peerFiles.isEmpty,
      "legal": LegalBaselineView.context(card, texts: texts, escape: escape),
    ]
    if charts { context["charts"] = self.charts(report, texts: texts) }
    return context
  }

  static func charts(_ report: GapReport, texts: TextCatalogue) -> [String: String] {
    let language = texts.language
    let names = report.dimensions.map { $0.score.name.text(language) }
    var series = [
      SVGCharts.Series(
        name: report.scorecard.authority.name, values: report.dimensions.map(\.score.score),
        stroke: "#1f4e79", fill: "rgba(31,78,121,0.25)")
    ]
    if report.comparison != nil {
      series += [
        SVGCharts.Series(
          name: texts("report.median"), values: report.dimensions.map { $0.peers?.peers?.median },
          stroke: "#b34700", fill: "none"),
        SVGCharts.Series(
          name: "P75", values: report.dimensions.map { $0.peers?.peers?.p75 }, stroke: "#6b6b6b",
          fill: "none", dashed: true),
        SVGCharts.Series(
          name: "P90", values: report.dimensions.map { $0.peers?.peers?.p90 }, stroke: "#222", fill: "none",
          dashed: true),
      ]
    }
    var charts = [
      "radar": SVGCharts.radar(id: "radar", title: texts("report.chart.radar"), axes: names, series: series),
      "bars": SVGCharts.bars(
        id: "bars", title: texts("report.chart.bars"),
        bars: report.dimensions.map {
          SVGCharts.Bar(
            label: $0.score.name.text(language), score: $0.score.score, p25: $0.peers?.peers?.p25,
            median: $0.peers?.peers?.median, p75: $0.peers?.peers?.p75, p90: $0.peers?.peers?.p90)
        },
        legend: (report.scorecard.authority.name, texts("report.legend.band"), texts("report.median"), "P90")),
    ]
    charts["change"] = SVGCharts.change(
      id: "change", title: texts("report.chart.change"),
      rows: report.dimensions.map { ($0.score.name.text(language), $0.previousScore, $0.score.score) })
    return charts
  }
}

extension AnswerValue {
  /// The kind of value, for catalogue keys: `option`, `yesno`, `options`, `number`, `text`, `na`, `unknown`.
  var kind: String {
    switch self {
    case .option: "option"
    case .boolean(let flag): flag ? "yes" : "no"
    case .options: "options"
    case .number: "number"
    case .text: "text"
    case .notApplicable: "na"
    case .unknown: "unknown"
    }
  }
}

extension GapTarget {
  var kind: String {
    switch self {
    case .median: "median"
    case .p75: "p75"
    case .p90: "p90"
    case .level: "level"
    case .nextLevel: "nextLevel"
    }
  }
}

/// Renders gap reports with the Mustache templates.
public enum GapReportRenderer {
  static let library: MustacheLibrary = {
    var library = MustacheLibrary()
    for name in [
      "style", "report.html", "report-header.html", "report-sections.html", "report.md", "network.html",
      "network.md",
      "plan.html", "plan-header.html", "plan-sections.html", "plan.md", "cohort.html",
    ] {
      if let text = EmbeddedFiles.texts["Reports/Templates/\(name).mustache"] {
        try? library.register(text, named: name)
      }
    }
    return library
  }()

  public static func html(_ report: GapReport, texts: TextCatalogue) -> String {
    library.render(
      GapReportView.context(report, texts: texts, escape: { $0 }, charts: true), withTemplate: "report.html")
      ?? ""
  }

  public static func markdown(_ report: GapReport, texts: TextCatalogue) -> String {
    library.render(
      GapReportView.context(report, texts: texts, escape: ScorecardMarkdown.escape, charts: false),
      withTemplate: "report.md") ?? ""
  }

  /// The HTML report's heading and sections, to place in another page (the web app's).
  public static func htmlParts(_ report: GapReport, texts: TextCatalogue) -> HTMLParts {
    HTMLParts(
      library, GapReportView.context(report, texts: texts, escape: { $0 }, charts: true), name: "report")
  }

  /// The style sheet of the HTML reports, as a `<style>` element.
  public static var style: String { library.render([String: Any](), withTemplate: "style") ?? "" }
}

/// The parts of an HTML report or plan that another page can hold: its heading and its body.
public struct HTMLParts: Sendable {
  /// The title and subtitle, as HTML.
  public var header: String
  /// The sections, as HTML.
  public var sections: String

  init(_ library: MustacheLibrary, _ context: [String: Any], name: String) {
    header = library.render(context, withTemplate: "\(name)-header.html") ?? ""
    sections = library.render(context, withTemplate: "\(name)-sections.html") ?? ""
  }
}
