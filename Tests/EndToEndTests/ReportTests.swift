import Foundation
import Testing

@Suite("maturity report")
struct ReportTests {
  @Test("the samples in Reports/examples are what the tool produces now")
  func samplesAreCurrent() throws {
    let folder = try MaturityBinary.temporaryDirectory()
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/bash")
    process.arguments = ["scripts/make-reports", folder.path]
    process.currentDirectoryURL = MaturityBinary.packageRoot
    process.environment = ProcessInfo.processInfo.environment.merging([
      "MATURITY_BIN": MaturityBinary.url.path, "LANG": "C.UTF-8",
    ]) { $1 }
    try process.run()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)
    let samples = MaturityBinary.packageRoot.appendingPathComponent("Reports/examples")
    let fresh = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    let committed = try FileManager.default.contentsOfDirectory(atPath: samples.path).filter {
      !$0.hasSuffix(".png") && !$0.hasSuffix(".pdf")
    }.sorted()
    #expect(fresh == committed)
    #expect(fresh.count >= 25)
    for name in fresh {
      let now = try Data(contentsOf: folder.appendingPathComponent(name))
      let then = try Data(contentsOf: samples.appendingPathComponent(name))
      #expect(now == then, "Reports/examples/\(name) is stale: run `make reports`")
    }
  }

  @Test("user text is shown, not run: HTML escaped, spreadsheet formulas neutralised")
  func hostileText() throws {
    let folder = try MaturityBinary.temporaryDirectory()
    let response = folder.appendingPathComponent("hostile.response.yaml")
    try Data(
      """
      questionnaire: test-assessment
      version: "1.0"
      authority: {id: "X<1>", name: "<script>alert(1)</script>", country: ES, population: 4000, type: municipality}
      date: 2025-10-15
      answers:
        strategy: {value: draft, comment: '=HYPERLINK("http://x","y")', evidence: "javascript:alert(1)"}
        paper-forms: {value: "no", comment: "<img src=x onerror=alert(1)>", evidence: "https://example.org/a?b=<c>"}
        uses-ai: "yes"

      """.utf8
    ).write(to: response)
    func report(_ format: String) throws -> String {
      let out = folder.appendingPathComponent("report.\(format)").path
      let result = try MaturityBinary.run([
        "report", response.path, "--questionnaire", "Tests/Fixtures/questionnaires/test-assessment",
        "--format", format,
        "--output", out,
      ])
      #expect(result.status == 0, "\(result.stderr)")
      return try String(contentsOfFile: out, encoding: .utf8)
    }
    let html = try report("html")
    #expect(!html.contains("<script"))
    #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
    #expect(!html.contains("<img src=x"))
    #expect(!html.contains("href=\"javascript:"))
    #expect(html.contains("href=\"https://example.org/a?b=&lt;c&gt;\""))
    let csv = try report("csv")
    #expect(csv.contains("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\""))
    #expect(!csv.contains(",=HYPERLINK"))
    let markdown = try report("markdown")
    #expect(!markdown.contains("<script>") && markdown.contains("\\<script\\>"))
    #expect(try report("json").contains("\"name\": \"<script>alert(1)</script>\""))
  }

  @Test(
    "without --output the report goes to Reports/<authority-id>-<date>.<ext>; the HTML needs nothing external"
  )
  func defaultPathAndSelfContained() throws {
    let result = try MaturityBinary.run([
      "report", "Examples/responses/region.response.yaml", "--format", "markdown",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    let path = MaturityBinary.packageRoot.appendingPathComponent("Reports/IT-SYN-0003-2026-12-02.md").path
    #expect(result.stderr.contains("Reports/IT-SYN-0003-2026-12-02.md"))
    #expect(FileManager.default.fileExists(atPath: path))
    try? FileManager.default.removeItem(atPath: path)
    let html = try String(
      contentsOf: MaturityBinary.packageRoot.appendingPathComponent("Reports/examples/mid-size-city.en.html"),
      encoding: .utf8)
    for pattern in ["<script", "src=\"http", "<link", "@import", "url(http"] {
      #expect(!html.contains(pattern), "\(pattern)")
    }
    #expect(html.contains("Content-Security-Policy") && html.contains("<html lang=\"en\">"))
    #expect(html.contains("<svg") && html.contains("<title id=\"radar-title\">"))
  }

  @Test(
    "the sample JSON outputs follow their schemas",
    arguments: [
      ("report", "small-municipality.en.json"), ("report", "mid-size-city.en.json"),
      ("report", "region.en.json"),
      ("network", "network-fr.en.json"), ("scorecard", "region-score.json"),
      ("plan", "small-municipality-plan.en.json"), ("plan", "mid-size-city-plan.en.json"),
      ("plan", "region-plan.en.json"),
    ])
  func reportSchema(schema: String, name: String) throws {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [
      "python3", "scripts/validate-json", "schemas/\(schema).schema.json", "Reports/examples/\(name)",
    ]
    process.currentDirectoryURL = MaturityBinary.packageRoot
    try process.run()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)
  }
}

