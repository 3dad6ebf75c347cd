import Foundation
import Testing

@testable import MaturityKit

/// `--similar N` chooses peers by context (population, type, country, `--similar-on` columns),
/// never by the scores being compared; both roads (a whole ``PeerSet`` through ``PeerGroup``,
/// and ``PeerGroupReader`` straight from the files) choose the same peers.
@Suite("Peers by context (--similar, --similar-on)")
struct PeerContextTests {
  let bands = PopulationBands(bounds: [5000, 20000])
  let authority = Authority(id: "A-1", name: "A", country: "ES", population: 10_000, type: .municipality)

  /// A scores file of the test questionnaire; each row is (id, country, population, governance,
  /// data, overall, coastal). Overall scores are distinct, to tell the chosen peers apart.
  func file(_ rows: [(String, String, Int, Double, Double, Double, String)]) throws -> String {
    try Fixtures.temporaryFile(
      "authority_id,country,population,type,year,questionnaire,version,governance,data,overall,coastal\n"
        + rows.map {
          "\($0.0),\($0.1),\($0.2),municipality,2025,test-assessment,1.0,\($0.3),\($0.4),\($0.5),\($0.6)\n"
        }
        .joined(),
      name: "peers.csv")
  }

  /// The ids chosen by `filter` both ways (they must agree), in file order.
  func chosen(_ path: String, _ filter: PeerFilter) throws -> [String] {
    let questionnaire = try Fixtures.testQuestionnaire()
    let (set, _) = try PeerSetReader.read([path], questionnaire: questionnaire, options: PeerReadOptions())
    let group = PeerGroup(from: set, filter: filter, bands: bands, authority: authority)
    let ids = group.peers.authorities.map(\.id)
    let (streamed, _) = try PeerGroupReader.read(
      [path], questionnaire: questionnaire, options: PeerReadOptions(), filter: filter, bands: bands,
      authority: authority)
    let overall = group.peers.authorities.indices.map { group.peers.score($0, 2)! }
    #expect(streamed.values(2).sorted() == overall.sorted(), "the two roads chose different peers")
    return ids
  }

  @Test("the same context is equally near whatever the scores; the authority's own scores elsewhere are far")
  func notByScores() throws {
    // The authority: ES, 10,000 inhabitants, a municipality. P-LOW and P-HIGH share its context
    // with scores far apart; P-TWIN has scores like the authority's might be, but is French and
    // 100 times larger: 1 (country) + ln(100)/ln 2 ≈ 7.64 away; P-NEAR, 12,000 inhabitants, is
    // ln(1.2)/ln 2 ≈ 0.26 away. The old rule (log-population and score profile, each standardised)
    // chose P-NEAR and P-LOW for an authority scoring 50, and put P-TWIN before P-HIGH for one
    // scoring 5.
    let rows = [
      ("P-LOW", "ES", 10_000, 5.0, 5.0, 5.0, ""), ("P-HIGH", "ES", 10_000, 95.0, 95.0, 95.0, ""),
      ("P-TWIN", "FR", 1_000_000, 50.0, 50.0, 50.5, ""), ("P-NEAR", "ES", 12_000, 80.0, 20.0, 50.0, ""),
    ]
    let path = try file(rows)
    #expect(try chosen(path, PeerFilter(similar: 2)) == ["P-LOW", "P-HIGH"])
    #expect(try chosen(path, PeerFilter(similar: 3)) == ["P-LOW", "P-HIGH", "P-NEAR"])
    // A tie goes to the row that comes first, never to a score.
    #expect(try chosen(path, PeerFilter(similar: 1)) == ["P-LOW"])
    #expect(try chosen(try file([rows[1], rows[0]] + rows[2...]), PeerFilter(similar: 1)) == ["P-HIGH"])

    let context = { (population: Int?, country: String?) in
      PeerContext(population: population, type: .municipality, country: country, attributes: [])
    }
    let own = PeerContext(authority, similarOn: [])
    let candidates = [
      context(10_000, "ES"), context(10_000, "es"), context(1_000_000, "FR"), context(12_000, "ES"),
    ]
    #expect(NearestPeers.choose(4, to: own, among: 4) { candidates[$0] } == [0, 1, 2, 3])
    #expect(close(NearestPeers.populationTerm(10_000, 20_000), 1))  // twice the size counts 1
    #expect(close(NearestPeers.populationTerm(10_000, 1_000_000), log(100) / log(2)))
  }

  @Test("a peer without a population gets the largest population distance; an unknown type differs")
  func missingContext() throws {
    let own = PeerContext(authority, similarOn: [])
    let candidates = [
      PeerContext(population: nil, type: .municipality, country: "ES", attributes: []),
      PeerContext(population: 80_000, type: .municipality, country: "ES", attributes: []),  // 3
      PeerContext(population: 10_000, type: nil, country: "ES", attributes: []),  // 1
      PeerContext(population: 5_000, type: .municipality, country: "ES", attributes: []),  // 1, after
    ]
    // Distances 3 (the largest population term), 3, 1, 1: ties in row order.
    #expect(NearestPeers.choose(2, to: own, among: 4) { candidates[$0] } == [2, 3])
    #expect(NearestPeers.choose(3, to: own, among: 4) { candidates[$0] } == [0, 2, 3])
  }

  @Test(
    "--similar-on: 1 more for a column whose value differs (case ignored); the value from the authority's own row or given"
  )
  func similarOn() throws {
    let path = try file([
      ("Q-NO", "ES", 10_000, 10, 10, 10, "no"), ("Q-BLANK", "ES", 10_000, 20, 20, 20, ""),
      ("Q-YES", "ES", 10_000, 30, 30, 30, "YES"), ("A-1", "ES", 10_000, 40, 40, 40, "yes"),
    ])
    #expect(try chosen(path, PeerFilter(similar: 1)) == ["Q-NO"])
    #expect(try chosen(path, PeerFilter(similar: 1, similarOn: [("coastal", nil)])) == ["Q-YES"])
    #expect(try chosen(path, PeerFilter(similar: 1, similarOn: [("coastal", "No")])) == ["Q-NO"])
    #expect(try chosen(path, PeerFilter(similar: 2, similarOn: [("coastal", "no")])) == ["Q-NO", "Q-BLANK"])
    // A column the file lacks makes every peer differ alike.
    #expect(try chosen(path, PeerFilter(similar: 1, similarOn: [("missing", "x")])) == ["Q-NO"])
    // Outputs say which values were compared: the one found in the authority's row, the one
    // given, or `?` for none (the column then changes nothing).
    let filter = PeerFilter(
      similar: 2, similarOn: [("coastal", nil), ("network", "Eurocities"), ("missing", nil)])
    let (group, _) = try PeerGroupReader.read(
      [path], questionnaire: try Fixtures.testQuestionnaire(), options: PeerReadOptions(), filter: filter,
      bands: bands, authority: authority)
    #expect(
      group.filter.described(bands: bands, resolvedBand: nil).map { "\($0.0)=\($0.1)" } == [
        "similar=2", "similarOn=coastal=yes, network=Eurocities, missing=?",
      ])
  }
}
