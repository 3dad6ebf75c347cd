import Logging
import MaturityWeb

/// The log of `maturity serve`: swift-log set up for the process, as text lines or JSON objects
/// on standard error, keeping the lines of `level` and above.
struct ServerLog {
  let format: LogFormat
  let logger: Logger

  /// Sets up the process's logging: call once, before any logger is made.
  init(format: LogFormat, level: Logger.Level) {
    LoggingSystem.bootstrap { label in
      switch format {
      case .json: return JSONLogHandler(label: label, level: level)
      case .text:
        var handler = StreamLogHandler.standardError(label: label)
        handler.logLevel = level
        return handler
      }
    }
    self.format = format
    logger = Logger(label: "maturity")
  }

  /// A message for whoever started the server: a line of text, or a line of the JSON log.
  func announce(_ message: String) {
    switch format {
    case .text: Diagnostics.warn(message)
    case .json: logger.notice("\(message)")
    }
  }
}
