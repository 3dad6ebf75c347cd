import Foundation
import InterfaceText
import Testing

@testable import MaturityKit

@Suite("Writing output files")
struct OutputTests {
  func folder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("output-\(UUID())")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  @Test("an atomic file replaces the old one only when committed")
  func atomicReplace() throws {
    let path = try folder().appendingPathComponent("report.md").path
    try AtomicFile.write(Array("old".utf8), to: path)
    do {
      let file = try AtomicFile(path: path)
      try file.write(Array("new, half".utf8))
      // Dropped without commit: as if the process stopped here.
    }
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "old")
    let file = try AtomicFile(path: path)
    try file.write(Array("new".utf8))
    try file.commit()
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "new")
    let names = try FileManager.default.contentsOfDirectory(
      atPath: URL(fileURLWithPath: path).deletingLastPathComponent().path)
    #expect(names == ["report.md"])
  }

  @Test("missing folders are created; a folder as target is refused")
  func folders() throws {
    let base = try folder()
    let nested = base.appendingPathComponent("a/b/out.json").path
    try AtomicFile.write(Array("{}".utf8), to: nested)
    #expect(FileManager.default.fileExists(atPath: nested))
    #expect(throws: OutputError.isDirectory(path: base.path)) { try AtomicFile(path: base.path) }
  }

  @Test("JSON strings escape quotes, backslashes and control characters")
  func jsonEscaping() {
    var output: [UInt8] = []
    Array("a\"b\\c\n\t\u{1}é".utf8).withUnsafeBufferPointer { JSONText.appendString($0, to: &output) }
    #expect(String(decoding: output, as: UTF8.self) == "\"a\\\"b\\\\c\\n\\t\\u0001é\"")
  }
}

@Suite("Gaps in words")
struct GapWordingTests {
  @Test(
    "a gap reads 'behind by' or 'ahead by' in every language, never as a bare signed number",
    arguments: [
      ("en", 3.74, "behind by 3.7"), ("en", -2.6, "ahead by 2.6"), ("en", 0.04, "on target"),
      ("fr", 3.74, "en retard de 3,7"), ("fr", -2.6, "en avance de 2,6"), ("es", -2.6, "por delante en 2,6"),
    ])
  func words(language: String, gap: Double, expected: String) throws {
    let texts = TextCatalogue(language: try #require(Language(language)))
    #expect(ScoreDisplay.gap(gap, texts) == expected)
  }
}
