import Testing

@testable import MaturityKit

@Suite("Synthetic peer sets")
struct SyntheticPeersTests {
  func rows(seed: UInt64, count: Int = 300) throws -> (scores: [[String]], answers: [[String]]) {
    let generator = SyntheticPeers(questionnaire: try Fixtures.testQuestionnaire(), count: count, seed: seed)
    var scores: [[String]] = []
    var answers: [[String]] = []
    generator.forEach { assessment in
      scores.append(generator.scoresRow(assessment))
      answers += generator.answerRows(assessment)
    }
    return (scores, answers)
  }

  @Test("the same seed gives the same data; another seed other data")
  func deterministic() throws {
    let first = try rows(seed: 7)
    let again = try rows(seed: 7)
    let other = try rows(seed: 8)
    #expect(first.scores == again.scores)
    #expect(first.answers == again.answers)
    #expect(first.scores != other.scores)
  }

  @Test("ids and names say the data is synthetic; both shapes cover the same authorities and years")
  func labelledAndConsistent() throws {
    let data = try rows(seed: 3)
    #expect(data.scores.allSatisfy { $0[0].hasPrefix("SYN-") && $0[1].hasPrefix("Synthetic") })
    let scored = Set(data.scores.map { "\($0[0])/\($0[5])" })
    let answered = Set(data.answers.map { "\($0[0])/\($0[4])" })
    #expect(answered.isSubset(of: scored))
    #expect(data.scores.count > 300)  // some authorities have an earlier year too
  }

  @Test("scores rise with population on average; some dimensions are left blank")
  func plausible() throws {
    let data = try rows(seed: 11, count: 2000)
    func meanOverall(_ keep: (Int) -> Bool) -> Double {
      let values = data.scores.filter { keep(Int($0[3])!) }.compactMap { Double($0.last!) }
      return values.reduce(0, +) / Double(values.count)
    }
    #expect(meanOverall { $0 < 5000 } < meanOverall { $0 >= 50000 })
    #expect(data.scores.contains { $0[8...].contains("") })
  }
}
