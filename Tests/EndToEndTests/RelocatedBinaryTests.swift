import Foundation
import Testing

/// The binary copied out of the build folder, as someone without the package's sources has it.
@Suite struct RelocatedBinaryTests {
  @Test("a copy of the binary works from any folder: texts, templates and pages are built in")
  func copiedBinary() throws {
    let root = try MaturityBinary.temporaryDirectory()
    let manager = FileManager.default
    // An unpacked copy: PREFIX/bin/maturity and PREFIX/share/digital-maturity/Questionnaires.
    let binary = root.appendingPathComponent("prefix/bin/maturity")
    let share = root.appendingPathComponent("prefix/share/digital-maturity")
    try manager.createDirectory(at: binary.deletingLastPathComponent(), withIntermediateDirectories: true)
    try manager.createDirectory(at: share, withIntermediateDirectories: true)
    try manager.copyItem(at: MaturityBinary.url, to: binary)
    try manager.createSymbolicLink(
      at: share.appendingPathComponent("Questionnaires"),
      withDestinationURL: MaturityBinary.packageRoot.appendingPathComponent("Questionnaires"))
    let elsewhere = root.appendingPathComponent("work")
    try manager.createDirectory(at: elsewhere, withIntermediateDirectories: true)
    let response = MaturityBinary.packageRoot
      .appendingPathComponent("Examples/responses/mid-size-city.response.yaml").path

    let score = try MaturityBinary.run(
      ["score", response, "--lang", "fr"], binary: binary, directory: elsewhere)
    #expect(score.status == 0, "\(score.stderr)")
    // A French text of the catalogue: the catalogues are in the binary.
    #expect(score.stdout.contains("Couverture : 100 % des questions applicables"))

    let report = try MaturityBinary.run(
      ["report", response, "--output", "report.html"], binary: binary, directory: elsewhere)
    #expect(report.status == 0, "\(report.stderr)")
    let html = try String(contentsOf: elsewhere.appendingPathComponent("report.html"), encoding: .utf8)
    #expect(html.contains("<svg") && html.contains("Overall"))
  }

  @Test("--version gives the version and, in a git checkout, the commit it was built from")
  func version() throws {
    let result = try MaturityBinary.run(["--version"])
    #expect(result.status == 0)
    let checkout = FileManager.default.fileExists(
      atPath: MaturityBinary.packageRoot.appendingPathComponent(".git").path)
    #expect(result.stdout.contains("(commit ") == checkout, "\(result.stdout)")
  }
}
