import InterfaceText
import MaturityKit

/// The files an assessment can be downloaded as: `/assessments/ID/download/<rawValue>`.
enum Download: String, CaseIterable {
  case responseYAML = "response.yaml"
  case responseCSV = "response.csv"
  case reportHTML = "report.html"
  case reportMarkdown = "report.md"
  case reportJSON = "report.json"
  case reportCSV = "report.csv"
  case planHTML = "plan.html"
  case planMarkdown = "plan.md"
  case planJSON = "plan.json"
  case planCSV = "plan.csv"

  /// What follows the authority and date in the file's name.
  var suffix: String { rawValue.hasPrefix("response") ? "." + rawValue : "-" + rawValue }

  var contentType: String {
    switch rawValue.split(separator: ".").last! {
    case "yaml": "application/yaml; charset=utf-8"
    case "csv": "text/csv; charset=utf-8"
    case "html": "text/html; charset=utf-8"
    case "md": "text/markdown; charset=utf-8"
    default: "application/json"
    }
  }

  /// Whether the file needs the scores, comparison and plan (not only the answers).
  var needsResults: Bool { !rawValue.hasPrefix("response") }

  /// The format of a report or plan file, from its extension.
  private var format: ReportFormat {
    switch rawValue.split(separator: ".").last! {
    case "html": .html
    case "md": .markdown
    case "csv": .csv
    default: .json
    }
  }

  /// The file's bytes; `results` is required when ``needsResults``.
  func bytes(_ loaded: LoadedAssessment, _ results: Results?, texts: TextCatalogue) -> [UInt8] {
    switch self {
    case .responseYAML:
      return Array(ResponseYAMLWriter.yaml(loaded.response, questionnaire: loaded.questionnaire).utf8)
    case .responseCSV:
      return ResponseTemplate.csv(loaded.questionnaire, texts: texts, response: loaded.response)
    case .reportHTML, .reportMarkdown, .reportJSON, .reportCSV:
      return results?.report.rendered(as: format, texts: texts) ?? []
    case .planHTML, .planMarkdown, .planJSON, .planCSV:
      return results?.plan.rendered(as: format, texts: texts) ?? []
    }
  }
}
