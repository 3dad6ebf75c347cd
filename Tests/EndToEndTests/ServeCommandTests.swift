import Foundation
import Glibc
import Testing

@Suite struct ServeCommandTests {
  @Test func importThenExportAllGivesBackEveryResponse() throws {
    let folder = try MaturityBinary.temporaryDirectory()
    let database = folder.appendingPathComponent("data/assessments.sqlite").path
    let input = folder.appendingPathComponent("in")
    try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
    for name in ["small-municipality", "mid-size-city", "mid-size-city-2023"] {
      try FileManager.default.copyItem(
        at: MaturityBinary.packageRoot.appendingPathComponent("Examples/responses/\(name).response.yaml"),
        to: input.appendingPathComponent("\(name).response.yaml"))
    }
    let imported = try MaturityBinary.run(["serve", "--db", database, "--import", input.path])
    #expect(imported.status == 0, "\(imported.stderr)")
    #expect(imported.stderr.contains("3 assessments added to \(database)"))

    let output = folder.appendingPathComponent("out").path
    let exported = try MaturityBinary.run(["serve", "--db", database, "--export-all", output])
    #expect(exported.status == 0, "\(exported.stderr)")
    let files = try FileManager.default.contentsOfDirectory(atPath: output).sorted()
    #expect(files.count == 3)
    // The exported files score exactly as the originals.
    func scores(_ path: String) throws -> String {
      let result = try MaturityBinary.run(["score", path, "--format", "csv"])
      #expect(result.status == 0, "\(result.stderr)")
      return result.stdout
    }
    let originals = try ["small-municipality", "mid-size-city", "mid-size-city-2023"].map {
      try scores(input.appendingPathComponent("\($0).response.yaml").path)
    }
    let copies = try files.map { try scores(output + "/" + $0) }
    #expect(Set(originals) == Set(copies))
  }

  @Test func aBadFileInTheImportFolderStopsTheWholeImport() throws {
    let folder = try MaturityBinary.temporaryDirectory()
    let database = folder.appendingPathComponent("a.sqlite").path
    try FileManager.default.copyItem(
      at: MaturityBinary.packageRoot.appendingPathComponent("Examples/responses/region.response.yaml"),
      to: folder.appendingPathComponent("a.response.yaml"))
    try Data(
      "questionnaire: ai-data-readiness\nversion: \"2025.1\"\nauthority: {id: X, name: X}\nanswers:\n  opn-policy: maybe\n"
        .utf8
    )
    .write(to: folder.appendingPathComponent("b.response.yaml"))
    let result = try MaturityBinary.run(["serve", "--db", database, "--import", folder.path])
    #expect(result.status == 1)
    #expect(result.stderr.contains("b.response.yaml:5"))
    let exported = try MaturityBinary.run([
      "serve", "--db", database, "--export-all", folder.appendingPathComponent("out").path,
    ])
    #expect(exported.stderr.contains("0 assessments written"))
  }

  @Test func aPortInUseIsExplained() throws {
    // Occupy a free port on loopback, as another program would.
    let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    defer { close(socket) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafeMutablePointer(to: &address) { pointer in
      pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { generic in
        bind(socket, generic, length) == 0 && listen(socket, 1) == 0
          && getsockname(socket, generic, &length) == 0
      }
    }
    try #require(bound)
    let port = Int(UInt16(bigEndian: address.sin_port))
    let folder = try MaturityBinary.temporaryDirectory()
    let result = try MaturityBinary.run([
      "serve", "--db", folder.appendingPathComponent("a.sqlite").path, "--port", "\(port)",
    ])
    #expect(result.status == 1)
    #expect(result.stderr.contains("127.0.0.1:\(port) is already in use by another program"))
  }

  @Test func onlyTheNetworkServerListensBeyondLoopback() throws {
    let folder = try MaturityBinary.temporaryDirectory()
    let db = folder.appendingPathComponent("a.sqlite").path
    let local = try MaturityBinary.run(["serve", "--db", db, "--host", "0.0.0.0"])
    #expect(local.status == 64 && local.stderr.contains("Give --accounts"))
    let url = try MaturityBinary.run(["serve", "--db", db, "--public-url", "https://m.example.eu"])
    #expect(url.status == 64 && url.stderr.contains("--public-url goes with --accounts"))
    let password = try MaturityBinary.run([
      "serve", "--accounts", "--db", "postgres://m:secret@127.0.0.1:1/m",
    ])
    #expect(
      password.status == 1 && password.stderr.contains("PGPASSWORD") && !password.stderr.contains("secret"))
  }
}

@Suite("maturity serve, as operators run it")
struct ServeOperationsTests {
  @Test(
    "configured by MATURITY_* variables only: health, readiness, metrics on their own address, JSON log lines with request ids and no secret"
  )
  func operations() throws {
    let run = try MaturityBinary.runScript("serve_operations.py", [MaturityBinary.url.path])
    #expect(run.status == 0, "\(run.stderr)")
  }

  @Test func environmentVariablesAreCheckedAsFlagsAre() throws {
    let folder = try MaturityBinary.temporaryDirectory()
    let db = folder.appendingPathComponent("a.sqlite").path
    let port = try MaturityBinary.run(["serve", "--db", db], environment: ["MATURITY_PORT": "eighty"])
    #expect(port.status == 64 && port.stderr.contains("MATURITY_PORT") && port.stderr.contains("eighty"))
    let host = try MaturityBinary.run(["serve", "--db", db], environment: ["MATURITY_HOST": "0.0.0.0"])
    #expect(host.status == 64 && host.stderr.contains("Give --accounts"))
    let metrics = try MaturityBinary.run(
      ["serve", "--db", db], environment: ["MATURITY_METRICS_ADDRESS": "everywhere"])
    #expect(metrics.status == 64 && metrics.stderr.contains("--metrics-address must be HOST:PORT"))
    let level = try MaturityBinary.run(["serve", "--db", db], environment: ["MATURITY_LOG_LEVEL": "loud"])
    #expect(
      level.status == 64 && level.stderr.contains("MATURITY_LOG_LEVEL") && level.stderr.contains("warning"))
    // A flag given wins over its variable; MATURITY_DB names the database of every command.
    let exported = try MaturityBinary.run(
      ["serve", "--host", "127.0.0.1", "--export-all", folder.appendingPathComponent("out").path],
      environment: ["MATURITY_HOST": "0.0.0.0", "MATURITY_DB": db])
    #expect(exported.status == 0, "\(exported.stderr)")
    #expect(FileManager.default.fileExists(atPath: db))
  }
}

extension ServeOperationsTests {
  @Test func everyVariableOfTheHelpIsInTheOperationsGuide() throws {
    let help = try MaturityBinary.run(["serve", "--help"]).stdout
    let variables = help.split(separator: "\n").compactMap { line in
      line.hasPrefix("  MATURITY_") ? line.split(separator: " ").first.map(String.init) : nil
    }
    #expect(variables.count >= 12)
    let guide = try String(
      contentsOf: MaturityBinary.packageRoot.appendingPathComponent("docs/operations.md"), encoding: .utf8)
    for variable in variables { #expect(guide.contains("`\(variable)`"), "\(variable)") }
  }
}

@Suite("maturity serve, killed")
struct ServeKillTests {
  @Test(
    "killed with SIGKILL in the middle of four writers' saves, three times: every acknowledged answer is stored and the database is intact"
  )
  func killedDuringSaves() throws {
    let run = try MaturityBinary.runScript("serve_kill.py", [MaturityBinary.url.path, "3"])
    #expect(run.status == 0, "\(run.stderr)")
  }
}
