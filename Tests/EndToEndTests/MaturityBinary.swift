import Foundation
import TestSupport

/// Runs the built `maturity` binary, as a user would.
struct MaturityBinary {
  struct Result {
    var status: Int32
    var stdout: String
    var stderr: String
    /// The run was stopped after its time limit.
    var timedOut = false
  }

  /// The package root, where the README's commands run.
  static let packageRoot = Repository.root

  /// The binary next to the test bundle (`.build/debug/maturity`).
  static let url: URL = {
    var directory = Bundle.main.bundleURL
    for _ in 0..<4 {
      let candidate = directory.appendingPathComponent("maturity")
      if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
      directory.deleteLastPathComponent()
    }
    return packageRoot.appendingPathComponent(".build/debug/maturity")
  }()

  /// Runs `maturity arguments…` in the package root with `environment` added, feeding `input`;
  /// stops it after `timeLimit` seconds when one is given (``Result/timedOut``).
  ///
  /// `binary` and `directory` run a copy of the binary elsewhere, as a user without the package has it.
  static func run(
    _ arguments: [String], environment: [String: String] = [:], input: String? = nil,
    timeLimit: Double? = nil, binary: URL = url, directory: URL = packageRoot
  ) throws -> Result {
    let process = Process()
    process.executableURL = binary
    process.arguments = arguments
    process.currentDirectoryURL = directory
    var env = ProcessInfo.processInfo.environment
    env["MATURITY_LANG"] = nil
    env["LANG"] = "C.UTF-8"
    // Peer tables kept by comparisons go to the tests' own cache, not the user's.
    env["XDG_CACHE_HOME"] =
      FileManager.default.temporaryDirectory.appendingPathComponent("maturity-tests-cache").path
    env.merge(environment) { $1 }
    process.environment = env
    let output = Pipe()
    let errors = Pipe()
    let inputPipe = Pipe()
    process.standardOutput = output
    process.standardError = errors
    process.standardInput = inputPipe
    try process.run()
    // SIGKILL: a child of the test runner inherits its blocked signals, SIGTERM among them.
    let stopper = DispatchWorkItem { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
    if let timeLimit { DispatchQueue.global().asyncAfter(deadline: .now() + timeLimit, execute: stopper) }
    defer { stopper.cancel() }
    if let input { inputPipe.fileHandleForWriting.write(Data(input.utf8)) }
    try inputPipe.fileHandleForWriting.close()
    // Standard error is drained at the same time: a command that reports thousands of problems
    // would otherwise fill its pipe and wait for ever.
    nonisolated(unsafe) var stderr = Data()
    let drained = DispatchSemaphore(value: 0)
    DispatchQueue.global().async {
      stderr = errors.fileHandleForReading.readDataToEndOfFile()
      drained.signal()
    }
    let stdout = output.fileHandleForReading.readDataToEndOfFile()
    drained.wait()
    process.waitUntilExit()
    return Result(
      status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
      stderr: String(decoding: stderr, as: UTF8.self), timedOut: process.terminationReason == .uncaughtSignal)
  }

  /// Runs a Python test driver of the package (`Tests/EndToEndTests/NAME.py`) in the package
  /// root; its exit status and what it printed on standard error.
  static func runScript(_ script: String, _ arguments: [String]) throws -> (status: Int32, stderr: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", "Tests/EndToEndTests/\(script)"] + arguments
    process.currentDirectoryURL = packageRoot
    let errors = Pipe()
    process.standardError = errors
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    return (process.terminationStatus, message)
  }

  /// A fresh temporary folder for one test's files.
  static func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("maturity-e2e-\(UUID())")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  /// A file `name` holding `contents`, in a fresh temporary folder; returns its path.
  static func temporaryFile(_ name: String, _ contents: String) throws -> String {
    let url = try temporaryDirectory().appendingPathComponent(name)
    try Data(contents.utf8).write(to: url)
    return url.path
  }
}
