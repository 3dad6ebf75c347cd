import ArgumentParser
import MaturityKit

/// `--format`: one of the formats `Stage` is written in (see ``ReportRendering``).
struct OutputFormat<Stage: ReportRendering>: ExpressibleByArgument {
  var value: ReportFormat

  init(_ value: ReportFormat) { self.value = value }

  init?(argument: String) {
    guard let format = ReportFormat(rawValue: argument.lowercased()), Stage.formats.contains(format) else {
      return nil
    }
    value = format
  }

  static var allValueStrings: [String] { Stage.formats.map(\.rawValue) }

  var defaultValueDescription: String { value.rawValue }
}
