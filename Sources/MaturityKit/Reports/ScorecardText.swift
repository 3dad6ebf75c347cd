import InterfaceText

/// The scorecard as a person reads it in a terminal: per dimension a bar, the score, the level
/// and the coverage.
public enum ScorecardText {
  public static func render(_ card: Scorecard, texts: TextCatalogue, color: Bool) -> String {
    let language = texts.language
    var lines: [String] = []
    let title = "\(card.authority.name) (\(card.authority.id))" + (card.date.map { " · \($0)" } ?? "")
    lines.append(bold(title, color))
    lines.append(texts("score.questionnaireLine", ["id": card.questionnaireID, "version": card.version]))
    lines.append("")
    let width = max(12, card.dimensions.map { $0.name.text(language).count }.max() ?? 0)
    for dimension in card.dimensions {
      let name = dimension.name.text(language).padding(toLength: width, withPad: " ", startingAt: 0)
      let scoreText = ScoreDisplay.score(dimension.score, texts)
      var line = "\(name)  \(bar(dimension.score, color))  \(scoreText.leftPadded(5))"
      line += "  \(ScoreDisplay.level(dimension.level, language))"
      line +=
        "  · "
        + texts("score.coverageShort", ["coverage": ScoreDisplay.percent(dimension.totals.coverage, texts)])
      if dimension.totals.unknown > 0 {
        line += "  · " + texts("score.unknownShort", ["count": "\(dimension.totals.unknown)"])
      }
      if dimension.totals.unsure > 0 {
        line += "  · " + texts("score.unsureShort", ["count": "\(dimension.totals.unsure)"])
      }
      lines.append(line)
      if let heldBack = dimension.heldBack {
        lines.append(String(repeating: " ", count: width + 2) + heldBackNote(heldBack, texts))
      }
    }
    lines.append("")
    let overallName = texts("score.overall").padding(toLength: width, withPad: " ", startingAt: 0)
    lines.append(
      bold(
        "\(overallName)  \(bar(card.overall.score, color))  \(ScoreDisplay.score(card.overall.score, texts).leftPadded(5))  \(ScoreDisplay.level(card.overall.level, language))",
        color))
    if let heldBack = card.overall.heldBack {
      lines.append(String(repeating: " ", count: width + 2) + heldBackNote(heldBack, texts))
    }
    if card.overall.totals.unsure > 0, let confirmed = card.overall.confirmedScore {
      lines.append(texts("score.confirmedLine", ["score": ScoreDisplay.decimal(confirmed, texts)]))
    }
    lines.append(
      texts("score.coverageLine", ["coverage": ScoreDisplay.percent(card.overall.totals.coverage, texts)]))
    if !card.legalBaseline.isEmpty {
      lines.append("")
      lines.append(bold(texts("legal.title"), color) + " · " + LegalBaselineView.summary(card, texts: texts))
      let duties = LegalBaselineView.lines(card, texts: texts)
      let width = duties.map(\.statusText.count).max() ?? 0
      for line in duties {
        lines.append(
          "  \(line.statusText.padding(toLength: width, withPad: " ", startingAt: 0))  \(line.title) · \(line.source)"
        )
      }
      lines.append("")
    }
    let insufficient = card.dimensions.filter { !$0.sufficientData }
    if !insufficient.isEmpty {
      lines.append(
        texts(
          "score.insufficientNote",
          [
            "dimensions": insufficient.map { $0.name.text(language) }.joined(separator: ", "),
            "floor": ScoreDisplay.percent(card.coverageFloor, texts),
          ]))
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// "↳ the score reaches Leading the way; held back until: eth-ai-inventory".
  static func heldBackNote(_ heldBack: HeldBackLevel, _ texts: TextCatalogue) -> String {
    texts(
      "score.heldBack",
      [
        "level": heldBack.level.name.text(texts.language),
        "questions": heldBack.questions.joined(separator: ", "),
      ])
  }

  /// Twenty cells, one per 5 points.
  static func bar(_ score: Double?, _ color: Bool) -> String {
    guard let score else { return String(repeating: "·", count: 20) }
    let filled = Int((score / 5).rounded())
    let text = String(repeating: "█", count: filled) + String(repeating: "░", count: 20 - filled)
    guard color else { return text }
    let code = score >= 60 ? "32" : score >= 30 ? "33" : "31"
    return "\u{1B}[\(code)m\(text)\u{1B}[0m"
  }

  private static func bold(_ text: String, _ color: Bool) -> String {
    color ? "\u{1B}[1m\(text)\u{1B}[0m" : text
  }
}

extension String {
  func leftPadded(_ width: Int) -> String {
    count >= width ? self : String(repeating: " ", count: width - count) + self
  }
}
