import Foundation
import Logging
import MaturityKit
import Synchronization

/// A log handler writing one JSON object per line (`maturity serve --log-format json`), for log
/// collectors: `time`, `level`, `logger`, `message`, `request_id` when the line is about a
/// request, then the other metadata.
public struct JSONLogHandler: LogHandler {
  public var logLevel: Logger.Level
  public var metadata: Logger.Metadata = [:]
  public var metadataProvider: Logger.MetadataProvider?
  private let label: String
  private let output: JSONLogOutput

  /// A handler for the logger `label` writing to standard error.
  public init(label: String, level: Logger.Level) {
    self.init(label: label, level: level, output: .standardError)
  }

  init(label: String, level: Logger.Level, output: JSONLogOutput) {
    self.label = label
    self.logLevel = level
    self.output = output
  }

  public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
    get { metadata[key] }
    set { metadata[key] = newValue }
  }

  public func log(event: LogEvent) {
    var all = metadata
    if let provided = metadataProvider?.get() { all.merge(provided) { _, new in new } }
    if let given = event.metadata { all.merge(given) { _, new in new } }
    output.write(Self.line(event: event, label: label, metadata: all, at: Date()))
  }

  /// RFC 3339 in UTC, to the millisecond.
  private static let timeStyle = Date.ISO8601FormatStyle(includingFractionalSeconds: true)

  /// The line of one event.
  static func line(event: LogEvent, label: String, metadata: Logger.Metadata, at date: Date) -> String {
    var metadata = metadata
    var fields: [(String, JSONValue)] = [
      ("time", .string(date.formatted(Self.timeStyle))), ("level", .string(event.level.rawValue)),
      ("logger", .string(label)), ("message", .string(event.message.description)),
    ]
    if let id = metadata.removeValue(forKey: "hb.request.id") { fields.append(("request_id", json(id))) }
    if let error = event.error { fields.append(("error", .string("\(error)"))) }
    fields += metadata.sorted { $0.key < $1.key }.map { ($0.key, json($0.value)) }
    return JSONValue.object(fields).line
  }

  private static func json(_ value: Logger.Metadata.Value) -> JSONValue {
    switch value {
    case .string(let text): .string(text)
    case .stringConvertible(let value): .string(value.description)
    case .array(let values): .array(values.map(json))
    case .dictionary(let values): .object(values.sorted { $0.key < $1.key }.map { ($0.key, json($0.value)) })
    }
  }
}

/// Where JSON log lines go: one write per line, never two lines interleaved.
final class JSONLogOutput: Sendable {
  private let lock = Mutex(())
  private let handle: FileHandle

  static let standardError = JSONLogOutput(FileHandle.standardError)

  init(_ handle: FileHandle) { self.handle = handle }

  func write(_ line: String) {
    lock.withLock { _ in handle.write(Data((line + "\n").utf8)) }
  }
}
