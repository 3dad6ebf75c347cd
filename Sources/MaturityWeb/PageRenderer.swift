import Foundation
import InterfaceText
import MaturityKit
import Mustache

/// Renders the app's pages: a page template inside the layout, with the report's style sheet,
/// the language switch and every `web.*` text of the catalogue as `labels`.
///
/// Mustache escapes every `{{value}}`; only HTML made by the report renderers and the layout's
/// own parts go through `{{{…}}}`.
public struct PageRenderer: Sendable {
  private let library: MustacheLibrary

  public init() {
    var library = MustacheLibrary()
    for (path, text) in EmbeddedFiles.texts where path.hasPrefix("Pages/") && path.hasSuffix(".mustache") {
      try? library.register(text, named: String(path.dropFirst("Pages/".count).dropLast(".mustache".count)))
    }
    self.library = library
  }

  /// A whole page: `template` rendered with `context`, inside the layout.
  ///
  /// - Parameters:
  ///   - path: the page's own path and query, for the language links to come back to.
  ///   - account: the email of the person signed in to the network server, if any.
  ///   - assessment: the assessment whose navigation the page shows, if any.
  public func page(
    _ template: String, title: String, context: [String: Any], texts: TextCatalogue, csrf: String,
    path: String, account: String? = nil,
    assessment: AssessmentNavigation? = nil
  ) -> String {
    var shared = Self.labels(texts)
    shared["csrf"] = csrf
    var pageContext = context
    pageContext.merge(shared) { own, _ in own }
    let content = library.render(pageContext, withTemplate: template) ?? ""
    var layout = shared
    layout["title"] = title
    layout["lang"] = texts.language.code
    // A page with answers not saved yet switches language through its form, saving them first.
    layout["saveFormID"] = context["saveFormID"] as? String
    layout["style"] = GapReportRenderer.style
    layout["content"] = content
    // Only a page of an assessment links to its details, results, plan and history (a nil
    // wrapped in `Any` would count as present and give links to `/assessments//…`).
    if let assessment { layout["assessment"] = assessment.context }
    if let account { layout["account"] = ["email": account] }
    layout["languages"] = Language.available.map { language -> [String: Any] in
      [
        "code": language.code, "name": TextCatalogue(language: language)("language.name"),
        "current": language == texts.language,
        "back": path.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "/",
      ]
    }
    return library.render(layout, withTemplate: "layout") ?? ""
  }

  /// Every `web.*` text, by its key without `web.` and with dots as underscores
  /// (`web.field.name` is `labels.field_name`).
  static func labels(_ texts: TextCatalogue) -> [String: Any] {
    var labels: [String: String] = [:]
    for key in texts.keys where key.hasPrefix("web.") {
      labels[key.dropFirst(4).replacingOccurrences(of: ".", with: "_")] = texts(key)
    }
    return ["labels": labels]
  }
}

/// The links of an assessment shown on each of its pages: details, dimensions, results.
public struct AssessmentNavigation: Sendable {
  public var id: Int64
  public var name: String
  /// Dimensions with their progress, in questionnaire order.
  public var dimensions: [(id: String, name: String, answered: Int, total: Int)]
  /// The page shown, to mark it in the navigation.
  public var current: String
  /// The comparison (`?peers=…`, or empty) the results and plan links keep.
  public var linkQuery: String = ""
  /// On the network server: the assessment was submitted, and is locked.
  public var isLocked = false
  /// On the network server: the person may submit it now.
  public var canSubmit = false
  /// On the network server: the person may review it (its network's coordinator).
  public var canReview = false

  var context: [String: Any] {
    [
      "assessmentID": "\(id)", "name": name, "linkQuery": linkQuery, "detailsCurrent": current == "details",
      "resultsCurrent": current == "results",
      "planCurrent": current == "plan", "historyCurrent": current == "history",
      "reviewCurrent": current == "review", "isLocked": isLocked, "canSubmit": canSubmit,
      "canReview": canReview,
      "dimensions": dimensions.map { dimension -> [String: Any] in
        [
          "dimensionID": dimension.id, "name": dimension.name, "answered": dimension.answered,
          "total": dimension.total,
          "complete": dimension.answered == dimension.total,
          "current": current == "dimension:\(dimension.id)",
        ]
      },
    ]
  }
}
