import Foundation
import InterfaceText
import MaturityKit

/// Writes warnings and problems to standard error.
enum Diagnostics {
  static func warn(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
  }

  static func report(_ problems: [Problem], _ texts: TextCatalogue) {
    for problem in problems { warn(problem.report(texts)) }
  }
}
