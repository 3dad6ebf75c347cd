import Foundation
import Testing

@Suite("maturity fill")
struct FillTests {
  /// A new response file `NAME.response.yaml` and the command that fills it in, with `extra` options.
  static func fill(_ name: String, _ extra: [String] = []) throws -> (output: String, arguments: [String]) {
    let output = try MaturityBinary.temporaryDirectory().appendingPathComponent("\(name).response.yaml").path
    return (
      output,
      ["fill", "Tests/Fixtures/questionnaires/test-assessment", "--output", output, "--date", "2025-10-15"]
        + extra
    )
  }

  @Test("in a pseudo-terminal: answer, kill -9, resume, finish; the file is the expected one")
  func pseudoTerminal() throws {
    let run = try MaturityBinary.runScript(
      "fill_in_pty.py",
      [MaturityBinary.url.path, "Tests/Fixtures/responses/filled-in-terminal.response.yaml"])
    #expect(run.status == 0, "\(run.stderr)")
  }

  @Test("piped input: one answer per line; the end of the input quits and keeps the answers")
  func piped() throws {
    let (output, arguments) = try Self.fill("piped")
    let first = try MaturityBinary.run(arguments, input: "ES-9\nPueblo\n\n\n\n3\nmaybe\nn\n")
    #expect(first.status == 0, "\(first.stderr)")
    #expect(first.stdout.contains("Please answer y or n."))
    #expect(first.stdout.contains("2 answers saved"))
    let saved = try String(contentsOfFile: output, encoding: .utf8)
    #expect(saved.contains("strategy: \"adopted\"") && saved.contains("paper-forms: \"no\""))
    #expect(saved.contains("type: municipality"))
    let second = try MaturityBinary.run(arguments, input: "s\nq\n")
    #expect(second.stdout.contains("Continuing"))
    #expect(second.stdout.contains("owner:") && second.stdout.contains("practices:"))
  }

  @Test("an answer that switches off answered questions asks before removing them")
  func removalNeedsConfirmation() throws {
    let (output, arguments) = try Self.fill(
      "r",
      [
        "--authority-id", "A", "--authority-name", "B", "--country", "ES", "--population", "10", "--type",
        "region",
      ])
    _ = try MaturityBinary.run(arguments, input: "g 2\ny\n30\nq\n")
    #expect(try String(contentsOfFile: output, encoding: .utf8).contains("ai-share: 30"))
    let changed = try MaturityBinary.run(arguments, input: "g 2\nn\nn\nq\n")
    #expect(changed.stdout.contains("these questions no longer apply: ai-share"))
    // Kept: the user said no.
    #expect(try String(contentsOfFile: output, encoding: .utf8).contains("ai-share: 30"))
    _ = try MaturityBinary.run(arguments, input: "g 2\ny\ng 2\nn\ny\nq\n")
    #expect(!(try String(contentsOfFile: output, encoding: .utf8)).contains("ai-share"))
  }

  @Test("the population is read as every answer is: 12.000 and 12 000 are 12000, 12,5 is asked again")
  func populationAsAnswersAreRead() throws {
    let (output, arguments) = try Self.fill("p", ["--lang", "es"])
    let run = try MaturityBinary.run(arguments, input: "ES-9\nPueblo\nES\n12,5\n12.000\n\nno lo sé\nq\n")
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.contains("Indique un número"))
    let saved = try String(contentsOfFile: output, encoding: .utf8)
    #expect(saved.contains("population: 12000"))
  }

  @Test("--country, --type and --date are checked before anything is written, as a response file is read")
  func authorityOptionsAreChecked() throws {
    for (option, value) in [("--country", "France"), ("--type", "city"), ("--date", "2025-02-30")] {
      let (output, arguments) = try Self.fill("bad-\(option.dropFirst(2))", [option, value])
      let run = try MaturityBinary.run(arguments, input: "ES-9\nPueblo\n")
      #expect(run.status == 64, "\(option) \(value): \(run.stderr)")
      #expect(run.stderr.contains(option), "\(run.stderr)")
      #expect(!FileManager.default.fileExists(atPath: output))
    }
  }

  @Test("a country or type typed wrong is asked again, never saved as typed or replaced silently")
  func countryAndTypeAreAskedAgain() throws {
    let (output, arguments) = try Self.fill("asked")
    let run = try MaturityBinary.run(arguments, input: "ES-9\nPueblo\nSpain\nes\n\ncity\nregion\nq\n")
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.contains("Give a two-letter country code"))
    #expect(run.stdout.contains("Give municipality, region or other."))
    let saved = try String(contentsOfFile: output, encoding: .utf8)
    #expect(saved.contains("country: \"ES\"") && saved.contains("type: region"), "\(saved)")
  }
}
