import Foundation
import Testing

@Suite("maturity benchmark sensitivity")
struct SensitivityCommandTests {
  let scores = "Examples/peers/synthetic-peers-scores.csv"
  let answers = "Examples/peers/synthetic-peers-answers.csv"

  @Test("JSON of either shape has the documented keys and meets its schema; the same seed, the same bytes")
  func json() throws {
    for file in [scores, answers] {
      let arguments = ["benchmark", "sensitivity", file, "--runs", "200", "--seed", "4", "--format", "json"]
      let run = try MaturityBinary.run(arguments)
      #expect(run.status == 0, "\(run.stderr)")
      let object = try #require(
        try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
      #expect(
        Set(object.keys)
          == [
            "questionnaire", "version", "runs", "spread", "seed", "authorities", "excluded", "swapShare",
            "medianRangeWidth", "ranks",
          ])
      #expect(
        object["runs"] as? Int == 200 && object["seed"] as? Int == 4 && object["spread"] as? Double == 0.2)
      let ranks = try #require(object["ranks"] as? [[String: Any]])
      #expect((object["authorities"] as? Int) == ranks.count && ranks.count > 100)
      #expect(
        Set(ranks[0].keys) == ["authorityId", "nominalRank", "medianRank", "rankP5", "rankP95", "rangeWidth"])
      #expect(!run.stdout.contains("Synthetic municipality"))  // ids only, never names
      #expect(try PeerCommandTests().schemaValid("sensitivity.schema.json", run.stdout))
      #expect(try MaturityBinary.run(arguments).stdout == run.stdout)
    }
  }

  @Test("--year ranks that year's assessments, as the other benchmark commands do")
  func year() throws {
    let run = try MaturityBinary.run(["benchmark", "sensitivity", scores, "--year", "2024", "--runs", "20"])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(
      run.stdout.contains("40 authorities ranked by overall score (3 left out: no overall score); 20 runs"))
  }

  @Test("CSV: one row per authority under the documented columns")
  func csv() throws {
    let run = try MaturityBinary.run(["benchmark", "sensitivity", scores, "--runs", "100", "--format", "csv"])
    #expect(run.status == 0, "\(run.stderr)")
    let lines = run.stdout.split(separator: "\r\n")
    #expect(lines.first == "authority_id,nominal_rank,median_rank,rank_p5,rank_p95,range_width")
    #expect(
      lines.count > 100
        && lines.dropFirst().allSatisfy { $0.hasPrefix("SYN-") && $0.split(separator: ",").count == 6 })
  }

  @Test("bad options are usage errors (64); a bad file is bad input (1) with its file and line")
  func errors() throws {
    for options in [
      ["--runs", "0"], ["--spread", "1"], ["--spread", "-0.1"], ["--runs", "10001"], ["--format", "xml"],
    ] {
      let run = try MaturityBinary.run(["benchmark", "sensitivity", scores] + options)
      #expect(run.status == 64, "\(options): \(run.stderr)")
    }
    #expect(try MaturityBinary.run(["benchmark", "sensitivity"]).status == 64)
    let viaPeers = try MaturityBinary.run(["benchmark", "sensitivity", "--peers", scores, "--runs", "10"])
    #expect(viaPeers.status == 0 && viaPeers.stdout.contains("184 authorities ranked"))
    let folder = try MaturityBinary.temporaryDirectory()
    let bad = folder.appendingPathComponent("bad.csv")
    let text = try String(
      contentsOfFile: MaturityBinary.packageRoot.appendingPathComponent(scores).path, encoding: .utf8)
    var lines = text.components(separatedBy: "\r\n")  // the example files end lines with CRLF
    lines[2] = lines[2].replacingOccurrences(of: ",2025,", with: ",twenty,")
    try Data(lines.joined(separator: "\r\n").utf8).write(to: bad)
    let run = try MaturityBinary.run(["benchmark", "sensitivity", bad.path])
    #expect(run.status == 1)
    #expect(run.stderr.contains("bad.csv:3:"), "\(run.stderr)")
  }
}
