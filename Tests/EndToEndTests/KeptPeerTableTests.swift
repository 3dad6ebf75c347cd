import Foundation
import Testing

/// A kept peer table is used only when it is whole, and nothing in place of one, or of a peer
/// file, makes a comparison wait (issue 15, defects 2 and 4).
@Suite("Kept peer tables: damage and special files")
struct KeptPeerTableTests {
  let response = "Examples/responses/small-municipality.response.yaml"
  let scores = "Examples/peers/synthetic-peers-scores.csv"
  var arguments: [String] { ["compare", response, "--peers", scores, "--country", "FR", "--format", "json"] }

  /// A fresh cache folder for one test, and the folder its tables go to.
  func freshCache() -> (home: URL, tables: URL) {
    let home = FileManager.default.temporaryDirectory.appendingPathComponent("maturity-cache-\(UUID())")
    return (home, home.appendingPathComponent("digital-maturity/peer-tables"))
  }

  /// The one table kept in `tables`.
  func keptTable(_ tables: URL) throws -> URL {
    let files = try FileManager.default.contentsOfDirectory(atPath: tables.path).filter {
      $0.hasSuffix(".peertable")
    }
    #expect(files.count == 1)
    return tables.appendingPathComponent(try #require(files.first))
  }

  @Test(
    "a table damaged in its JSON header or its columns is not trusted: the output is --no-cache's (regression)",
    arguments: ["header", "columns"])
  func damagedTable(place: String) throws {
    let cache = freshCache()
    defer { try? FileManager.default.removeItem(at: cache.home) }
    let environment = ["XDG_CACHE_HOME": cache.home.path]
    let uncached = try MaturityBinary.run(arguments + ["--no-cache"], environment: environment)
    #expect(uncached.status == 0, "\(uncached.stderr)")
    #expect(try MaturityBinary.run(arguments, environment: environment).stdout == uncached.stdout)
    let table = try keptTable(cache.tables)
    var bytes = try Array(Data(contentsOf: table))
    // The magic line, the header's length (8 bytes), the JSON header, then the columns.
    let headerStart = try #require(bytes.firstIndex(of: UInt8(ascii: "\n"))) + 1 + 8
    let country = Array("\"FR\"".utf8)
    let inHeader = try #require(
      (headerStart..<(bytes.count - country.count)).first {
        Array(bytes[$0..<($0 + country.count)]) == country
      })
    if place == "header" {
      bytes[inHeader + 2] = UInt8(ascii: "Q")  // FR -> FQ
    } else {
      bytes[(inHeader + bytes.count) / 2] ^= 0x01
    }
    try Data(bytes).write(to: table)
    let again = try MaturityBinary.run(arguments, environment: environment)
    #expect(again.status == 0, "\(again.stderr)")
    #expect(again.stdout == uncached.stdout)
    // The damaged table was written again.
    #expect(try Array(Data(contentsOf: table)) != bytes)
    #expect(try MaturityBinary.run(arguments, environment: environment).stdout == uncached.stdout)
  }

  @Test("a FIFO in place of a kept table is not opened: compare finishes with the right output (regression)")
  func fifoInPlaceOfTable() throws {
    let cache = freshCache()
    defer { try? FileManager.default.removeItem(at: cache.home) }
    let environment = ["XDG_CACHE_HOME": cache.home.path]
    let uncached = try MaturityBinary.run(arguments + ["--no-cache"], environment: environment)
    _ = try MaturityBinary.run(arguments, environment: environment)
    let table = try keptTable(cache.tables)
    try FileManager.default.removeItem(at: table)
    #expect(mkfifo(table.path, 0o600) == 0)
    let result = try MaturityBinary.run(arguments, environment: environment, timeLimit: 20)
    #expect(!result.timedOut, "compare waited on the FIFO")
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout == uncached.stdout)
    // The FIFO is replaced by a table.
    let info = try FileManager.default.attributesOfItem(atPath: table.path)
    #expect(info[.type] as? FileAttributeType == .typeRegular)
  }

  @Test("a FIFO given as --peers is refused with a message, never waited on (regression)")
  func fifoAsPeerFile() throws {
    let folder = try MaturityBinary.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let fifo = folder.appendingPathComponent("peers.csv").path
    #expect(mkfifo(fifo, 0o600) == 0)
    for extra in [[], ["--no-cache"]] {
      let result = try MaturityBinary.run(
        ["compare", response, "--peers", fifo] + extra, environment: ["XDG_CACHE_HOME": folder.path],
        timeLimit: 20)
      #expect(!result.timedOut, "compare waited on the FIFO")
      #expect(result.status == 1)
      #expect(result.stderr.contains("\(fifo): not a regular file"), "\(result.stderr)")
    }
  }
}