@Suite("maturity report network")
struct NetworkReportTests {
  @Test("members from responses and peer files; weak questions from responses; --anonymous hides names")
  func network() throws {
    let named = try MaturityBinary.run([
      "report", "network", "--peers", "Examples/responses", "--min-group", "2", "--format", "markdown",
      "--output", "-",
    ])
    #expect(named.status == 0, "\(named.stderr)")
    #expect(named.stdout.contains("Montaval (ville synthétique)"))
    #expect(named.stdout.contains("Questions most often weak across the network"))
    #expect(named.stdout.contains("| 1 | Synthetic Region of Valdoria |"))
    let anonymous = try MaturityBinary.run([
      "report", "network", "--peers", "Examples/responses", "--min-group", "2", "--anonymous", "--format",
      "csv", "--output", "-",
    ])
    #expect(anonymous.status == 0)
    #expect(!anonymous.stdout.contains("Montaval") && anonymous.stdout.contains("M001"))
    let withheld = try MaturityBinary.run([
      "report", "network", "--peers", "Examples/responses", "--format", "json", "--output", "-",
    ])
    #expect(withheld.stdout.contains("\"median\": null"))  // three members, fewer than k = 5
  }
}

@Suite("maturity plan")
struct PlanCommandTests {
  @Test("a plan in every format and language; hostile text shown, not run")
  func formats() throws {
    let folder = try MaturityBinary.temporaryDirectory()
    let response = folder.appendingPathComponent("hostile.response.yaml")
    try Data(
      """
      questionnaire: test-assessment
      version: "1.0"
      authority: {id: "X-1", name: "=cmd|' /C calc'!A0 <script>alert(1)</script>", country: ES, population: 4000, type: municipality}
      date: 2025-10-15
      answers:
        strategy: draft
        owner: unknown
        uses-ai: "no"

      """.utf8
    ).write(to: response)
    for format in ["markdown", "html", "csv", "json"] {
      for language in ["en", "fr", "es"] {
        let result = try MaturityBinary.run([
          "plan", response.path, "--questionnaire", "Tests/Fixtures/questionnaires/test-assessment",
          "--format", format,
          "--lang", language, "--output", "-",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        if format == "json" {
          // Data, kept as written.
          #expect(result.stdout.contains("\"name\": \"=cmd|' /C calc'!A0 <script>alert(1)</script>\""))
        } else {
          #expect(!result.stdout.contains("<script>alert"), "\(format) \(language)")
        }
        if format == "csv" || format == "json" { #expect(result.stdout.contains("find-out-owner")) }
      }
    }
    let html = try MaturityBinary.run([
      "plan", response.path, "--questionnaire", "Tests/Fixtures/questionnaires/test-assessment", "--format",
      "html", "--output", "-",
    ])
    #expect(html.stdout.contains("&lt;script&gt;") && html.stdout.contains("<svg"))
  }

  @Test("capacity carry-over and cohort from the command line")
  func capacityAndCohort() throws {
    let plan = try MaturityBinary.run([
      "plan", "Tests/Fixtures/responses/worked-example.response.yaml", "--questionnaire",
      "Tests/Fixtures/questionnaires/test-assessment",
      "--target", "level:advanced", "--capacity", "8", "--format", "csv", "--output", "-",
    ])
    #expect(plan.status == 0, "\(plan.stderr)")
    let rows = plan.stdout.split(separator: "\r\n").map(String.init)
    #expect(rows.count == 4)
    #expect(rows[3].contains("write-strategy") && rows[3].contains("later"))
    let cohort = try MaturityBinary.run([
      "plan", "--cohort", "Examples/responses", "--anonymous", "--format", "json", "--output", "-",
    ])
    #expect(cohort.status == 0, "\(cohort.stderr)")
    #expect(cohort.stdout.contains("\"members\": 3"))
    #expect(!cohort.stdout.contains("Montaval"))
    #expect(try MaturityBinary.run(["plan", "a.yaml", "b.yaml"]).status == 64)
  }
}

@Suite("One level everywhere")
struct OneLevelTests {
  /// Each dimension's level id, then the overall level id, as a JSON output gives them.
  static func levelIDs(_ levels: [Any?]) -> [String?] {
    levels.map { ($0 as? [String: Any])?["id"] as? String ?? ($0 as? String) }
  }

  @Test("score, report and the network report give each example authority the same levels")
  func sameLevels() throws {
    // Each authority's newest assessment: the network report shows that one.
    let examples = ["small-municipality", "mid-size-city-2026", "region"]
    let network = try MaturityBinary.run(
      [
        "report", "network", "--peers", "Examples/responses", "--min-group", "1", "--format", "json",
        "--output", "-",
      ])
    #expect(network.status == 0, "\(network.stderr)")
    let networkJSON = try #require(
      try JSONSerialization.jsonObject(with: Data(network.stdout.utf8)) as? [String: Any])
    let members = try #require(networkJSON["members"] as? [[String: Any]])
    for name in examples {
      let path = "Examples/responses/\(name).response.yaml"
      let score = try MaturityBinary.run(["score", path, "--format", "json"])
      let card = try #require(
        try JSONSerialization.jsonObject(with: Data(score.stdout.utf8)) as? [String: Any])
      let dimensions = try #require(card["dimensions"] as? [[String: Any]])
      let ids = dimensions.compactMap { $0["id"] as? String } + ["overall"]
      let fromScore = Self.levelIDs(
        dimensions.map { $0["level"] } + [(card["overall"] as? [String: Any])?["level"]])
      #expect(fromScore.contains { $0 != nil })

      let report = try MaturityBinary.run(["report", path, "--format", "json", "--output", "-"])
      let reportJSON = try #require(
        try JSONSerialization.jsonObject(with: Data(report.stdout.utf8)) as? [String: Any])
      let reportDimensions = try #require(reportJSON["dimensions"] as? [[String: Any]])
      let reportCard = try #require(reportJSON["scorecard"] as? [String: Any])
      let fromReport = Self.levelIDs(
        reportDimensions.map { $0["level"] } + [(reportCard["overall"] as? [String: Any])?["level"]])
      #expect(fromReport == fromScore, "\(name): report \(fromReport) vs score \(fromScore)")

      let authorityName = try #require((card["authority"] as? [String: Any])?["name"] as? String)
      let newest = members.filter { $0["name"] as? String == authorityName }
      let member = try #require(newest.first, "\(name) is not in the network report")
      let memberLevels = try #require(member["levels"] as? [String: Any])
      let fromNetwork = ids.map { memberLevels[$0] as? String }
      #expect(fromNetwork == fromScore, "\(name): network \(fromNetwork) vs score \(fromScore)")
    }
  }
}
