import Foundation

/// What `--similar` compares: an authority's context, never its scores (choosing peers by the
/// scores being compared would select on the outcome).
struct PeerContext: Sendable, Equatable {
  var population: Int?
  var type: AuthorityType?
  var country: String?
  /// The values of the `--similar-on` columns, in the filter's order.
  var attributes: [String?]

  init(population: Int?, type: AuthorityType?, country: String?, attributes: [String?]) {
    self.population = population
    self.type = type
    self.country = country
    self.attributes = attributes
  }

  /// The compared authority's context, with its values of the `similarOn` columns (a resolved
  /// filter's: see ``PeerFilter/resolvingSimilarOn(_:)``).
  init(_ authority: Authority, similarOn: [(String, String?)]) {
    self.init(
      population: authority.population, type: authority.type, country: authority.country,
      attributes: similarOn.map(\.1))
  }
}

/// `--similar N`: the N peers nearest an authority by context.
///
/// The distance between the authority a and a peer p is
///
///     |ln(population_a) − ln(population_p)| / ln 2
///       + 1 if their types differ + 1 if their countries differ
///       + 1 for each `--similar-on` column whose values differ
///
/// so that "twice (or half) the size" weighs as much as another type, another country or another
/// value of a chosen column. Countries and column values are compared without case; a value the
/// peer lacks differs. A peer without a population gets the largest population term of the
/// candidates; when the authority itself has no population (or type, or country, or value of a
/// column), that term is left out for every peer. Ties go to the peer that comes first (file and
/// row order).
enum NearestPeers {
  /// The population term's scale: ln 2, so that a factor of two in population counts 1.
  static let populationScale = log(2.0)

  /// The `count` candidates (numbered from 0 to `candidates`, each described by `context`)
  /// nearest `own`, in their order.
  static func choose(
    _ count: Int, to own: PeerContext, among candidates: Int, context: (Int) -> PeerContext
  ) -> [Int] {
    let contexts = (0..<candidates).map(context)
    let populationTerms = contexts.map { populationTerm(own.population, $0.population) }
    let farthest = populationTerms.compactMap { $0 }.max() ?? 0
    let distances = contexts.indices.map { candidate in
      let peer = contexts[candidate]
      var distance = own.population == nil ? 0 : populationTerms[candidate] ?? farthest
      if let type = own.type, peer.type != type { distance += 1 }
      if let country = own.country, !same(country, peer.country) { distance += 1 }
      for (index, value) in own.attributes.enumerated() {
        if let value, !same(value, index < peer.attributes.count ? peer.attributes[index] : nil) {
          distance += 1
        }
      }
      return (candidate, distance)
    }
    return distances.sorted { $0.1 < $1.1 || ($0.1 == $1.1 && $0.0 < $1.0) }.prefix(count).map(\.0).sorted()
  }

  /// |ln a − ln b| / ln 2, or nil when either population is unknown (below 1 counts as 1).
  static func populationTerm(_ a: Int?, _ b: Int?) -> Double? {
    guard let a, let b else { return nil }
    return abs(log(Double(max(a, 1))) - log(Double(max(b, 1)))) / populationScale
  }

  /// Whether two texts are the same without regard to case; a missing one is never the same.
  private static func same(_ a: String, _ b: String?) -> Bool {
    guard let b else { return false }
    return a.caseInsensitiveCompare(b) == .orderedSame
  }
}
