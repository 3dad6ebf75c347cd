import CSV
import InterfaceText

/// The gap report as data: JSON (following `schemas/report.schema.json`) and CSV (one row per
/// dimension and per question, formula-like cells neutralised).
public enum GapReportData {
  public static func json(_ report: GapReport, language: Language) -> String {
    let scorecard = ScorecardJSON.value(report.scorecard, language: language)
    func line(_ question: GapReport.QuestionLine) -> JSONValue {
      .object([
        ("id", .string(question.id)), ("text", .string(question.text.text(language))),
        ("answer", ScorecardJSON.answer(question.answer)), ("points", .number(question.points)),
        ("maxPoints", .number(question.maxPoints)), ("comment", .string(question.comment)),
        ("evidence", .string(question.evidence)),
      ])
    }
    func peers(_ row: Comparison.Row?) -> JSONValue {
      guard let row else { return .null }
      return .object(
        [("peers", ComparisonJSON.statistics(row.peers, n: row.n, showsRange: row.showsRange))]
          + ComparisonJSON.medianInterval(row) + [
            ("percentileRank", .number(row.percentileRank)),
            ("peersAhead", row.peersAhead.map { .integer($0) } ?? .null),
            ("gapToMedian", .number(row.gapToMedian)), ("gapToP75", .number(row.gapToP75)),
            ("gapToP90", .number(row.gapToP90)),
          ])
    }
    let dimensions: [JSONValue] = report.dimensions.map { part in
      .object([
        ("id", .string(part.score.id)), ("name", .string(part.score.name.text(language))),
        ("score", .number(part.score.score)), ("level", ScorecardJSON.level(part.score.level, language)),
        ("sufficientData", .bool(part.score.sufficientData)), ("comparison", peers(part.peers)),
        ("target", .number(part.target)), ("gap", .number(part.gap)),
        ("previousScore", .number(part.previousScore)),
        ("change", .number(part.change)), ("weakest", .array(part.weakest.map(line))),
        ("strongest", .array(part.strongest.map(line))), ("knowledgeGaps", .array(part.unknown.map(line))),
      ])
    }
    var peerGroup: JSONValue = .null
    if let comparison = report.comparison {
      peerGroup = .object([
        ("filters", .object(comparison.filters.map { ($0.name, .string($0.value)) })),
        ("n", .integer(comparison.groupSize)),
        ("minGroup", .integer(comparison.minimumGroup)),
        (
          "files",
          .array(
            report.peerFiles.map {
              .object([
                ("file", .string($0.name)), ("shape", .string($0.shape)), ("rows", .integer($0.rows)),
                ("sha256", .string($0.sha256)),
              ])
            })
        ),
      ])
    }
    return JSONValue.object([
      ("scorecard", scorecard),
      ("target", .string(report.target.name)),
      ("peerGroup", peerGroup),
      (
        "overall",
        .object([
          ("comparison", peers(report.overallPeers)), ("target", .number(report.overallTarget)),
          ("gap", .number(report.overallGap)),
          ("previousScore", .number(report.previousOverall)), ("change", .number(report.overallChange)),
        ])
      ),
      ("previousDate", .string(report.previousDate)),
      (
        "previousEdition",
        report.previousEdition.map(EditionCarried.json) ?? .null
      ),
      ("dimensions", .array(dimensions)),
      ("notes", .array(report.notes.map(line))),
    ]).text
  }

  public static let columns = [
    "authority_id", "row", "dimension", "question", "text", "answer", "status", "points", "max_points",
    "score", "level",
    "peer_median", "peer_p75", "peer_p90", "percentile_rank", "target", "gap", "change", "comment",
    "evidence",
  ]

  public static func csv(_ report: GapReport, language: Language) -> [UInt8] {
    var writer = CSVWriter()
    writer.write(columns)
    func number(_ value: Double?) -> String { value.map(JSONValue.format) ?? "" }
    let id = report.scorecard.authority.id
    for part in report.dimensions {
      let peers = part.peers?.peers
      writer.write([
        id, "dimension", part.score.id, "", part.score.name.text(language), "",
        part.score.sufficientData ? "" : "insufficientData",
        number(part.score.totals.points), number(part.score.totals.maxPoints), number(part.score.score),
        part.score.level?.id ?? "", number(peers?.median), number(peers?.p75), number(peers?.p90),
        number(part.peers?.percentileRank), number(part.target), number(part.gap), number(part.change), "",
        "",
      ])
    }
    let answers = Dictionary(uniqueKeysWithValues: report.notes.map { ($0.id, $0) })
    for dimension in report.scorecard.dimensions {
      for question in dimension.questions {
        writer.write([
          id, "question", dimension.id, question.id, "", question.answer?.formatted ?? "",
          question.status.rawValue,
          number(question.points), number(question.maxPoints), "", "", "", "", "", "", "", "", "",
          answers[question.id]?.comment ?? "", answers[question.id]?.evidence ?? "",
        ])
      }
    }
    for duty in report.scorecard.legalBaseline {
      writer.write(
        [
          id, "legalDuty", "", duty.questionID, duty.title.text(language), duty.optionID ?? "",
          duty.status.rawValue,
        ]
          + Array(repeating: "", count: columns.count - 7))
    }
    return writer.bytes
  }
}
