import CSV
import Foundation
import InterfaceText

/// Renders a cohort plan: the shared actions, how many members need each, and which.
public enum CohortRenderer {
  static func rows(_ cohort: CohortPlan, _ texts: TextCatalogue) -> [[String]] {
    cohort.actions.enumerated().map { index, shared in
      [
        "\(index + 1)", PlanRenderer.title(shared.step, texts),
        shared.step.dimensionName.text(texts.language),
        "\(shared.members.count) / \(cohort.memberCount)", ScoreDisplay.decimal(shared.totalImpact, texts),
        texts(
          "plan.effort",
          [
            "size": shared.step.effort.rawValue,
            "days": ScoreDisplay.number(shared.step.effortDays, decimals: 0),
          ]),
        cohort.anonymous ? "" : shared.members.joined(separator: ", "),
      ]
    }
  }

  static func header(_ texts: TextCatalogue) -> [String] {
    [
      "#", texts("plan.label.action"), texts("plan.label.dimension"), texts("plan.cohort.need"),
      texts("plan.cohort.total"),
      texts("plan.label.effort"), texts("plan.cohort.members"),
    ]
  }

  public static func markdown(_ cohort: CohortPlan, texts: TextCatalogue) -> String {
    var out =
      "# " + ScorecardMarkdown.escape(texts("plan.cohort.title", ["count": "\(cohort.memberCount)"])) + "\n\n"
    out +=
      "| " + header(texts).joined(separator: " | ") + " |\n| ---: | --- | --- | ---: | ---: | --- | --- |\n"
    for row in rows(cohort, texts) {
      out += "| " + row.map(ScorecardMarkdown.escape).joined(separator: " | ") + " |\n"
    }
    return out
  }

  public static func html(_ cohort: CohortPlan, texts: TextCatalogue) -> String {
    let context: [String: Any] = [
      "lang": texts.language.code, "title": texts("plan.cohort.title", ["count": "\(cohort.memberCount)"]),
      "header": header(texts), "rows": rows(cohort, texts).map { ["cells": $0] },
    ]
    return GapReportRenderer.library.render(context, withTemplate: "cohort.html") ?? ""
  }

  public static func csv(_ cohort: CohortPlan, texts: TextCatalogue) -> [UInt8] {
    var writer = CSVWriter()
    writer.write([
      "rank", "action_id", "title", "dimension", "members_needing", "members_total", "total_impact", "effort",
      "members",
    ])
    for (index, shared) in cohort.actions.enumerated() {
      writer.write([
        "\(index + 1)", shared.step.id, PlanRenderer.title(shared.step, texts), shared.step.dimensionID,
        "\(shared.members.count)",
        "\(cohort.memberCount)", JSONValue.format(shared.totalImpact), shared.step.effort.rawValue,
        cohort.anonymous ? "" : shared.members.joined(separator: "|"),
      ])
    }
    return writer.bytes
  }

  public static func json(_ cohort: CohortPlan, texts: TextCatalogue) -> String {
    JSONValue.object([
      ("members", .integer(cohort.memberCount)),
      (
        "actions",
        .array(
          cohort.actions.map { shared in
            .object([
              ("id", .string(shared.step.id)), ("title", .string(PlanRenderer.title(shared.step, texts))),
              ("dimension", .string(shared.step.dimensionID)),
              ("membersNeeding", .integer(shared.members.count)),
              ("totalImpact", .number(shared.totalImpact)), ("effort", .string(shared.step.effort.rawValue)),
              ("members", cohort.anonymous ? .null : .array(shared.members.map { .string($0) })),
            ])
          })
      ),
    ]).text
  }
}
