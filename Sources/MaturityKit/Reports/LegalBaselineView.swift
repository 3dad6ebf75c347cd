import InterfaceText

/// The legal baseline in words, the same for every format: one line per duty with its status.
enum LegalBaselineView {
  struct Line {
    /// `met`, `notMet`, `unanswered`, `notYetApplicable` or `notApplicable`.
    var status: String
    /// The status in words.
    var statusText: String
    /// "AI literacy of the staff who use AI".
    var title: String
    /// "AI Act (Regulation (EU) 2024/1689), Art. 4, applies since 2 February 2025".
    var source: String
  }

  /// One line per duty, what needs doing first: not met, unanswered, met, then the duties that
  /// do not apply yet or at all; file order within each.
  static func lines(_ card: Scorecard, texts: TextCatalogue) -> [Line] {
    let order: [LegalDutyStatus.Status] = [.notMet, .unanswered, .met, .notYetApplicable, .notApplicable]
    let sorted = card.legalBaseline.enumerated().sorted {
      (order.firstIndex(of: $0.element.status)!, $0.offset) < (
        order.firstIndex(of: $1.element.status)!, $1.offset
      )
    }.map(\.element)
    return sorted.map { duty in
      let date = card.date ?? ""
      var source = texts(
        date < duty.duty.appliesFrom ? "legal.from" : "legal.since",
        [
          "instrument": duty.duty.instrument.text(texts.language),
          "article": duty.duty.article.text(texts.language),
          "date": ScoreDisplay.date(duty.duty.appliesFrom, texts),
        ])
      if let end = duty.duty.to { source += texts("legal.until", ["date": ScoreDisplay.date(end, texts)]) }
      return Line(
        status: duty.status.rawValue, statusText: texts("legal.status.\(duty.status.rawValue)"),
        title: duty.title.text(texts.language), source: source)
    }
  }

  /// "2 of 4 duties that apply are met (on 15 October 2025)".
  static func summary(_ card: Scorecard, texts: TextCatalogue) -> String {
    let applying = card.legalBaseline.filter {
      $0.status == .met || $0.status == .notMet || $0.status == .unanswered
    }
    return texts(
      applying.isEmpty ? "legal.noneApply" : "legal.summary",
      [
        "met": "\(applying.filter { $0.status == .met }.count)", "applicable": "\(applying.count)",
        "date": card.date.map { ScoreDisplay.date($0, texts) } ?? "—",
      ])
  }

  /// The template context: `legal` (title, summary, lines) or false when the questionnaire has no duty.
  static func context(_ card: Scorecard, texts: TextCatalogue, escape: (String) -> String) -> Any {
    guard !card.legalBaseline.isEmpty else { return false }
    return [
      "title": escape(texts("legal.title")), "summary": escape(summary(card, texts: texts)),
      "duties": lines(card, texts: texts).map { line in
        [
          "status": line.status, "statusText": escape(line.statusText), "title": escape(line.title),
          "source": escape(line.source), "met": line.status == "met", "notMet": line.status == "notMet",
        ] as [String: Any]
      },
    ] as [String: Any]
  }
}
