import Foundation
import InterfaceText
import MaturityKit
import MaturityStore

/// The authority details form: reading and checking it, and the fields it shows.
enum AuthorityForm {
  /// A field that could not be used, with the reason in words.
  struct FieldError: Equatable {
    var field: String
    var message: String
  }

  /// Copies the posted details into `record`; returns the fields that could not be used (the
  /// record keeps its earlier value for those).
  static func apply(_ fields: FormFields, to record: inout AssessmentRecord, texts: TextCatalogue)
    -> [FieldError]
  {
    var errors: [FieldError] = []
    func fail(_ field: String, _ key: String, _ value: String = "") {
      errors.append(
        FieldError(field: field, message: texts(key, ["field": texts("web.field.\(field)"), "value": value])))
    }
    let name = fields.trimmed("name") ?? ""
    if name.isEmpty { fail("name", "web.missingField") } else { record.authorityName = name }
    let id = fields.trimmed("authorityID") ?? slug(name)
    if id.isEmpty {
      fail("authorityID", "web.missingField")
    } else if !id.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) }) {
      fail("authorityID", "web.invalidAuthorityID", id)
    } else {
      record.authorityID = id
    }
    let country = fields.trimmed("country")?.uppercased()
    if let country, !Authority.isCountryCode(country) {
      fail("country", "web.invalidCountry", country)
    } else {
      record.country = country
    }
    if let text = fields.trimmed("population") {
      // Read as in a response file and in `maturity fill` (`12 000`, `12.000` in French).
      if let population = AnswerCellReader(language: texts.language).wholeNumber(text) {
        record.population = population
      } else {
        fail("population", "web.invalidField", text)
      }
    } else {
      record.population = nil
    }
    let type = fields.trimmed("type")
    if let type, AuthorityType(rawValue: type) == nil {
      fail("type", "web.invalidField", type)
    } else {
      record.authorityType = type
    }
    let date = fields.trimmed("date")
    if let date, !ISODate.isValid(date) { fail("date", "web.invalidDate", date) } else { record.date = date }
    record.respondentName = fields.trimmed("respondentName")
    record.respondentRole = fields.trimmed("respondentRole")
    return errors
  }

  /// The fields of the form, from what was posted or else from `record`.
  static func context(
    _ record: AssessmentRecord?, posted fields: FormFields?, errors: [FieldError], texts: TextCatalogue
  )
    -> [String: Any]
  {
    func value(_ name: String, _ stored: String?) -> String { fields.map { $0[name] ?? "" } ?? stored ?? "" }
    var context: [String: Any] = [
      "name": value("name", record?.authorityName), "authorityID": value("authorityID", record?.authorityID),
      "country": value("country", record?.country),
      "population": value("population", record?.population.map(String.init)),
      "date": value("date", record?.date ?? (record == nil ? ISODate.today : nil)),
      "respondentName": value("respondentName", record?.respondentName),
      "respondentRole": value("respondentRole", record?.respondentRole),
      "errors": errors.map { ["field": $0.field, "message": $0.message] }, "hasErrors": !errors.isEmpty,
    ]
    let type = value("type", record?.authorityType)
    context["types"] = AuthorityType.allCases.map { kind in
      [
        "value": kind.rawValue, "label": texts("web.type.\(kind.rawValue)"),
        "selected": kind.rawValue == type,
      ]
    }
    for error in errors { context["error_\(error.field)"] = error.message }
    return context
  }

  /// `name` as an id: lower-case letters, digits and dashes.
  static func slug(_ name: String) -> String {
    let folded = name.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
    let mapped = folded.map { $0.isASCII && ($0.isLetter || $0.isNumber) ? $0 : "-" }
    return String(mapped).split(separator: "-").joined(separator: "-")
  }
}
