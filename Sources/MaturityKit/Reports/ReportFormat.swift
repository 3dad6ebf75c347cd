import InterfaceText

/// The formats outputs are written in.
public enum ReportFormat: String, Sendable, CaseIterable {
  case text, markdown, html, json, csv

  /// The file name extension of an output in this format.
  public var fileExtension: String {
    switch self {
    case .text: "txt"
    case .markdown: "md"
    case .html, .json, .csv: rawValue
    }
  }
}

/// A stage the tool writes out: every output, whatever the stage and the format, is made by
/// this one call.
public protocol ReportRendering {
  /// The formats the stage is written in, the usual one first.
  static var formats: [ReportFormat] { get }

  /// The output in `format`, one of ``formats``: its words in `texts`' language; `color` asks
  /// for terminal colours where the text format has them.
  func rendered(as format: ReportFormat, texts: TextCatalogue, color: Bool) -> [UInt8]
}

extension ReportRendering {
  /// The output in `format`, without terminal colours.
  public func rendered(as format: ReportFormat, texts: TextCatalogue) -> [UInt8] {
    rendered(as: format, texts: texts, color: false)
  }
}

extension Scorecard: ReportRendering {
  public static let formats: [ReportFormat] = [.text, .json, .csv, .markdown]

  public func rendered(as format: ReportFormat, texts: TextCatalogue, color: Bool) -> [UInt8] {
    switch format {
    case .json: Array(ScorecardJSON.render(self, language: texts.language).utf8)
    case .csv: ScorecardCSV.render(self)
    case .markdown, .html: Array(ScorecardMarkdown.render(self, texts: texts).utf8)
    case .text: Array(ScorecardText.render(self, texts: texts, color: color).utf8)
    }
  }
}

extension Comparison: ReportRendering {
  public static let formats: [ReportFormat] = [.text, .json, .csv, .markdown]

  public func rendered(as format: ReportFormat, texts: TextCatalogue, color: Bool) -> [UInt8] {
    switch format {
    case .json: Array(ComparisonJSON.render(self, language: texts.language).utf8)
    case .csv: ComparisonCSV.render(self)
    case .markdown, .html: Array(ComparisonTable.markdown(self, texts: texts).utf8)
    case .text: Array(ComparisonTable.text(self, texts: texts).utf8)
    }
  }
}

extension GapReport: ReportRendering {
  public static let formats: [ReportFormat] = [.html, .markdown, .json, .csv]

  public func rendered(as format: ReportFormat, texts: TextCatalogue, color: Bool) -> [UInt8] {
    switch format {
    case .html: Array(GapReportRenderer.html(self, texts: texts).utf8)
    case .json: Array(GapReportData.json(self, language: texts.language).utf8)
    case .csv: GapReportData.csv(self, language: texts.language)
    case .markdown, .text: Array(GapReportRenderer.markdown(self, texts: texts).utf8)
    }
  }
}

extension Plan: ReportRendering {
  public static let formats: [ReportFormat] = [.markdown, .html, .csv, .json]

  public func rendered(as format: ReportFormat, texts: TextCatalogue, color: Bool) -> [UInt8] {
    switch format {
    case .html: Array(PlanRenderer.html(self, texts: texts).utf8)
    case .json: Array(PlanRenderer.json(self, texts: texts).utf8)
    case .csv: PlanRenderer.csv(self, texts: texts)
    case .markdown, .text: Array(PlanRenderer.markdown(self, texts: texts).utf8)
    }
  }
}

extension NetworkReport: ReportRendering {
  public static let formats: [ReportFormat] = [.html, .markdown, .json, .csv]

  public func rendered(as format: ReportFormat, texts: TextCatalogue, color: Bool) -> [UInt8] {
    switch format {
    case .html: Array(NetworkReportRenderer.html(self, texts: texts).utf8)
    case .json: Array(NetworkReportRenderer.json(self, language: texts.language).utf8)
    case .csv: NetworkReportRenderer.csv(self)
    case .markdown, .text: Array(NetworkReportRenderer.markdown(self, texts: texts).utf8)
    }
  }
}

extension NetworkDistribution: ReportRendering {
  public static let formats: [ReportFormat] = [.text, .json, .csv, .markdown]

  public func rendered(as format: ReportFormat, texts: TextCatalogue, color: Bool) -> [UInt8] {
    switch format {
    case .json: Array(DistributionRenderers.json(self).utf8)
    case .csv: DistributionRenderers.csv(self)
    case .markdown, .html: Array(DistributionRenderers.markdown(self, texts: texts).utf8)
    case .text: Array(DistributionRenderers.text(self, texts: texts).utf8)
    }
  }
}

extension RankSensitivity: ReportRendering {
  public static let formats: [ReportFormat] = [.text, .json, .csv]

  public func rendered(as format: ReportFormat, texts: TextCatalogue, color: Bool) -> [UInt8] {
    switch format {
    case .json: Array(SensitivityRenderers.json(self).utf8)
    case .csv: SensitivityRenderers.csv(self)
    case .text, .markdown, .html: Array(SensitivityRenderers.text(self, texts: texts).utf8)
    }
  }
}

extension CohortPlan: ReportRendering {
  public static let formats: [ReportFormat] = [.markdown, .html, .csv, .json]

  public func rendered(as format: ReportFormat, texts: TextCatalogue, color: Bool) -> [UInt8] {
    switch format {
    case .html: Array(CohortRenderer.html(self, texts: texts).utf8)
    case .json: Array(CohortRenderer.json(self, texts: texts).utf8)
    case .csv: CohortRenderer.csv(self, texts: texts)
    case .markdown, .text: Array(CohortRenderer.markdown(self, texts: texts).utf8)
    }
  }
}
