import TestSupport
import Testing

@testable import MaturityKit

@Suite struct NetworkAggregatesTests {
  /// A peer set of `count` authorities, each a row of one score for every dimension.
  func others(
    _ rows: [(id: String, country: String, population: Int, type: AuthorityType, score: Double)],
    dimensions: Int
  )
    -> PeerSet
  {
    var set = PeerSet(dimensionIDs: (0..<dimensions).map { "d\($0)" })
    for row in rows {
      set.append(
        PeerAuthority(
          id: row.id, country: row.country, population: row.population, type: row.type, year: 2026),
        scores: Array(repeating: row.score, count: dimensions + 1))
    }
    return set
  }

  @Test func eachGroupNeedsKOthersAndLeavesTheAuthorityOut() throws {
    let questionnaire = try QuestionnaireLoader.load(
      path: Repository.path("Questionnaires/ai-data-readiness/questionnaire.yaml")
    ).questionnaire
    let response = Response(
      questionnaireID: questionnaire.id, version: questionnaire.version,
      authority: Authority(id: "ES-1", name: "Villa", country: "ES", population: 4000, type: .municipality),
      answers: [])
    let card = Assessment(response, on: questionnaire).scorecard
    let bands = PopulationBands(bounds: questionnaire.populationBands)
    let set = others(
      [
        ("ES-1", "ES", 4000, .municipality, 99),  // itself: never among its peers
        ("ES-2", "ES", 4500, .municipality, 10), ("ES-3", "ES", 900_000, .region, 20),
        ("FR-1", "FR", 4200, .municipality, 30), ("FR-2", "FR", 5000, .municipality, 40),
      ], dimensions: questionnaire.dimensions.count)
    let aggregates = NetworkAggregates(
      card, authority: response.authority, others: set, bands: bands, minimumGroup: 3)
    let byGroup = Dictionary(uniqueKeysWithValues: aggregates.entries.map { ($0.group, $0) })
    #expect(byGroup[.network]?.others == 4)
    #expect(byGroup[.network]?.comparison?.overall.peers?.median == 25)
    #expect(byGroup[.type]?.others == 3 && byGroup[.type]?.comparison?.overall.peers?.median == 30)
    #expect(byGroup[.country]?.others == 2 && byGroup[.country]?.comparison == nil)
    #expect(byGroup[.band]?.value == bands.label(bands.index(of: 4000)))
    // No min or max under 2k peers: nothing that is one member's own value.
    #expect(byGroup[.network]?.comparison?.overall.showsRange == false)
  }
}
