import Foundation
import Testing

@Suite("maturity migrate")
struct MigrateCommandTests {
  /// test-assessment 2.0, with edition 1.0 and the migration between them.
  let environment = ["MATURITY_QUESTIONNAIRES": "Tests/Fixtures/editions"]
  let response = "Tests/Fixtures/responses/worked-example.response.yaml"

  @Test(
    "writes the response on the new edition with a report of what was not carried over; it validates and scores"
  )
  func migrateToFolder() throws {
    let folder = try MaturityBinary.temporaryDirectory().path
    let result = try MaturityBinary.run(
      ["migrate", response, "--to", "2.0", "--output", folder], environment: environment)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(
      result.stdout == """
        \(response): test-assessment 1.0 → 2.0: 5 answers kept as they were, 5 mapped (each says so in its comment), 1 new questions left blank, 1 answers not carried over
          ai-share = 40: the question was dropped: the share of services using AI is no longer asked

        """)
    let written = folder + "/worked-example.response.yaml"
    let text = try String(contentsOfFile: written, encoding: .utf8)
    #expect(text.hasPrefix("# \(response): test-assessment 1.0 → 2.0"))
    #expect(text.contains("comment: \"Carried over from edition 1.0: paper-forms = no.\""))
    let scored = try MaturityBinary.run(["score", written, "--format", "csv"], environment: environment)
    #expect(scored.status == 0, "\(scored.stderr)")
    #expect(scored.stdout.contains("governance") && scored.stdout.contains("60"))
  }

  @Test("refuses what it cannot do: no migration backwards, several responses without --output")
  func refusals() throws {
    let folder = try MaturityBinary.temporaryDirectory().path
    let migrated = try MaturityBinary.run(
      ["migrate", response, "--to", "2.0", "--output", folder], environment: environment)
    #expect(migrated.status == 0)
    let backwards = try MaturityBinary.run(
      ["migrate", folder + "/worked-example.response.yaml", "--to", "1.0"], environment: environment)
    #expect(backwards.status == 1)
    #expect(
      backwards.stderr.contains(
        "no migration of test-assessment leads from edition 2.0 to 1.0: add a file migrations/2.0-to-1.0.yaml"
      ))
    let several = try MaturityBinary.run(
      ["migrate", response, response, "--to", "2.0"], environment: environment)
    #expect(several.status == 64 && several.stderr.contains("Several responses need --output FOLDER."))
  }

  @Test("report --previous across editions: the earlier response is carried over, and the command says so")
  func previousAcrossEditions() throws {
    let folder = try MaturityBinary.temporaryDirectory().path
    _ = try MaturityBinary.run(
      ["migrate", response, "--to", "2.0", "--output", folder], environment: environment)
    let report = try MaturityBinary.run(
      [
        "report", folder + "/worked-example.response.yaml", "--previous", response, "--format", "json",
        "--output", folder + "/report.json",
      ], environment: environment)
    #expect(report.status == 0, "\(report.stderr)")
    #expect(
      report.stderr.contains(
        "\(response): compared on the 2.0 edition; the response was for 1.0: 1 questions had no 1.0 counterpart and count as blank, 1 answers could not be carried over"
      ))
    let json = try String(contentsOfFile: folder + "/report.json", encoding: .utf8)
    #expect(json.contains("\"previousScore\": 60,") && json.contains("\"change\": 0"))
  }

  @Test(
    "compare across editions: a response is carried over to its peers' later edition; earlier peers are refused"
  )
  func compareAcrossEditions() throws {
    let folder = try MaturityBinary.temporaryDirectory().path
    for (edition, questionnaire) in [
      ("2.0", "test-assessment"), ("1.0", "Tests/Fixtures/editions/test-assessment/editions/1.0.yaml"),
    ] {
      let made = try MaturityBinary.run(
        [
          "example", "peers", "--questionnaire", questionnaire, "--count", "20", "--seed", "3", "--output",
          folder + "/" + edition,
        ], environment: environment)
      #expect(made.status == 0, "\(made.stderr)")
    }
    let later = try MaturityBinary.run(
      [
        "compare", response, "--peers", folder + "/2.0/synthetic-peers-scores.csv", "--no-cache", "--format",
        "csv",
      ],
      environment: environment)
    #expect(later.status == 0, "\(later.stderr)")
    #expect(later.stderr.contains("\(response): compared on the 2.0 edition; the response was for 1.0"))
    // The carried-over scores of the hand-computed test: governance 60, data 50.
    #expect(later.stdout.contains("governance,60,") && later.stdout.contains("data,50,"))
    // The outputs say so too: a sentence under the text heading, a key in the JSON.
    for (format, expected) in [
      ("text", "compared on the 2.0 edition; the response was for 1.0: 1 questions had no 1.0 counterpart"),
      ("json", "\"carriedFrom\": {\n      \"from\": \"1.0\","),
    ] {
      let run = try MaturityBinary.run(
        [
          "compare", response, "--peers", folder + "/2.0/synthetic-peers-scores.csv", "--no-cache",
          "--format", format,
        ],
        environment: environment)
      #expect(run.stdout.contains(expected), "\(format): \(run.stdout)")
      if format == "json" {
        #expect(try PeerCommandTests().schemaValid("comparison.schema.json", run.stdout))
      }
    }
    _ = try MaturityBinary.run(
      ["migrate", response, "--to", "2.0", "--output", folder], environment: environment)
    let earlier = try MaturityBinary.run(
      [
        "compare", folder + "/worked-example.response.yaml", "--peers",
        folder + "/1.0/synthetic-peers-scores.csv",
        "--no-cache",
      ], environment: environment)
    #expect(earlier.status == 1)
    #expect(
      earlier.stderr.contains(
        "synthetic-peers-scores.csv: this peer file was made on edition 1.0, not 2.0, and cannot be used as it is"
      ))
    // The same peers' answers, with the edition named, are carried over and rescored.
    let answers = try String(contentsOfFile: folder + "/1.0/synthetic-peers-answers.csv", encoding: .utf8)
      .split(separator: "\r\n").enumerated()
      .map { index, line in index == 0 ? line + ",questionnaire,version" : line + ",test-assessment,1.0" }
    try Data((answers.joined(separator: "\r\n") + "\r\n").utf8).write(
      to: URL(fileURLWithPath: folder + "/answers-1.0.csv"))
    let carried = try MaturityBinary.run(
      [
        "compare", folder + "/worked-example.response.yaml", "--peers", folder + "/answers-1.0.csv",
        "--no-cache",
      ],
      environment: environment)
    #expect(carried.status == 0, "\(carried.stderr)")
    #expect(
      carried.stderr.contains(
        "answers-1.0.csv: peer answers of edition 1.0 carried over to edition 2.0 through the migration and rescored"
      ))
    #expect(carried.stdout.contains("compared with 20 peers"))
    // The network-wide commands carry it over to the questionnaire they are given, too.
    let stats = try MaturityBinary.run(
      [
        "benchmark", "stats", folder + "/answers-1.0.csv", "--questionnaire", "test-assessment", "--by",
        "none",
      ],
      environment: environment)
    #expect(stats.status == 0, "\(stats.stderr)")
    #expect(stats.stderr.contains("carried over to edition 2.0") && stats.stdout.contains("all    20"))
  }
}
