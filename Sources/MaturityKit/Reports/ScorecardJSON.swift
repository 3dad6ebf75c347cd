import InterfaceText

/// The scorecard as JSON, following `schemas/scorecard.schema.json`.
public enum ScorecardJSON {
  public static func render(_ card: Scorecard, language: Language) -> String {
    value(card, language: language).text
  }

  public static func value(_ card: Scorecard, language: Language) -> JSONValue {
    .object([
      (
        "questionnaire", .object([("id", .string(card.questionnaireID)), ("version", .string(card.version))])
      ),
      ("authority", authority(card.authority)),
      ("date", .string(card.date)),
      ("aggregation", .string(card.aggregation.rawValue)),
      ("coverageFloor", .number(card.coverageFloor)),
      (
        "overall",
        .object([
          ("score", .number(card.overall.score)),
          ("confirmedScore", .number(card.overall.confirmedScore)),
          ("points", .number(card.overall.points)),
          ("maxPoints", .number(card.overall.maxPoints)),
          ("level", level(card.overall.level, language)),
          ("heldBack", heldBack(card.overall.heldBack, language)),
          ("coverage", .number(card.overall.totals.coverage)),
          ("unknown", .integer(card.overall.totals.unknown)),
          ("unsure", .integer(card.overall.totals.unsure)),
        ])
      ),
      ("dimensions", .array(card.dimensions.map { dimension($0, language) })),
      ("legalBaseline", .array(card.legalBaseline.map { legalDuty($0, language) })),
    ])
  }

  /// A duty of the legal baseline: where it is asked, the law, its dates and its status.
  static func legalDuty(_ duty: LegalDutyStatus, _ language: Language) -> JSONValue {
    .object([
      ("question", .string(duty.questionID)), ("option", .string(duty.optionID)),
      ("title", .string(duty.title.text(language))),
      ("instrument", .string(duty.duty.instrument.text(language))),
      ("article", .string(duty.duty.article.text(language))), ("appliesFrom", .string(duty.duty.appliesFrom)),
      ("to", .string(duty.duty.to)), ("status", .string(duty.status.rawValue)),
    ])
  }

  static func authority(_ authority: Authority) -> JSONValue {
    .object([
      ("id", .string(authority.id)),
      ("name", .string(authority.name)),
      ("country", .string(authority.country)),
      ("population", .number(authority.population.map(Double.init))),
      ("type", .string(authority.type?.rawValue)),
    ])
  }

  static func level(_ level: LevelReached?, _ language: Language) -> JSONValue {
    guard let level else { return .null }
    return .object([("id", .string(level.id)), ("name", .string(level.name.text(language)))])
  }

  /// The level a gate holds back, with the gate questions below their minimum; null when none.
  static func heldBack(_ heldBack: HeldBackLevel?, _ language: Language) -> JSONValue {
    guard let heldBack else { return .null }
    return .object([
      ("level", level(heldBack.level, language)),
      ("questions", .array(heldBack.questions.map { .string($0) })),
    ])
  }

  private static func totals(_ totals: ScoreTotals) -> [(String, JSONValue)] {
    [
      ("points", .number(totals.points)),
      ("maxPoints", .number(totals.maxPoints)),
      ("coverage", .number(totals.coverage)),
      ("unknown", .integer(totals.unknown)),
      ("unsure", .integer(totals.unsure)),
    ]
  }

  private static func dimension(_ dimension: DimensionScore, _ language: Language) -> JSONValue {
    .object(
      [
        ("id", .string(dimension.id)),
        ("name", .string(dimension.name.text(language))),
        ("weight", .number(dimension.weight)),
        ("score", .number(dimension.score)),
        ("confirmedScore", .number(dimension.confirmedScore)),
      ] + totals(dimension.totals) + [
        ("sufficientData", .bool(dimension.sufficientData)),
        ("level", level(dimension.level, language)),
        ("heldBack", heldBack(dimension.heldBack, language)),
        (
          "sections",
          .array(
            dimension.sections.map { section in
              .object(
                [
                  ("id", .string(section.id)), ("name", .string(section.name.text(language))),
                  ("score", .number(section.totals.score)),
                  ("confirmedScore", .number(section.totals.confirmedScore)),
                ] + totals(section.totals))
            })
        ),
        ("questions", .array(dimension.questions.map(question))),
      ])
  }

  private static func question(_ question: QuestionScore) -> JSONValue {
    .object([
      ("id", .string(question.id)),
      ("section", .string(question.sectionID)),
      ("answer", answer(question.answer)),
      ("unsure", .bool(question.unsure)),
      ("credit", .number(question.credit)),
      ("points", .number(question.points)),
      ("maxPoints", .number(question.maxPoints)),
      ("status", .string(question.status.rawValue)),
    ])
  }

  /// An answer as the response formats write it: option id, `yes`/`no`, list, number, text,
  /// `na`, `unknown`; null when missing.
  static func answer(_ value: AnswerValue?) -> JSONValue {
    switch value {
    case nil: .null
    case .options(let ids): .array(ids.map { .string($0) })
    case .number(let number): .number(number)
    case let value?: .string(value.formatted)
    }
  }
}
