import Accounts
import Foundation
import MaturityKit
import MaturityStore

/// Seeds a network server's database with a network of N members and measures its aggregates.
///
///   network-benchmark seed --db URL --members N [--sessions FILE] [--accounts]
///     a network `bench` with one open campaign and N synthetic members, each with a submitted
///     assessment of the campaign; with --accounts, an account and a session per member, written
///     to FILE as `SESSION-TOKEN ASSESSMENT-ID` lines for wrk.
///   network-benchmark aggregates --db URL [--runs 5]
///     times the aggregates a member's results page computes (read, score, group), median of runs.
@main
struct NetworkBenchmark {
  static func main() async throws {
    var arguments = Array(CommandLine.arguments.dropFirst())
    guard let command = arguments.first else { return usage() }
    arguments.removeFirst()
    func option(_ name: String) -> String? {
      arguments.firstIndex(of: name).flatMap { arguments.indices.contains($0 + 1) ? arguments[$0 + 1] : nil }
    }
    guard let db = option("--db") else { return usage() }
    let store = try await Store.open(db, password: ProcessInfo.processInfo.environment["PGPASSWORD"])
    let questionnaire = try QuestionnaireLocator().load("ai-data-readiness").questionnaire
    switch command {
    case "seed":
      try await seed(
        store, questionnaire, members: Int(option("--members") ?? "1000") ?? 1000,
        sessions: option("--sessions"), accounts: arguments.contains("--accounts"))
    case "aggregates":
      try await aggregates(store, questionnaire, runs: Int(option("--runs") ?? "5") ?? 5)
    default: usage()
    }
    await store.close()
  }

  static func usage() {
    FileHandle.standardError.write(Data("usage: network-benchmark seed|aggregates --db URL [options]\n".utf8))
    exit(64)
  }

  static func seed(
    _ store: Store, _ questionnaire: Questionnaire, members: Int, sessions: String?, accounts: Bool
  )
    async throws
  {
    let started = Date()
    try await store.createNetwork(id: "bench", name: "Benchmark network")
    let campaign = try await store.createCampaign(
      networkID: "bench", name: "Benchmark", questionnaireID: questionnaire.id,
      questionnaireVersion: questionnaire.version, opensOn: "2026-01-01", closesOn: "2099-12-31")
    var items: [(record: AssessmentRecord, answers: [WrittenAnswer])] = []
    SyntheticPeers(questionnaire: questionnaire, count: members, seed: 2026, year: 2026).forEach {
      generated in
      guard generated.year == 2026 else { return }
      var record = AssessmentRecord(generated.response)
      record.campaignID = campaign.id
      record.date = "2026-06-01"
      items.append((record, generated.response.answers.map(WrittenAnswer.init)))
    }
    let records = try await store.addSubmitted(items, to: "bench")
    print(
      "seeded \(records.count) submitted assessments in \(String(format: "%.1f", Date().timeIntervalSince(started))) s"
    )
    guard accounts else { return }
    let hash = try await PasswordHasher.standard.hash("benchmark passphrase")
    var lines: [String] = []
    for (index, record) in records.enumerated() {
      let account = try await store.addAccount(email: "member\(index)@bench.eu", passwordHash: hash)
      try await store.setMembership(
        Membership(networkID: "bench", role: .member, authorityID: record.authorityID), of: account.id)
      let token = SecretToken.generate()
      try await store.openSession(digest: SecretToken.digest(token), accountID: account.id, idleLimit: 86_400)
      lines.append("\(token) \(record.id!)")
    }
    if let sessions {
      try lines.joined(separator: "\n").appending("\n").write(
        toFile: sessions, atomically: true, encoding: .utf8)
    }
    print(
      "and \(records.count) accounts with sessions in \(String(format: "%.1f", Date().timeIntervalSince(started))) s"
    )
  }

  static func aggregates(_ store: Store, _ questionnaire: Questionnaire, runs: Int) async throws {
    let records = try await store.assessments(ofNetwork: "bench")
    guard let member = records.first, let campaign = member.campaignID else {
      return print("no network to measure")
    }
    var times: [(read: Double, score: Double, group: Double)] = []
    for _ in 0..<runs {
      let start = Date()
      let inputs = try await store.aggregateInputs(
        network: "bench", campaign: campaign, questionnaireID: questionnaire.id,
        version: questionnaire.version)
      let read = Date()
      let responses = try inputs.map {
        try ResponseLoader.assemble(
          $0.record.responseHeader, answers: $0.answers, questionnaire: questionnaire
        ).response
      }
      let scored = NetworkAggregates.peers(responses, questionnaire: questionnaire)
      let scoredAt = Date()
      let own = Assessment(responses[0], on: questionnaire).scorecard
      let aggregates = NetworkAggregates(
        own, authority: responses[0].authority, others: scored.peers,
        bands: PopulationBands(bounds: questionnaire.populationBands), minimumGroup: 5)
      precondition(aggregates.entries.count == 4)
      times.append(
        (read.timeIntervalSince(start), scoredAt.timeIntervalSince(read), Date().timeIntervalSince(scoredAt)))
    }
    func median(_ values: [Double]) -> String {
      String(format: "%.0f ms", values.sorted()[values.count / 2] * 1000)
    }
    print(
      "\(records.count) members, median of \(runs): read \(median(times.map(\.read))), score \(median(times.map(\.score))), "
        + "group \(median(times.map(\.group))), total \(median(times.map { $0.read + $0.score + $0.group }))")
  }
}
