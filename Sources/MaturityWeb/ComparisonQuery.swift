import Foundation
import InterfaceText
import MaturityKit

/// The peer comparison a results page asks for, read from its query string with the names of the
/// command line's options: `peers`, `country`, `type`, `band`, `year`, `where`, `similar`,
/// `similar-on` (repeatable, as `where`), `min-group` and `target`.
struct ComparisonQuery {
  var fields: FormFields

  init(query: String?) { fields = FormFields(urlEncoded: query ?? "") }

  /// The query, or when it asks nothing of peers (no `peers` field at all, as on a first visit)
  /// and the app has exactly one peer set, that set's peers of the authority's own band. An empty
  /// `peers` field is a choice of no comparison and is kept.
  init(query: String?, choices: [PeerCatalogue.Choice]) {
    self.init(query: query)
    guard fields["peers"] == nil, choices.count == 1 else { return }
    fields = FormFields(
      fields.pairs + [("peers", choices[0].reference)] + (fields["band"] == nil ? [("band", "auto")] : []))
  }

  /// The peer set chosen (`file:N` or `upload:N`), if any.
  var peers: String? { fields.trimmed("peers") }

  /// The smallest group shown when none is asked for (the command line's default k).
  static let defaultMinimumGroup = 5

  var minimumGroup: Int {
    fields.trimmed("min-group").flatMap(Int.init).map { max(1, $0) } ?? Self.defaultMinimumGroup
  }

  /// The filter, with the band label resolved against `bands`.
  func filter(_ bands: PopulationBands) throws(PeerFilterError) -> PeerFilter {
    try PeerFilterInput(
      country: fields["country"], type: fields["type"], band: fields["band"], year: fields["year"],
      conditions: fields.all("where"), similar: fields["similar"], similarOn: fields.all("similar-on")
    ).filter(bands)
  }

  /// The target gaps are measured to, if one was chosen.
  func target(_ questionnaire: Questionnaire) throws(WebError) -> GapTarget? {
    guard let text = fields.trimmed("target") else { return nil }
    guard let target = GapTarget(argument: text, levels: questionnaire.levels) else {
      throw .invalidField(field: "target", value: text)
    }
    return target
  }

  /// The person-days per horizon the plan may use, if given (else the plan derives them from the
  /// digital staff answered, see docs/plans.md).
  func capacity() throws(WebError) -> Double? {
    guard let text = fields.trimmed("capacity") else { return nil }
    guard let days = Double(text.replacingOccurrences(of: ",", with: ".")), days.isFinite, days > 0 else {
      throw .invalidField(field: "capacity", value: text)
    }
    return days
  }

  /// The form's current values, for the page.
  func context(choices: [PeerCatalogue.Choice], bands: PopulationBands, texts: TextCatalogue) -> [String: Any]
  {
    let chosenBand = fields["band"] ?? ""
    let chosenTarget = fields["target"] ?? ""
    return [
      "peerChoices": choices.map {
        ["value": $0.reference, "label": $0.name, "selected": $0.reference == peers]
      },
      "hasPeerChoices": !choices.isEmpty,
      "country": fields["country"] ?? "", "year": fields["year"] ?? "", "where": fields["where"] ?? "",
      "similar": fields["similar"] ?? "", "similarOn": fields["similar-on"] ?? "",
      "minGroup": "\(minimumGroup)",
      "bands": (["auto"] + bands.labels).map {
        ["value": $0, "label": $0 == "auto" ? texts("web.bandAuto") : $0, "selected": $0 == chosenBand]
      },
      "types": AuthorityType.allCases.map {
        [
          "value": $0.rawValue, "label": texts("web.type.\($0.rawValue)"),
          "selected": $0.rawValue == fields["type"],
        ]
      },
      "targets": ["median", "p75", "p90"].map {
        ["value": $0, "label": texts("web.target.\($0)"), "selected": $0 == chosenTarget]
      },
      "query": queryString,
      "capacityGiven": fields.trimmed("capacity") != nil, "capacity": fields["capacity"] ?? "",
      "otherFields": fields.pairs.filter { $0.name != "capacity" }.map {
        ["name": $0.name, "value": $0.value]
      },
      "moreOptionsOpen": ["country", "type", "year", "where", "similar", "similar-on", "min-group", "target"]
        .contains {
          fields.trimmed($0) != nil && !($0 == "min-group" && minimumGroup == Self.defaultMinimumGroup)
        },
    ]
  }

  /// `?name=value&…` of every field (empty when there is none), for links that keep the comparison.
  var queryString: String {
    fields.pairs.isEmpty
      ? "" : "?" + fields.pairs.map { "\(encode($0.name))=\(encode($0.value))" }.joined(separator: "&")
  }

  private func encode(_ text: String) -> String {
    text.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(.init(charactersIn: "-_.:"))) ?? ""
  }
}
