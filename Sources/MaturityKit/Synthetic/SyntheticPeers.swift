import CSV
import Foundation

/// Generates a synthetic peer set: plausible authorities answering a questionnaire, in both peer
/// CSV shapes (scores and answers). For demonstrations, tests and benchmarks; never real data.
///
/// Structure: populations spread from villages to metropolises (most authorities small), a latent
/// maturity that rises with log-population on average with a wide spread within each band, answers
/// drawn around that maturity, skip logic applied, a few `unknown` and `na` answers, some
/// authorities leaving a whole dimension blank (insufficient data), and one in five authorities
/// also assessed the year before, a little lower.
public struct SyntheticPeers {
  public let questionnaire: Questionnaire
  public let count: Int
  public let seed: UInt64
  public let year: Int

  public init(questionnaire: Questionnaire, count: Int, seed: UInt64, year: Int = 2025) {
    self.questionnaire = questionnaire
    self.count = count
    self.seed = seed
    self.year = year
  }

  /// One generated assessment.
  public struct Assessment {
    public var response: Response
    public var year: Int
  }

  static let countries = [
    "FR", "ES", "IT", "DE", "PT", "NL", "BE", "PL", "SE", "EL", "AT", "CZ", "FI", "IE", "DK", "RO", "HU",
    "SI", "LT", "HR",
  ]

  /// Calls `body` with each assessment, in order, without holding them all in memory.
  public func forEach(_ body: (Assessment) throws -> Void) rethrows {
    var random = SeededRandom(seed: seed)
    for index in 1...max(count, 1) {
      let country = Self.countries[Int(random.unit() * Double(Self.countries.count))]
      let isRegion = random.chance(0.05)
      // Pareto-like: most municipalities are small; regions are large.
      let population =
        isRegion
        ? Int(200_000 * Foundation.pow(10, random.unit() * 1.6))
        : Int(min(3_000_000, 500 / Foundation.pow(max(random.unit(), 1e-6), 1.6)))
      let logPopulation = Foundation.log10(Double(max(population, 100)))
      let maturity = min(97, max(2, 6 + 11 * (logPopulation - 3) + random.normal(deviation: 14)))
      let authority = Authority(
        id: "SYN-\(country)-\(String(format: "%06d", index))",
        name: "Synthetic \(isRegion ? "region" : "municipality") \(index)",
        country: country, population: population, type: isRegion ? .region : .municipality)
      let skipped = random.chance(0.06) ? questionnaire.dimensions.randomElement(using: &random)?.id : nil
      if random.chance(0.2) {
        try body(
          Assessment(
            response: answers(authority, maturity * 0.85, skipping: skipped, &random), year: year - 1))
      }
      try body(Assessment(response: answers(authority, maturity, skipping: skipped, &random), year: year))
    }
  }

  private func answers(
    _ authority: Authority, _ maturity: Double, skipping: String?, _ random: inout SeededRandom
  )
    -> Response
  {
    var response = Response(
      questionnaireID: questionnaire.id, version: questionnaire.version, authority: authority,
      date: "\(year)-06-30", file: "synthetic")
    var effective: [String: AnswerValue] = [:]
    let context = AuthorityContext(authority)
    for dimension in questionnaire.dimensions {
      let dimensionMaturity = min(100, max(0, maturity + random.normal(deviation: 10)))
      for question in dimension.questions {
        guard question.relevant?.evaluate(context: context, { effective[$0] }) ?? true else { continue }
        if dimension.id == skipping || random.chance(0.02) { continue }
        let value: AnswerValue
        if question.allowUnknown && random.chance(0.04) {
          value = .unknown
        } else if question.notApplicable != nil && random.chance(0.03) {
          value = .notApplicable
        } else {
          let target = min(1, max(0, dimensionMaturity / 100 + random.normal(deviation: 0.2)))
          guard let drawn = draw(question, target: target, &random) else { continue }
          value = drawn
        }
        effective[question.id] = value
        response.answers.append(Answer(questionID: question.id, value: value, unsure: random.chance(0.03)))
      }
    }
    return response
  }

  /// An answer whose credit is close to `target`.
  private func draw(_ question: Question, target: Double, _ random: inout SeededRandom) -> AnswerValue? {
    switch question.type {
    case .scale, .single:
      let best = question.options.min { abs($0.credit - target) < abs($1.credit - target) }
      return best.map { .option($0.id) }
    case .yesno:
      let yesCredit = question.option("yes")?.credit ?? 1
      return .boolean(random.chance(yesCredit >= 0.5 ? target : 1 - target))
    case .multi:
      let ticked = question.options.filter { $0.credit > 0 && random.chance(target) }.map(\.id)
      return .options(
        ticked.isEmpty ? question.options.filter { $0.credit == 0 }.prefix(1).map(\.id) : ticked)
    case .number, .percent:
      let band = question.bands.min { abs($0.credit - target) < abs($1.credit - target) }
      let low = band?.min ?? 0
      let high = band?.max ?? (question.type == .percent ? 100 : max(low * 2, low + 10))
      let value = low + random.unit() * (high - low)
      return .number(question.type == .percent ? min(100, value.rounded()) : value.rounded())
    case .text:
      return nil
    }
  }
}

extension SyntheticPeers {
  /// Header of the scores shape.
  public var scoresHeader: [String] {
    ["authority_id", "name", "country", "population", "type", "year", "questionnaire", "version"]
      + questionnaire.dimensions.map(\.id) + ["overall"]
  }

  public static let answersHeader = [
    "authority_id", "country", "population", "type", "year", "question_id", "answer",
  ]

  /// The scores-shape row of an assessment: its engine scores, empty where data is insufficient.
  public func scoresRow(_ assessment: Assessment) -> [String] {
    let card = Scorer.score(assessment.response, with: questionnaire)
    let authority = assessment.response.authority
    func format(_ value: Double?) -> String { value.map(JSONValue.format) ?? "" }
    return [
      authority.id, authority.name, authority.country ?? "", authority.population.map(String.init) ?? "",
      authority.type?.rawValue ?? "", "\(assessment.year)", questionnaire.id, questionnaire.version,
    ] + card.dimensions.map { format($0.score) } + [format(card.overall.score)]
  }

  /// The answers-shape rows of an assessment, one per answered question.
  public func answerRows(_ assessment: Assessment) -> [[String]] {
    let authority = assessment.response.authority
    let prefix = [
      authority.id, authority.country ?? "", authority.population.map(String.init) ?? "",
      authority.type?.rawValue ?? "",
      "\(assessment.year)",
    ]
    return assessment.response.answers.map { prefix + [$0.questionID, $0.value?.formatted ?? ""] }
  }
}
