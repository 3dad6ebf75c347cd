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
    let expected = try paths.map { try SHA256.hex(ofFile: $0) }
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
