import CSV
import Foundation
import InterfaceText

/// Renders plans: HTML (the report's look, with a timeline of horizons), Markdown, CSV for a
/// spreadsheet or project tool (one row per action), and JSON (`schemas/plan.schema.json`).
public enum PlanRenderer {
  static func horizonLabel(_ step: Plan.Step, _ plan: Plan, _ texts: TextCatalogue) -> String {
    guard let index = step.horizon else { return texts("plan.later") }
    let horizon = plan.horizons[index]
    return texts("plan.horizon", ["start": "\(horizon.start)", "end": "\(horizon.end)"])
  }

  static func reason(_ step: Plan.Step, _ plan: Plan, _ texts: TextCatalogue) -> String {
    let language = texts.language
    switch step.reason {
    case .findOut: return texts("plan.reason.findOut")
    case .prerequisite(let of):
      let title = plan.steps.first { $0.id == of }?.action?.title.text(language) ?? of
      return texts("plan.reason.prerequisite", ["action": title])
    case .gap:
      let gap = plan.gaps.first { $0.dimensionID == step.dimensionID }
      var text = texts(
        "plan.reason.gap",
        [
          "dimension": step.dimensionName.text(language),
          "gap": ScoreDisplay.gap(gap?.gap, texts),
          "points": ScoreDisplay.decimal(step.impact, texts),
        ])
      if let ahead = step.peersAhead { text += " " + texts("plan.reason.peersAhead", ["count": "\(ahead)"]) }
      return text
    case .legalDuty(let duty):
      return texts(
        "plan.reason.legal",
        [
          "instrument": duty.instrument.text(language), "article": duty.article.text(language),
          "date": ScoreDisplay.date(duty.appliesFrom, texts),
        ])
    case .gate(let dimensionID, let reached, let heldBack):
      let name = dimensionID.flatMap { id in plan.gaps.first { $0.dimensionID == id }?.name.text(language) }
      return texts(
        dimensionID == nil ? "plan.reason.gateOverall" : "plan.reason.gate",
        [
          "dimension": name ?? "", "reached": reached?.name.text(language) ?? "—",
          "level": heldBack.name.text(language),
        ])
    }
  }

  /// "Target: the next level. Capacity: 6 person-days per horizon, from …".
  static func subtitle(_ plan: Plan, _ texts: TextCatalogue) -> String {
    var capacity = texts("plan.noCapacity")
    if let days = plan.capacity {
      capacity = texts("plan.capacity", ["days": ScoreDisplay.amount(days, texts)])
      if let fte = plan.staffFTE {
        capacity += " " + texts("plan.capacityFromStaff", ["fte": ScoreDisplay.amount(fte, texts)])
      }
    }
    let target =
      plan.aimsAtNextLevel ? texts("plan.aimsAtNextLevel") : texts("report.target.\(plan.target.kind)")
    return texts("plan.subtitle", ["target": target, "capacity": capacity])
  }

  /// `text` cut at the last word that fits in `limit` characters, with "…" when cut.
  static func shortened(_ text: String, to limit: Int) -> String {
    guard text.count > limit else { return text }
    let cut = text.prefix(limit - 1)
    let atWord = cut.lastIndex(of: " ").map { cut[..<$0] } ?? cut
    return atWord.trimmingCharacters(in: .punctuationCharacters.union(.whitespaces)) + "…"
  }

  /// What a step of the plan is called: its action's title, or "Find out: …" its question.
  public static func title(_ step: Plan.Step, _ texts: TextCatalogue) -> String {
    step.action?.title.text(texts.language)
      ?? texts("plan.findOut.title", ["question": step.questionText.text(texts.language)])
  }

