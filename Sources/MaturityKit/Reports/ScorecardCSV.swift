import CSV

/// The scorecard as CSV: one row per dimension, section and question, and one for the overall score.
public enum ScorecardCSV {
  public static let columns = [
    "authority_id", "level_of_detail", "dimension", "section", "question", "answer", "unsure", "status",
    "credit",
    "points", "max_points", "score", "confirmed_score", "coverage", "level",
  ]

  public static func render(_ card: Scorecard) -> [UInt8] {
    var writer = CSVWriter()
    writer.write(columns)
    let id = card.authority.id
    func number(_ value: Double?) -> String { value.map { JSONValue.format($0) } ?? "" }
    writer.write([
      id, "overall", "", "", "", "", "", "", "", number(card.overall.points), number(card.overall.maxPoints),
      number(card.overall.score), number(card.overall.confirmedScore), number(card.overall.totals.coverage),
      card.overall.level?.id ?? "",
    ])
    for dimension in card.dimensions {
      writer.write([
        id, "dimension", dimension.id, "", "", "", "", dimension.sufficientData ? "" : "insufficientData", "",
        number(dimension.totals.points), number(dimension.totals.maxPoints), number(dimension.score),
        number(dimension.confirmedScore), number(dimension.totals.coverage), dimension.level?.id ?? "",
      ])
      for section in dimension.sections {
        writer.write([
          id, "section", dimension.id, section.id, "", "", "", "", "", number(section.totals.points),
          number(section.totals.maxPoints), number(section.totals.score),
          number(section.totals.confirmedScore),
          number(section.totals.coverage), "",
        ])
      }
      for question in dimension.questions {
        writer.write([
          id, "question", dimension.id, question.sectionID ?? "", question.id,
          question.answer?.formatted ?? "",
          question.unsure ? "yes" : "", question.status.rawValue, number(question.credit),
          number(question.points),
          number(question.maxPoints), "", "", "", "",
        ])
      }
    }
    for duty in card.legalBaseline {
      writer.write([
        id, "legalDuty", "", "", duty.questionID, duty.optionID ?? "", "", duty.status.rawValue, "", "", "",
        "", "", "", "",
      ])
    }
    return writer.bytes
  }
}
