import Foundation

/// A progress line on standard error, shown only when it is a terminal (quiet when piped).
final class Progress {
  private let total: Int
  private let label: String
  private let enabled: Bool
  private var lastPercent = -1

  init(total: Int, label: String) {
    self.total = max(total, 1)
    self.label = label
    enabled = isatty(STDERR_FILENO) == 1 && ProcessInfo.processInfo.environment["TERM"] != "dumb"
  }

  func update(_ done: Int) {
    guard enabled else { return }
    let percent = done * 100 / total
    guard percent != lastPercent else { return }
    lastPercent = percent
    FileHandle.standardError.write(Data("\r\(label) \(percent) %".utf8))
  }

  func finish() {
    guard enabled, lastPercent >= 0 else { return }
    FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
  }
}