  static func context(_ plan: Plan, texts: TextCatalogue, escape: (String) -> String, charts: Bool)
    -> [String: Any]
  {
    let language = texts.language
    let byID = Dictionary(uniqueKeysWithValues: plan.steps.map { ($0.id, $0) })
    let steps: [[String: Any]] = plan.steps.enumerated().map { index, step in
      [
        "number": "\(index + 1)", "title": escape(title(step, texts)),
        "dimension": escape(step.dimensionName.text(language)),
        "question": escape(step.questionText.text(language)), "reason": escape(reason(step, plan, texts)),
        "impact": ScoreDisplay.decimal(step.impact, texts),
        "effort": texts(
          "plan.effort",
          ["size": step.effort.rawValue, "days": ScoreDisplay.number(step.effortDays, decimals: 0)]),
        "quickWin": step.quickWin, "horizon": escape(horizonLabel(step, plan, texts)),
        "owner": escape(step.action?.owner.text(language) ?? texts("plan.findOut.owner")),
        "description": escape(step.action?.description.text(language) ?? texts("plan.findOut.description")),
        "prerequisites": escape(
          step.prerequisites.map { byID[$0].map { title($0, texts) } ?? $0 }.joined(separator: "; ")),
        "hasPrerequisites": !step.prerequisites.isEmpty,
        "resources": (step.action?.resources ?? []).map {
          ["title": escape($0.title.text(language)), "url": $0.url]
        },
      ]
    }
    var context: [String: Any] = [
      "lang": language.code,
      "title": escape(texts("plan.title", ["authority": plan.authority.name])),
      "subtitle": escape(
        subtitle(plan, texts)),
      "labels": Dictionary(
        uniqueKeysWithValues: [
          "gaps", "steps", "action", "why", "impact", "effort", "horizon", "owner", "prerequisites",
          "resources", "quickWin", "achieved", "timeline", "dimension", "score", "target", "gap",
          "peersAhead", "method", "methodNote",
        ]
        .map { ($0, escape(texts("plan.label.\($0)"))) }),
      "gaps": plan.gaps.map { gap -> [String: Any] in
        [
          "name": escape(gap.name.text(language)), "score": ScoreDisplay.score(gap.score, texts),
          "target": gap.target.map { ScoreDisplay.decimal($0, texts) } ?? "—",
          "gap": ScoreDisplay.gap(gap.gap, texts),
          "peersAhead": gap.peersAhead.map { "\($0)" } ?? "—",
        ]
      },
      "steps": steps, "hasSteps": !steps.isEmpty,
      "achieved": plan.achieved.map { escape($0.title.text(language)) },
      "hasAchieved": !plan.achieved.isEmpty,
      "horizons": plan.horizons.map {
        escape(
          texts(
            "plan.horizonDays",
            ["start": "\($0.start)", "end": "\($0.end)", "days": ScoreDisplay.number($0.days, decimals: 0)]))
      },
    ]
    if charts { context["timeline"] = timeline(plan, texts) }
    return context
  }

  /// One row per action, a bar in its horizon's column; carried-over actions in a last column;
  /// a legend of the bar colours drawn. Text is 12 px and titles are shortened at a word.
  static func timeline(_ plan: Plan, _ texts: TextCatalogue) -> String {
    let left = 380.0
    let columnWidth = 120.0
    let rowHeight = 22.0
    let top = 40.0
    let columns = plan.horizons.count + 1
    let kinds: [(color: String, key: String)] = [
      ("#1f4e79", "plan.legend.action"), ("#1b7a3a", "plan.legend.quickWin"),
      ("#8a4b00", "plan.legend.findOut"),
    ]
    func kind(_ step: Plan.Step) -> Int { step.reason == .findOut ? 2 : step.quickWin ? 1 : 0 }
    let drawn = kinds.indices.filter { index in plan.steps.contains { kind($0) == index } }
    let legendTop = top + rowHeight * Double(plan.steps.count) + 22
    let height = Int(legendTop + (drawn.isEmpty ? 0 : 12))
    var svg = SVGCharts.open(
      "timeline", title: texts("plan.chart.timeline"), width: Int(left + columnWidth * Double(columns) + 10),
      height: height)
    let labels =
      plan.horizons.map { texts("plan.horizon", ["start": "\($0.start)", "end": "\($0.end)"]) } + [
        texts("plan.later")
      ]
    for (index, label) in labels.enumerated() {
      let x = left + columnWidth * Double(index)
      svg +=
        "<rect x=\"\(x)\" y=\"\(top - 4)\" width=\"\(columnWidth - 2)\" height=\"\(rowHeight * Double(plan.steps.count) + 8)\" fill=\"\(index % 2 == 0 ? "#f4f7fa" : "#ffffff")\"/>"
      svg +=
        "<text x=\"\(SVGCharts.number(x + columnWidth / 2))\" y=\"\(top - 12)\" text-anchor=\"middle\" font-size=\"12\" fill=\"#222\">\(SVGCharts.escape(label))</text>"
    }
    for (row, step) in plan.steps.enumerated() {
      let y = top + rowHeight * Double(row)
      let name = "\(row + 1). \(title(step, texts))"
      svg +=
        "<text x=\"\(left - 6)\" y=\"\(SVGCharts.number(y + 13))\" text-anchor=\"end\" font-size=\"12\" fill=\"#222\"><title>\(SVGCharts.escape(name))</title>\(SVGCharts.escape(shortened(name, to: 52)))</text>"
      let column = Double(step.horizon ?? plan.horizons.count)
      svg +=
        "<rect x=\"\(SVGCharts.number(left + columnWidth * column + 6))\" y=\"\(SVGCharts.number(y + 3))\" width=\"\(columnWidth - 14)\" height=\"\(rowHeight - 7)\" rx=\"3\" fill=\"\(kinds[kind(step)].color)\"/>"
    }
    var x = 10.0
    for index in drawn {
      let text = texts(kinds[index].key)
      svg +=
        "<rect x=\"\(SVGCharts.number(x))\" y=\"\(SVGCharts.number(legendTop - 10))\" width=\"18\" height=\"12\" rx=\"3\" fill=\"\(kinds[index].color)\"/><text x=\"\(SVGCharts.number(x + 24))\" y=\"\(SVGCharts.number(legendTop))\" font-size=\"12\" fill=\"#222\">\(SVGCharts.escape(text))</text>"
      x += 44 + Double(text.count) * 6.8
    }
    return svg + "</svg>"
  }

