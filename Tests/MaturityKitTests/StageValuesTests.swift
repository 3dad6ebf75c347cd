import Foundation
import TestSupport
import Testing

@testable import MaturityKit

/// The stages of an assessment are plain values: encoded and decoded, each is the value it was,
/// so a server can keep or send any of them.
@Suite("Stages as values")
struct StageValuesTests {
  /// A plan step's priority is +∞ when it meets a legal duty or lifts a gate (it comes first
  /// whatever its points), which JSON writes only as a string.
  static let floats = (positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")

  static func roundTrip<Stage: Codable & Equatable>(_ stage: Stage) throws -> Bool {
    let encoder = JSONEncoder()
    encoder.nonConformingFloatEncodingStrategy = .convertToString(
      positiveInfinity: floats.positiveInfinity, negativeInfinity: floats.negativeInfinity, nan: floats.nan)
    let decoder = JSONDecoder()
    decoder.nonConformingFloatDecodingStrategy = .convertFromString(
      positiveInfinity: floats.positiveInfinity, negativeInfinity: floats.negativeInfinity, nan: floats.nan)
    return try decoder.decode(Stage.self, from: encoder.encode(stage)) == stage
  }

  @Test(
    "scores, comparison, gaps, plan and report of an example survive encoding",
    arguments: [
      "small-municipality", "mid-size-city-2026", "region",
    ])
  func survivesEncoding(name: String) throws {
    let questionnaire = try Fixtures.publishedQuestionnaire()
    let response = try ResponseLoader.load(
      path: Repository.path("Examples/responses/\(name).response.yaml"), questionnaire: questionnaire
    ).response
    let (peers, _) = try PeerSetReader.read(
      [Repository.path("Examples/peers/synthetic-peers-scores.csv")], questionnaire: questionnaire)
    var assessment = Assessment(response, on: questionnaire)
    let group = PeerGroup(
      from: peers, filter: PeerFilter(), bands: PopulationBands(bounds: questionnaire.populationBands),
      authority: response.authority)
    let comparison = try assessment.compare(with: group.scores, minimumGroup: 5)
    assessment.setPrevious(response)
    #expect(try Self.roundTrip(response))
    #expect(try Self.roundTrip(assessment.scorecard))
    #expect(try Self.roundTrip(comparison))
    #expect(try Self.roundTrip(assessment.gaps()))
    #expect(try Self.roundTrip(assessment.plan(Planner())))
    #expect(try Self.roundTrip(assessment.report()))
  }
}
