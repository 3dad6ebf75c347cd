import Foundation

/// Writes warnings and progress to standard error.
enum Diagnostics {
  static func warn(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
  }
}
