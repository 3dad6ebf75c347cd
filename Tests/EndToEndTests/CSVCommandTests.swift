import Foundation
import Testing

@Suite("maturity csv")
struct CSVCommandTests {
  func write(_ bytes: [UInt8], _ name: String) throws -> String {
    let url = try MaturityBinary.temporaryDirectory().appendingPathComponent(name)
    try Data(bytes).write(to: url)
    return url.path
  }

  @Test("prints each record as a JSON array, header included")
  func jsonLines() throws {
    let path = try write(Array("a;b\r\n\"x\ny\";\"q\"\"\\\"\r\n;\r\n".utf8), "in.csv")
    let result = try MaturityBinary.run(["csv", path])
    #expect(result.status == 0)
    #expect(result.stdout == "[\"a\",\"b\"]\n[\"x\\ny\",\"q\\\"\\\\\"]\n[\"\",\"\"]\n")
  }

  @Test("a Windows-1252 file is read with a warning naming it; --encoding utf8 refuses it with its line")
  func windows1252() throws {
    let path = try write(Array("name\nok\n".utf8) + [0x80, 0x0A], "cp.csv")
    let guessed = try MaturityBinary.run(["csv", path])
    #expect(guessed.status == 0)
    #expect(guessed.stdout.hasSuffix("[\"€\"]\n"))
    #expect(guessed.stderr.contains(path) && guessed.stderr.contains("Windows-1252"))
    let forced = try MaturityBinary.run(["csv", path, "--encoding", "utf8"])
    #expect(forced.status == 1)
    #expect(forced.stderr.hasPrefix("\(path):3: "))
  }

  @Test("an unterminated quote exits 1 with file and line, in the chosen language")
  func unterminatedQuote() throws {
    let path = try write(Array("a,b\n1,2\n3,\"open\n4,5\n".utf8), "bad.csv")
    let english = try MaturityBinary.run(["csv", path])
    #expect(english.status == 1)
    #expect(
      english.stderr
        == "\(path):3: a quoted field starts here and is never closed: add the missing closing quote (\")\n")
    let spanish = try MaturityBinary.run(["csv", path, "--lang", "es"])
    #expect(spanish.stderr.hasPrefix("\(path):3: un campo entre comillas"))
    let french = try MaturityBinary.run(["csv", path], environment: ["LANG": "fr_FR.UTF-8"])
    #expect(french.stderr.hasPrefix("\(path):3: un champ entre guillemets"))
  }

  @Test("--delimiter and --output; the output file is written whole")
  func delimiterAndOutput() throws {
    let path = try write(Array("a;b,c\n".utf8), "d.csv")
    let target = URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent(
      "out/rows.jsonl"
    ).path
    let result = try MaturityBinary.run(["csv", path, "--delimiter", ",", "--output", target])
    #expect(result.status == 0)
    #expect(try String(contentsOfFile: target, encoding: .utf8) == "[\"a;b\",\"c\"]\n")
    let leftovers = try FileManager.default.contentsOfDirectory(
      atPath: URL(fileURLWithPath: target).deletingLastPathComponent().path)
    #expect(leftovers == ["rows.jsonl"])
  }

  @Test("a failed read leaves an existing output file untouched")
  func failedReadKeepsOutput() throws {
    let path = try write(Array("a\n\"open\n".utf8), "bad.csv")
    let target = URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent("keep.jsonl")
      .path
    try Data("previous\n".utf8).write(to: URL(fileURLWithPath: target))
    let result = try MaturityBinary.run(["csv", path, "--output", target])
    #expect(result.status == 1)
    #expect(try String(contentsOfFile: target, encoding: .utf8) == "previous\n")
    #expect(
      try FileManager.default.contentsOfDirectory(
        atPath: URL(fileURLWithPath: target).deletingLastPathComponent().path
      ).sorted() == ["bad.csv", "keep.jsonl"])
  }

  @Test("usage errors exit 64; --version and --help work")
  func usage() throws {
    #expect(try MaturityBinary.run(["csv", "x.csv", "--delimiter", "x"]).status == 64)
    #expect(try MaturityBinary.run(["csv", "x.csv", "--lang", "de"]).status == 64)
    #expect(try MaturityBinary.run(["no-such-command"]).status == 64)
    let version = try MaturityBinary.run(["--version"])
    #expect(version.status == 0 && !version.stdout.isEmpty)
    let help = try MaturityBinary.run(["csv", "--help"])
    #expect(help.status == 0 && help.stdout.contains("Example"))
  }

  @Test("a missing file exits 1 naming it")
  func missingFile() throws {
    let result = try MaturityBinary.run(["csv", "no/such/file.csv"])
    #expect(result.status == 1)
    #expect(result.stderr.hasPrefix("no/such/file.csv: cannot read the file"))
  }
}