  public static func html(_ plan: Plan, texts: TextCatalogue) -> String {
    GapReportRenderer.library.render(
      context(plan, texts: texts, escape: { $0 }, charts: true), withTemplate: "plan.html") ?? ""
  }

  /// The HTML plan's heading and sections, to place in another page (the web app's).
  public static func htmlParts(_ plan: Plan, texts: TextCatalogue) -> HTMLParts {
    HTMLParts(
      GapReportRenderer.library, context(plan, texts: texts, escape: { $0 }, charts: true), name: "plan")
  }

  public static func markdown(_ plan: Plan, texts: TextCatalogue) -> String {
    GapReportRenderer.library.render(
      context(plan, texts: texts, escape: ScorecardMarkdown.escape, charts: false), withTemplate: "plan.md")
      ?? ""
  }

  public static let columns = [
    "order", "action_id", "title", "dimension", "question_id", "reason", "impact", "effort", "effort_days",
    "priority",
    "quick_win", "horizon", "owner", "prerequisites", "resources",
  ]

  public static func csv(_ plan: Plan, texts: TextCatalogue) -> [UInt8] {
    var writer = CSVWriter()
    writer.write(columns)
    for (index, step) in plan.steps.enumerated() {
      writer.write([
        "\(index + 1)", step.id, title(step, texts), step.dimensionID, step.questionID,
        reason(step, plan, texts),
        JSONValue.format(step.impact), step.effort.rawValue, JSONValue.format(step.effortDays),
        step.priority.isFinite ? JSONValue.format(step.priority) : "", step.quickWin ? "yes" : "",
        horizonLabel(step, plan, texts),
        step.action?.owner.text(texts.language) ?? texts("plan.findOut.owner"),
        step.prerequisites.joined(separator: "|"),
        (step.action?.resources ?? []).map(\.url).joined(separator: " "),
      ])
    }
    return writer.bytes
  }

  public static func json(_ plan: Plan, texts: TextCatalogue) -> String {
    let language = texts.language
    func reasonValue(_ reason: Plan.Reason) -> JSONValue {
      switch reason {
      case .gap: .object([("kind", "gap")])
      case .findOut: .object([("kind", "findOut")])
      case .prerequisite(let of): .object([("kind", "prerequisite"), ("of", .string(of))])
      case .legalDuty(let duty):
        .object([
          ("kind", "legalDuty"), ("instrument", .string(duty.instrument.text(language))),
          ("article", .string(duty.article.text(language))), ("appliesFrom", .string(duty.appliesFrom)),
        ])
      case .gate(let dimension, let reached, let heldBack):
        .object([
          ("kind", "gate"), ("dimension", .string(dimension)), ("reached", .string(reached?.id)),
          ("heldBack", .string(heldBack.id)),
        ])
      }
    }
    return JSONValue.object([
      ("authority", ScorecardJSON.authority(plan.authority)),
      (
        "questionnaire", .object([("id", .string(plan.questionnaireID)), ("version", .string(plan.version))])
      ),
      ("target", .string(plan.target.name)),
      ("capacity", .number(plan.capacity)),
      ("staffFTE", .number(plan.staffFTE)),
      ("aimsAtNextLevel", .bool(plan.aimsAtNextLevel)),
      (
        "gaps",
        .array(
          plan.gaps.map { gap in
            .object([
              ("dimension", .string(gap.dimensionID)), ("score", .number(gap.score)),
              ("target", .number(gap.target)),
              ("gap", .number(gap.gap)), ("peersAhead", gap.peersAhead.map { .integer($0) } ?? .null),
            ])
          })
      ),
      (
        "horizons",
        .array(
          plan.horizons.map {
            .object([
              ("startMonth", .integer($0.start)), ("endMonth", .integer($0.end)), ("days", .number($0.days)),
            ])
          })
      ),
      (
        "actions",
        .array(
          plan.steps.map { step in
            .object([
              ("id", .string(step.id)), ("title", .string(title(step, texts))),
              ("dimension", .string(step.dimensionID)),
              ("question", .string(step.questionID)), ("reason", reasonValue(step.reason)),
              ("credit", .number(step.credit)),
              ("raisesTo", .number(step.raisesTo)), ("impact", .number(step.impact)),
              ("fullImpact", .number(step.fullImpact)),
              ("effort", .string(step.effort.rawValue)), ("effortDays", .number(step.effortDays)),
              ("priority", .number(step.priority.isFinite ? step.priority : nil)),
              ("quickWin", .bool(step.quickWin)),
              ("prerequisites", .array(step.prerequisites.map { .string($0) })),
              ("horizon", step.horizon.map { .integer($0) } ?? .null),
              ("owner", .string(step.action?.owner.text(language))),
              ("kind", .string(step.action?.kind.rawValue)),
              ("peersAhead", step.peersAhead.map { .integer($0) } ?? .null),
              (
                "resources",
                .array(
                  (step.action?.resources ?? []).map {
                    .object([("title", .string($0.title.text(language))), ("url", .string($0.url))])
                  })
              ),
            ])
          })
      ),
      ("achieved", .array(plan.achieved.map { .string($0.id) })),
    ]).text
  }
}
