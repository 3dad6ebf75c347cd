import Foundation
import Testing

@Suite("maturity compare and benchmark")
struct PeerCommandTests {
  let response = "Examples/responses/small-municipality.response.yaml"
  let scores = "Examples/peers/synthetic-peers-scores.csv"
  let answers = "Examples/peers/synthetic-peers-answers.csv"

  func schemaValid(_ schema: String, _ text: String) throws -> Bool {
    let path = try MaturityBinary.temporaryDirectory().appendingPathComponent("out.json").path
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", "scripts/validate-json", "schemas/\(schema)", path]
    process.currentDirectoryURL = MaturityBinary.packageRoot
    try process.run()
    process.waitUntilExit()
    return process.terminationStatus == 0
  }

  @Test("compare against the scores and the answers files gives the same group and medians")
  func compareBothShapes() throws {
    let fromScores = try MaturityBinary.run([
      "compare", response, "--peers", scores, "--band", "auto", "--format", "json",
    ])
    let fromAnswers = try MaturityBinary.run([
      "compare", response, "--peers", answers, "--band", "auto", "--format", "json",
    ])
    #expect(fromScores.status == 0, "\(fromScores.stderr)")
    #expect(fromAnswers.status == 0, "\(fromAnswers.stderr)")
    #expect(try schemaValid("comparison.schema.json", fromScores.stdout))
    #expect(try schemaValid("comparison.schema.json", fromAnswers.stdout))
    #expect(fromScores.stdout.contains("\"band\": \"<5k\""))
    #expect(!fromScores.stdout.contains("\"SYN-"))  // no peer is named
    let text = try MaturityBinary.run(["compare", response, "--peers", scores, "--band", "auto"])
    #expect(text.stdout.contains("compared with 145 peers (band=<5k)"))
  }

  @Test("compare keeps a table of the peer file and gives the same output from it; --no-cache keeps nothing")
  func keptTable() throws {
    let cache = FileManager.default.temporaryDirectory.appendingPathComponent("maturity-cache-\(UUID())")
    defer { try? FileManager.default.removeItem(at: cache) }
    let environment = ["XDG_CACHE_HOME": cache.path]
    let arguments = ["compare", response, "--peers", scores, "--band", "auto", "--format", "json"]
    let uncached = try MaturityBinary.run(arguments + ["--no-cache"], environment: environment)
    #expect(!FileManager.default.fileExists(atPath: cache.path))
    let first = try MaturityBinary.run(arguments, environment: environment)
    let tables = try FileManager.default.contentsOfDirectory(
      atPath: cache.appendingPathComponent("digital-maturity/peer-tables").path)
    #expect(tables.count == 1 && tables[0].hasSuffix(".peertable"))
    let second = try MaturityBinary.run(arguments, environment: environment)
    #expect(uncached.status == 0 && first.status == 0 && second.status == 0, "\(second.stderr)")
    #expect(first.stdout == uncached.stdout && second.stdout == uncached.stdout)

    // benchmark check keeps the table too (and nothing with --no-cache).
    let checkCache = FileManager.default.temporaryDirectory.appendingPathComponent("maturity-cache-\(UUID())")
    defer { try? FileManager.default.removeItem(at: checkCache) }
    let unkept = try MaturityBinary.run(
      ["benchmark", "check", scores, "--no-cache"], environment: ["XDG_CACHE_HOME": checkCache.path])
    #expect(unkept.status == 0 && !FileManager.default.fileExists(atPath: checkCache.path))
    let check = try MaturityBinary.run(
      ["benchmark", "check", scores], environment: ["XDG_CACHE_HOME": checkCache.path])
    #expect(check.status == 0 && check.stdout == unkept.stdout)
    let kept = try FileManager.default.contentsOfDirectory(
      atPath: checkCache.appendingPathComponent("digital-maturity/peer-tables").path)
    #expect(kept.count == 1)
    let afterCheck = try MaturityBinary.run(arguments, environment: ["XDG_CACHE_HOME": checkCache.path])
    #expect(afterCheck.stdout == uncached.stdout)
  }

  @Test(
    "compare in every format and language", arguments: ["text", "json", "csv", "markdown"],
    ["en", "fr", "es"])
  func formats(format: String, language: String) throws {
    let result = try MaturityBinary.run([
      "compare", response, "--peers", scores, "--format", format, "--lang", language,
    ])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(!result.stdout.isEmpty)
  }

