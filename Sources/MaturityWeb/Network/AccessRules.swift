/// Who may use each route of the network server: one table, checked for every request before
/// its handler runs. A route without a rule is refused to everyone (deny by default), and the
/// authorization matrix test fails for a route without a row.
enum Access: Equatable {
  /// Anyone, signed in or not: sign-in, invitations, the language switch, page assets, health.
  case anyone
  /// Anyone signed in.
  case signedIn
  /// A server administrator.
  case admin
  /// A member of a network: creates its own authority's assessments.
  case member
  /// The coordinator of the route's `{network}`, or an administrator.
  case network
  /// A right on the route's assessment `{id}` (its `{dimension}` or `{question}` narrowing it).
  case assessment(AssessmentAccess)
  /// The member acting for the route's `{authority}`.
  case authority

  enum AssessmentAccess: Equatable { case read, answer, manage, reports, review, annotate }
}

enum AccessRules {
  /// The rule of each route, by `METHOD /path` as the router names it (`{id}` for a parameter).
  static let rules: [String: Access] = [
    "GET /": .signedIn,
    "GET /healthz": .anyone,
    "GET /readyz": .anyone,
    "GET /language": .anyone,
    "GET /static/{file}": .anyone,
    "GET /login": .anyone,
    "POST /login": .anyone,
    "POST /logout": .signedIn,
    "GET /invitations/{token}": .anyone,
    "POST /invitations/{token}": .anyone,
    "GET /admin": .admin,
    "POST /admin/networks": .admin,
    "GET /networks/{network}": .network,
    "POST /networks/{network}/invitations": .network,
    "POST /networks/{network}/invitations/{invitation}/revoke": .network,
    "GET /networks/{network}/export": .network,
    "POST /networks/{network}/import": .network,
    "POST /networks/{network}/campaigns": .network,
    "GET /networks/{network}/campaigns/{campaign}": .network,
    "POST /networks/{network}/campaigns/{campaign}/close": .network,
    "GET /networks/{network}/campaigns/{campaign}/report": .network,
    "GET /networks/{network}/campaigns/{campaign}/peers": .network,
    "POST /networks/{network}/campaigns/{campaign}/publish": .network,
    "POST /campaigns/{campaign}/start": .member,
    "POST /assessments/{id}/submit": .assessment(.manage),
    "GET /assessments/{id}/review": .assessment(.review),
    "POST /assessments/{id}/review": .assessment(.review),
    "GET /assessments/new": .member,
    "POST /assessments": .member,
    "GET /assessments/{id}": .assessment(.read),
    "GET /assessments/{id}/details": .assessment(.read),
    "POST /assessments/{id}/details": .assessment(.manage),
    "GET /assessments/{id}/dimensions/{dimension}": .assessment(.read),
    "POST /assessments/{id}/dimensions/{dimension}": .assessment(.answer),
    "POST /assessments/{id}/answers/{question}": .assessment(.answer),
    "POST /assessments/{id}/duplicate": .assessment(.manage),
    "GET /assessments/{id}/delete": .assessment(.manage),
    "POST /assessments/{id}/delete": .assessment(.manage),
    "GET /assessments/{id}/results": .assessment(.reports),
    "GET /assessments/{id}/plan": .assessment(.reports),
    "POST /assessments/{id}/plan/notes": .assessment(.annotate),
    "GET /assessments/{id}/history": .assessment(.reports),
    "GET /assessments/{id}/download/{file}": .assessment(.reports),
    "GET /authorities/{authority}/export": .authority,
    "POST /authorities/{authority}/withdraw": .authority,
    "POST /authorities/{authority}/contributors": .authority,
    "GET /authorities/{authority}/delete": .admin,
    "POST /authorities/{authority}/delete": .admin,
    "POST /peers": .admin,
    "POST /peers/{peerSet}/delete": .admin,
  ]
}
