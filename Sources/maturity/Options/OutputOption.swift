import ArgumentParser
import Foundation
import MaturityKit

/// `--output`: where a command writes its result (atomically), standard output by default.
struct OutputOption: ParsableArguments {
  @Option(name: .shortAndLong, help: "Write to this file (atomically) instead of standard output.")
  var output: String?

  /// Writes the whole result.
  func write(_ bytes: some Collection<UInt8>) throws {
    try stream { try $0.write(bytes) }
  }

  func write(_ text: String) throws { try write(Array(text.utf8)) }

  /// Writes a result in pieces, as `body` hands them to the sink.
  func stream(_ body: (OutputSink) throws -> Void) throws {
    let sink = try OutputSink(path: output)
    try body(sink)
    try sink.finish()
  }

  /// Whether output goes to a terminal that shows colour (and `NO_COLOR` is not set).
  var usesColor: Bool {
    guard output == nil || output == "-", isatty(STDOUT_FILENO) == 1 else { return false }
    let environment = ProcessInfo.processInfo.environment
    return environment["NO_COLOR"] == nil && environment["TERM"] != "dumb"
  }
}
