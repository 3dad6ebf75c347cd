import ArgumentParser
import MaturityKit

/// The checks of the options that describe an authority (`--country`, `--type`, `--date`,
/// `--population`), by the rules response files are read with, with one message each.
enum AuthorityOptionRules {
  static func check(
    country: String? = nil, type: String? = nil, date: String? = nil, population: Int? = nil
  ) throws {
    if let country, !Authority.isCountryCode(country.uppercased()) {
      throw ValidationError("--country takes a two-letter country code such as ES, not '\(country)'.")
    }
    if let type, AuthorityType(rawValue: type) == nil {
      throw ValidationError("--type must be municipality, region or other.")
    }
    if let date, !ISODate.isValid(date) {
      throw ValidationError("--date takes a real date written YYYY-MM-DD, not '\(date)'.")
    }
    if let population, population < 0 {
      throw ValidationError("--population cannot be negative.")
    }
  }
}
