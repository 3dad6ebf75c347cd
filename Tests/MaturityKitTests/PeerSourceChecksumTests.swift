import Foundation
import TestSupport
import Testing

@testable import MaturityKit

/// A peer file's checksum is taken when it is read and travels with it to the report.
@Suite("Peer file checksums")
struct PeerSourceChecksumTests {
  @Test("two peer files of one name in two folders keep their own checksums, read or kept as tables")
  func sameNameTwoFolders() throws {
    let questionnaire = try Fixtures.publishedQuestionnaire()
    let lines = try String(
      contentsOfFile: Repository.path("Examples/peers/synthetic-peers-scores.csv"), encoding: .utf8
    )
    .split(whereSeparator: \.isNewline).map(String.init)
    let work = FileManager.default.temporaryDirectory.appendingPathComponent("checksums-\(UUID())").path
    defer { try? FileManager.default.removeItem(atPath: work) }
    var paths: [String] = []
    for (folder, half) in [("a", 0), ("b", 1)] {
      try FileManager.default.createDirectory(atPath: "\(work)/\(folder)", withIntermediateDirectories: true)
      let rows = lines.dropFirst().enumerated().filter { $0.offset % 2 == half }.map(\.element)
      let path = "\(work)/\(folder)/peers.csv"
      try ([lines[0]] + rows).joined(separator: "\n").appending("\n").write(
        toFile: path, atomically: true, encoding: .utf8)
      paths.append(path)
    }
    // As coreutils' sha256sum computes them.
    let expected = try paths.map { path in
      let process = Process()
      let output = Pipe()
      process.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
      process.arguments = [path]
      process.standardOutput = output
      try process.run()
      let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
      process.waitUntilExit()
      return String(text.prefix(64))
    }
    #expect(expected[0] != expected[1])
    let (set, _) = try PeerSetReader.read(paths, questionnaire: questionnaire)
    #expect(set.sources.map(\.sha256) == expected)
    var options = PeerReadOptions()
    options.cacheDirectory = "\(work)/cache"
    for _ in 0..<2 {  // parsed, then loaded from the kept tables
      let (group, _) = try PeerGroupReader.read(
        paths, questionnaire: questionnaire, options: options, filter: PeerFilter(),
        bands: PopulationBands(bounds: questionnaire.populationBands),
        authority: Authority(id: "X", name: "X"))
      #expect(group.sources.map(\.sha256) == expected)
    }
  }
}