  @Test("a small group: the median's 90 % interval in JSON and text, and a sentence on ranks")
  func smallGroup() throws {
    let region = "Examples/responses/region.response.yaml"
    let json = try MaturityBinary.run([
      "compare", region, "--peers", scores, "--type", "region", "--format", "json", "--no-cache",
    ])
    #expect(json.status == 0, "\(json.stderr)")
    #expect(try schemaValid("comparison.schema.json", json.stdout))
    // 11 regions: the 3rd and 9th sorted scores, 1 − 2 × 67/2048 (P(X ≤ 2) for X ~ B(11, ½)).
    #expect(json.stdout.contains("\"lowRank\": 3") && json.stdout.contains("\"highRank\": 9"))
    #expect(json.stdout.contains("\"confidence\": 0.9345703125"))
    // With k = 8 (2k = 16 > 11) the ends are withheld, like min and max.
    let withheld = try MaturityBinary.run([
      "compare", region, "--peers", scores, "--type", "region", "--min-group", "8", "--format", "json",
      "--no-cache",
    ])
    #expect(withheld.stdout.contains("\"low\": null") && withheld.stdout.contains("\"min\": null"))
    #expect(try schemaValid("comparison.schema.json", withheld.stdout))
    let text = try MaturityBinary.run([
      "compare", region, "--peers", scores, "--type", "region", "--no-cache",
    ])
    #expect(
      text.stdout.contains(
        "With 11 peers, one more or one fewer can move the percentile rank by about 9 points"))
    // A large group: no interval, no sentence.
    let large = try MaturityBinary.run([
      "compare", response, "--peers", scores, "--format", "json", "--no-cache",
    ])
    #expect(!large.stdout.contains("medianInterval90"))
  }

  @Test("--similar chooses by context; --similar-on needs --similar and is named in the filters")
  func similarByContext() throws {
    let result = try MaturityBinary.run([
      "compare", response, "--peers", scores, "--similar", "12", "--similar-on", "network=Eurocities",
      "--format", "json", "--no-cache",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("\"similarOn\": \"network=Eurocities\""))
    #expect(result.stdout.contains("\"n\": 12"))
    #expect(
      try MaturityBinary.run(["compare", response, "--peers", scores, "--similar-on", "network"]).status == 64
    )
  }

  @Test("a group under k is refused with its size; no --peers is a usage error")
  func refusals() throws {
    let small = try MaturityBinary.run([
      "compare", response, "--peers", scores, "--country", "ES", "--band", "50k-100k",
    ])
    #expect(small.status == 1)
    #expect(
      small.stderr.contains("has 0 authorities") || small.stderr.contains("has 1 authorities")
        || small.stderr.contains("fewer than the 5"))
    #expect(try MaturityBinary.run(["compare", response]).status == 64)
    #expect(try MaturityBinary.run(["compare", response, "--peers", scores, "--band", "nope"]).status == 64)
  }

  @Test("benchmark build writes a peer set without respondents, which check and stats read")
  func buildCheckStats() throws {
    let folder = try MaturityBinary.temporaryDirectory()
    let built = folder.appendingPathComponent("network.csv").path
    let build = try MaturityBinary.run(["benchmark", "build", "Examples/responses", "--output", built])
    #expect(build.status == 0, "\(build.stderr)")
    let content = try String(contentsOfFile: built, encoding: .utf8)
    #expect(
      content.hasPrefix("authority_id,name,country,population,type,year,questionnaire,version,ecosystem"))
    // The header, three authorities, one of them three times (2023 and 2025 on edition 2025.1,
    // carried over, and 2026): every row on the current edition.
    #expect(content.split(whereSeparator: \.isNewline).count == 6)
    #expect(!content.contains(",2025.1,"))
    #expect(
      build.stderr.contains(
        "mid-size-city.response.yaml: warning: made on edition 2025.1: carried over to edition 2026.1"))
    for file in try FileManager.default.contentsOfDirectory(
      atPath: MaturityBinary.packageRoot.appendingPathComponent("Examples/responses").path)
    {
      let yaml = try String(
        contentsOf: MaturityBinary.packageRoot.appendingPathComponent("Examples/responses/\(file)"),
        encoding: .utf8)
      if let line = yaml.split(separator: "\n").first(where: { $0.hasPrefix("respondent:") }),
        let name = line.split(separator: "name:").last?.split(separator: ",").first?.trimmingCharacters(
          in: .whitespaces.union(CharacterSet(charactersIn: "\"{")))
      {
        #expect(!content.contains(name), "respondent \(name) leaked")
      }
    }
    let answersFile = folder.appendingPathComponent("network-answers.csv").path
    #expect(
      try MaturityBinary.run([
        "benchmark", "build", "Examples/responses", "--shape", "answers", "--output", answersFile,
      ]).status == 0)
    let check = try MaturityBinary.run(["benchmark", "check", built, answersFile])
    #expect(check.status == 0, "\(check.stderr)")
    #expect(
      check.stdout.contains("scores shape") && check.stdout.contains("answers shape")
        && check.stdout.contains("3 authorities"))
    let stats = try MaturityBinary.run(["benchmark", "stats", scores, "--by", "type", "--format", "json"])
    #expect(stats.status == 0)
    #expect(try schemaValid("distribution.schema.json", stats.stdout))
    let withheld = try MaturityBinary.run(["benchmark", "stats", built, "--by", "country", "--format", "csv"])
    #expect(withheld.status == 0)
    #expect(!withheld.stdout.contains("FR-SYN") && withheld.stdout.contains("ES,ecosystem,1,,"))
  }

  @Test("benchmark check reports bad rows with their lines and exits 1; --skip-invalid reads the rest")
  func checkBadFile() throws {
    let folder = try MaturityBinary.temporaryDirectory()
    let bad = folder.appendingPathComponent("bad.csv")
    try Data(
      "authority_id,year,question_id,answer\nA,2025,eco-ai-strategy,bogus\nA,2025,eco-needs,\"unclosed\n".utf8
    ).write(to: bad)
    let check = try MaturityBinary.run(["benchmark", "check", bad.path])
    #expect(check.status == 1)
    #expect(check.stderr.contains("\(bad.path):3:"))
    let scoresBad = folder.appendingPathComponent("scores.csv")
    var text = try String(
      contentsOfFile: MaturityBinary.packageRoot.appendingPathComponent(scores).path, encoding: .utf8)
    text += "SYN-XX-999999,Broken,ES,100,municipality,2025,ai-data-readiness,2026.1,abc,1,1,1,1,1\r\n"
    try Data(text.utf8).write(to: scoresBad)
    let refused = try MaturityBinary.run(["compare", response, "--peers", scoresBad.path])
    #expect(refused.status == 1)
    #expect(refused.stderr.contains("\(scoresBad.path):245: the ecosystem score 'abc' is not a number"))
    let skipped = try MaturityBinary.run(["compare", response, "--peers", scoresBad.path, "--skip-invalid"])
    #expect(skipped.status == 0)
    #expect(skipped.stderr.contains("1 of 244 rows left out"))
  }

  @Test("benchmark gaps: one row per authority with its band median and gap")
  func gaps() throws {
    let result = try MaturityBinary.run(["benchmark", "gaps", answers])
    #expect(result.status == 0, "\(result.stderr)")
    let lines = result.stdout.split(separator: "\r\n")
    #expect(
      lines.first?.hasPrefix("authority_id,year,group,ecosystem_score,ecosystem_median,ecosystem_gap") == true
    )
    #expect(lines.count == 201)
  }

  @Test("a peer filter that cannot be used is refused with the message the web app gives")
  func filterRules() throws {
    let run = try MaturityBinary.run([
      "compare", "Examples/responses/small-municipality.response.yaml", "--peers", scores, "--type", "city",
    ])
    #expect(run.status == 64)
    #expect(
      run.stderr.contains("The type “city” is not one of municipality, region or other."), "\(run.stderr)")
    let country = try MaturityBinary.run([
      "compare", "Examples/responses/small-municipality.response.yaml", "--peers", scores, "--country", "es",
      "--format", "json", "--no-cache",
    ])
    #expect(country.status == 0, "\(country.stderr)")
    #expect(country.stdout.contains("\"country\": \"ES\""), "a lower-case code is read as the code")
  }
}

@Suite("Nothing dropped silently")
struct UngroupedTests {
  @Test("an authority without a population is named as left out of the bands (regression)")
  func ungrouped() throws {
    let folder = try MaturityBinary.temporaryDirectory()
    let path = folder.appendingPathComponent("peers.csv").path
    var lines = try String(
      contentsOf: MaturityBinary.packageRoot.appendingPathComponent(
        "Examples/peers/synthetic-peers-scores.csv"), encoding: .utf8
    )
    .components(separatedBy: "\r\n")
    var fields = lines[1].components(separatedBy: ",")
    fields[3] = ""
    lines[1] = fields.joined(separator: ",")
    try Data(lines.joined(separator: "\r\n").utf8).write(to: URL(fileURLWithPath: path))
    for command in [["benchmark", "gaps", path], ["benchmark", "stats", path]] {
      let result = try MaturityBinary.run(command)
      #expect(result.status == 0, "\(result.stderr)")
      #expect(result.stderr.contains("1 authorities have no value for 'band' and are left out"), "\(command)")
    }
  }
}
