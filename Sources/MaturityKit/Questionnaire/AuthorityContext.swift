/// What skip logic may test of the authority itself, beside earlier answers:
/// `authority.type`, `authority.population` and `authority.country`.
public struct AuthorityContext: Sendable, Equatable {
  /// A name in a `relevant` expression that starts so is a context field, never a question.
  public static let prefix = "authority."

  /// A context field as skip logic names it.
  public enum Field: String, Sendable, CaseIterable {
    case type = "authority.type"
    case population = "authority.population"
    case country = "authority.country"
  }

  public var type: AuthorityType?
  public var population: Int?
  /// ISO 3166-1 alpha-2, upper case.
  public var country: String?

  public init(type: AuthorityType? = nil, population: Int? = nil, country: String? = nil) {
    self.type = type
    self.population = population
    self.country = country?.uppercased()
  }

  public init(_ authority: Authority) {
    self.init(type: authority.type, population: authority.population, country: authority.country)
  }

  public init(_ peer: PeerAuthority) {
    self.init(type: peer.type, population: peer.population, country: peer.country)
  }

  /// The field's value as an answer would give it; nil when the authority does not say.
  public func value(_ field: Field) -> AnswerValue? {
    switch field {
    case .type: type.map { .option($0.rawValue) }
    case .population: population.map { .number(Double($0)) }
    case .country: country.map { .option($0) }
    }
  }
}
