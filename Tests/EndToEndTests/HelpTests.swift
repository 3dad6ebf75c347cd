import Foundation
import TestSupport
import Testing

/// Every command's `--help`, as users read it, kept in `Tests/EndToEndTests/Help/`: a change to
/// an option or its words shows in review as a change to these files. Run with
/// `UPDATE_HELP=1` to write them again after a deliberate change.
@Suite("Help of every command")
struct HelpTests {
  static let folder = Repository.url("Tests/EndToEndTests/Help")

  /// Every command path (`""` for the root, `report authority`, …), from the tool's own
  /// description of itself.
  static func commands() throws -> [String] {
    let dump = try MaturityBinary.run(["--experimental-dump-help"])
    let json = try JSONSerialization.jsonObject(with: Data(dump.stdout.utf8)) as? [String: Any]
    func walk(_ command: [String: Any], _ path: [String]) -> [String] {
      let subcommands = command["subcommands"] as? [[String: Any]] ?? []
      return [path.joined(separator: " ")]
        + subcommands.flatMap { walk($0, path + [$0["commandName"] as? String ?? "?"]) }
    }
    return walk(json?["command"] as? [String: Any] ?? [:], []).filter { $0 != "help" }
  }

  static func snapshotName(_ command: String) -> String {
    (command.isEmpty ? "maturity" : "maturity-" + command.replacingOccurrences(of: " ", with: "-")) + ".txt"
  }

  @Test("each command's help is the one kept, and every command has one")
  func helpIsKept() throws {
    let commands = try Self.commands()
    #expect(commands.count > 20, "\(commands)")
    let update = ProcessInfo.processInfo.environment["UPDATE_HELP"] == "1"
    for command in commands {
      let run = try MaturityBinary.run(
        command.split(separator: " ").map(String.init) + ["--help"], environment: ["COLUMNS": "100"])
      #expect(run.status == 0, "\(command): \(run.stderr)")
      let file = Self.folder.appendingPathComponent(Self.snapshotName(command))
      if update {
        try FileManager.default.createDirectory(at: Self.folder, withIntermediateDirectories: true)
        try run.stdout.write(to: file, atomically: true, encoding: .utf8)
      }
      let kept = try? String(contentsOf: file, encoding: .utf8)
      #expect(kept == run.stdout, "maturity \(command) --help differs from \(file.lastPathComponent)")
    }
    let files = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path).filter {
      $0.hasSuffix(".txt")
    }
    #expect(Set(files) == Set(commands.map(Self.snapshotName)), "help files of commands that are gone")
  }
}
