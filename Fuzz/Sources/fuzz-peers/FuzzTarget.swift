import Foundation
import FuzzSupport

@testable import MaturityKit

/// The peer files of `compare`: a peer CSV (scores or answers shape, first byte even; one or two
/// threads, with or without `--skip-invalid`), or a kept binary peer table (first byte odd),
/// loaded against a fixed key as the cache does.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let (selector, rest) = FuzzInput.split(data, size)
  if selector & 1 == 0 {
    let path = FuzzInput.file(rest, name: "fuzz-peers.csv")
    let options = PeerReadOptions(skipInvalid: selector & 2 != 0, threads: selector & 4 == 0 ? 1 : 2)
    _ = try? PeerSetReader.read([path], questionnaire: FuzzInput.questionnaire, options: options)
  } else {
    let path = FuzzInput.file(rest, name: "fuzz.peertable")
    _ = try? PeerTableFile.load(URL(fileURLWithPath: path), key: tableKey)
  }
  return 0
}

/// The key every table given to the fuzzer claims (the seeds are written with it).
let tableKey: PeerTableCache.Key = {
  let questionnaire = FuzzInput.questionnaire
  let names = [questionnaire.id, questionnaire.version] + questionnaire.dimensions.map(\.id)
  let json = """
    {"format": \(PeerTableCache.Key.format), "path": "/fuzz/peers.csv", "device": 1, "inode": 1, "size": 1, "modified": [0, 0],
     "questionnaire": [\(names.map { "\"\($0)\"" }.joined(separator: ","))]}
    """
  do { return try JSONDecoder().decode(PeerTableCache.Key.self, from: Data(json.utf8)) } catch {
    fatalError("fuzz setup: table key: \(error)")
  }
}()

/// Writes the seed tables (of the example peer files: the French Excel sample, and the first 30
/// rows of the synthetic scores), with `tableKey`, into the folder `MATURITY_FUZZ_WRITE_SEEDS`
/// names, then stops; `scripts/fuzz peers` does this before a run.
func writeSeedTables() {
  guard let folder = ProcessInfo.processInfo.environment["MATURITY_FUZZ_WRITE_SEEDS"] else { return }
  let synthetic =
    (try? String(
      contentsOfFile: FuzzInput.root + "/Examples/peers/synthetic-peers-scores.csv", encoding: .utf8)) ?? ""
  let sources = [
    "excel-fr-sample": FileManager.default.contents(
      atPath: FuzzInput.root + "/Examples/peers/excel-fr-sample.csv") ?? Data(),
    "synthetic-scores": Data(synthetic.split(separator: "\n").prefix(31).joined(separator: "\n").utf8),
  ]
  for (name, csv) in sources {
    do {
      let table = try PeerTable.read(
        FuzzInput.file(Array(csv), name: name + ".csv"), questionnaire: FuzzInput.questionnaire,
        options: PeerReadOptions(threads: 1))
      let seed = folder + "/table-" + name
      FileManager.default.createFile(atPath: seed, contents: Data([1]))
      let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: seed))
      try handle.seekToEnd()
      try PeerTableFile.write(table, key: tableKey, to: handle)
      try handle.close()
    } catch { fatalError("fuzz setup: seed table of \(name): \(error)") }
  }
  exit(0)
}

/// The program's entry point (see `FuzzDriver`).
@_cdecl("fuzz_peers_main")
func entry(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
  writeSeedTables()
  return FuzzDriver.run(argc, argv, fuzz)
}
