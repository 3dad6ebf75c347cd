import Testing

@testable import Accounts

@Suite struct PasswordPolicyTests {
  let policy = PasswordPolicy.standard

  @Test(arguments: [
    ("short-pass1", PasswordProblem.tooShort(minimum: 12)),
    ("123456789012", .common),  // in the list as it stands
    ("qwerty123456", .common),
    ("Sunshine2024!!", .common),  // a common word with digits and symbols around it
    ("!!Football1234", .common),
    ("aaaaaaaaaaaaaaaa", .common),
    ("ababababababab", .common),
    ("ana.garcia-town-hall-2026", .containsEmail),
    (String(repeating: "é", count: 37), .tooLong(maximumBytes: 72)),
    ("tab\tinside-password", .controlCharacter),
  ])
  func refuses(_ password: String, _ problem: PasswordProblem) {
    #expect(policy.problem(password, email: "ana.garcia@villa.es") == problem)
  }

  @Test(arguments: [
    "correct horse battery", "Olivenza-plaza-mayor-7", "l'été à Montaval!", "ñandú-río-tajo-2026",
  ])
  func accepts(_ password: String) {
    #expect(policy.problem(password, email: "ana.garcia@villa.es") == nil)
  }

  @Test func shipsTheListOfCommonPasswords() {
    // "password" is the second most common: with digits around it, it is still refused.
    #expect(policy.problem("password123456", email: "a@b.eu") == .common)
    #expect(policy.problem("dragon-dragon!", email: "a@b.eu") == nil)
  }
}

@Suite struct PasswordHasherTests {
  @Test func hashesWithSaltAndVerifies() async throws {
    let hasher = PasswordHasher(cost: 4)
    let first = try await hasher.hash("correct horse battery")
    let second = try await hasher.hash("correct horse battery")
    #expect(first != second)
    #expect(first.hasPrefix("$2b$04$"))
    #expect(try await hasher.verify("correct horse battery", hash: first))
    #expect(try await !hasher.verify("correct horse batterY", hash: first))
    #expect(try await !hasher.verify("correct horse battery", hash: nil))
  }

  @Test func theServersCostIsTwelve() {
    #expect(PasswordHasher.standard.cost == 12)
  }
}

@Suite struct SecretTokenTests {
  @Test func tokensAreRandomAndDigestsStable() {
    let tokens = Set((0..<100).map { _ in SecretToken.generate() })
    #expect(tokens.count == 100)
    #expect(tokens.allSatisfy(SecretToken.isWellFormed))
    #expect(!SecretToken.isWellFormed("../" + String(repeating: "a", count: 61)))
    #expect(!SecretToken.isWellFormed(String(repeating: "A", count: 64)))
    // SHA-256 of "abc", as every implementation gives it.
    #expect(SecretToken.digest("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
  }
}

@Suite struct EmailTests {
  @Test func normalizesAndRefuses() {
    #expect(Email.normalized("  Ana.Garcia@Villa.ES ") == "ana.garcia@villa.es")
    for bad in [
      "", "ana", "ana@", "@villa.es", "ana@villa", "a b@villa.es", "a@b@c.es", "ana@.es", "<a@b.es>",
    ] {
      #expect(Email.normalized(bad) == nil, "\(bad)")
    }
  }
}

@Suite struct MembershipTests {
  @Test func contributorsAnswerTheirDimensionsOnly() {
    let contributor = Membership(networkID: "n", role: .contributor, authorityID: "ES-1", dimensions: ["opn"])
    #expect(contributor.mayAnswer(dimension: "opn"))
    #expect(!contributor.mayAnswer(dimension: "eth"))
    #expect(Membership(networkID: "n", role: .member, authorityID: "ES-1").mayAnswer(dimension: "eth"))
    for role in [NetworkRole.coordinator, .advisor, .viewer] {
      #expect(!Membership(networkID: "n", role: role).mayAnswer(dimension: "opn"))
    }
  }
}
