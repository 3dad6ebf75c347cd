import InterfaceText

/// The scorecard as GitHub-flavoured Markdown: a table of dimensions, then each dimension's questions.
public enum ScorecardMarkdown {
  public static func render(_ card: Scorecard, texts: TextCatalogue) -> String {
    let language = texts.language
    var out = "# " + escape(texts("score.title", ["authority": card.authority.name])) + "\n\n"
    out += escape(texts("score.questionnaireLine", ["id": card.questionnaireID, "version": card.version]))
    if let date = card.date { out += " · " + escape(date) }
    out += "\n\n"
    out +=
      "| \(texts("score.dimension")) | \(texts("score.score")) | \(texts("score.level")) | \(texts("score.coverage")) | \(texts("score.unknown")) | \(texts("score.unsure")) |\n"
    out += "| --- | ---: | --- | ---: | ---: | ---: |\n"
    for dimension in card.dimensions {
      out +=
        "| \(escape(dimension.name.text(language))) | \(ScoreDisplay.score(dimension.score, texts)) | \(escape(ScoreDisplay.level(dimension.level, language))) | \(ScoreDisplay.percent(dimension.totals.coverage, texts)) | \(dimension.totals.unknown) | \(dimension.totals.unsure) |\n"
    }
    out +=
      "| **\(texts("score.overall"))** | **\(ScoreDisplay.score(card.overall.score, texts))** | **\(escape(ScoreDisplay.level(card.overall.level, language)))** | \(ScoreDisplay.percent(card.overall.totals.coverage, texts)) | \(card.overall.totals.unknown) | \(card.overall.totals.unsure) |\n"
    let heldBack =
      [(texts("score.overall"), card.overall.heldBack)]
      + card.dimensions.map { ($0.name.text(language), $0.heldBack) }
    for case let (name, note?) in heldBack {
      out += "\n- \(escape(name)): \(escape(ScorecardText.heldBackNote(note, texts)))"
    }
    if heldBack.contains(where: { $0.1 != nil }) { out += "\n" }
    if card.overall.totals.unsure > 0, let confirmed = card.overall.confirmedScore {
      out += "\n" + texts("score.confirmedLine", ["score": ScoreDisplay.decimal(confirmed, texts)]) + "\n"
    }
    out += legalBaseline(card, texts: texts)
    for dimension in card.dimensions {
      out += "\n## \(escape(dimension.name.text(language)))\n\n"
      for section in dimension.sections {
        out +=
          "- \(escape(section.name.text(language))): \(ScoreDisplay.score(section.totals.score, texts))\n"
      }
      if !dimension.sections.isEmpty { out += "\n" }
      out +=
        "| \(texts("score.question")) | \(texts("score.answer")) | \(texts("score.points")) | \(texts("score.status")) |\n"
      out += "| --- | --- | ---: | --- |\n"
      for question in dimension.questions {
        let points =
          question.points.map {
            "\(ScoreDisplay.decimal($0, texts)) / \(ScoreDisplay.decimal(question.maxPoints ?? 0, texts))"
          } ?? "—"
        let answer =
          (question.answer?.formatted ?? "—") + (question.unsure ? " (\(texts("score.unsureMark")))" : "")
        out +=
          "| `\(question.id)` | \(escape(answer)) | \(points) | \(texts("status.\(question.status.rawValue)")) |\n"
      }
    }
    return out
  }

  /// The legal baseline as a section: a summary, then one line per duty.
  static func legalBaseline(_ card: Scorecard, texts: TextCatalogue) -> String {
    guard !card.legalBaseline.isEmpty else { return "" }
    var out =
      "\n## \(escape(texts("legal.title")))\n\n\(escape(LegalBaselineView.summary(card, texts: texts)))\n\n"
    for line in LegalBaselineView.lines(card, texts: texts) {
      out += "- **\(escape(line.statusText))** · \(escape(line.title)) · \(escape(line.source))\n"
    }
    return out
  }

  /// Escapes characters that Markdown or an HTML renderer of it would interpret.
  static func escape(_ text: String) -> String {
    var out = ""
    for character in text {
      switch character {
      case "|", "\\", "*", "_", "`", "[", "]", "<", ">", "#": out += "\\\(character)"
      case "\n", "\r": out += " "
      default: out.append(character)
      }
    }
    return out
  }
}
