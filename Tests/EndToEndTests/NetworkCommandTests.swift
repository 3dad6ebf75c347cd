import Accounts
import Foundation
import MaturityStore
import TestSupport
import Testing

/// `maturity accounts` and `maturity network`, run as an operator runs them, on each database.
@Suite struct NetworkCommandTests {
  func maturity(_ arguments: [String], db: String, input: String? = nil) throws -> MaturityBinary.Result {
    try MaturityBinary.run(arguments + ["--db", db], input: input)
  }

  @Test(arguments: TestDatabase.available) func firstAdminAndANetwork(_ database: TestDatabase) async throws {
    let db = try await database.newLocation()
    let common = try maturity(
      ["accounts", "add", "admin@net.eu", "--role", "admin", "--password-stdin"], db: db,
      input: "password1234\n")
    #expect(common.status == 1 && common.stderr.contains("among the most common"))
    let noStdin = try maturity(["accounts", "add", "admin@net.eu", "--role", "admin"], db: db)
    #expect(noStdin.status == 64 && noStdin.stderr.contains("--password-stdin"))
    let added = try maturity(
      ["accounts", "add", "Admin@Net.eu", "--role", "admin", "--password-stdin"], db: db,
      input: "correct horse battery\n")
    #expect(added.status == 0, "\(added.stderr)")
    let again = try maturity(
      ["accounts", "add", "admin@net.eu", "--password-stdin"], db: db, input: "correct horse battery\n")
    #expect(again.status == 1 && again.stderr.contains("already an account for admin@net.eu"))

    #expect(
      try maturity(["network", "create", "anci-toscana", "--name", "ANCI Toscana"], db: db).status == 0)
    let bad = try maturity(["network", "create", "Bad ID", "--name", "x"], db: db)
    #expect(bad.status == 1 && bad.stderr.contains("cannot be a network id"))

    let store = try await Store.open(db)
    let credentials = try #require(try await store.credentials(email: "admin@net.eu"))
    #expect(credentials.account.isAdmin)
    #expect(credentials.passwordHash.hasPrefix("$2b$12$"))
    #expect(
      try await PasswordHasher(cost: 12).verify("correct horse battery", hash: credentials.passwordHash))
    #expect(try await store.network("anci-toscana").name == "ANCI Toscana")
    #expect(
      Set(try await store.auditEvents(network: nil).map(\.action)) == [.accountCreated, .networkCreated])
    await store.close()
  }

  @Test(arguments: TestDatabase.available) func invitationLinks(_ database: TestDatabase) async throws {
    let db = try await database.newLocation()
    #expect(try maturity(["network", "create", "net", "--name", "Net"], db: db).status == 0)
    let invited = try maturity(
      [
        "network", "invite", "net", "--email", "ana@villa.es", "--role", "contributor", "--authority", "ES-1",
        "--dimensions", "openness,ethics", "--public-url", "https://maturity.example.eu/",
      ], db: db)
    #expect(invited.status == 0, "\(invited.stderr)")
    let lines = invited.stdout.split(separator: "\n")
    #expect(lines.count == 1)
    let prefix = "https://maturity.example.eu/invitations/"
    #expect(lines.first?.hasPrefix(prefix) == true)
    let token = String(lines.first?.dropFirst(prefix.count) ?? "")
    #expect(SecretToken.isWellFormed(token))

    let store = try await Store.open(db)
    let invitation = try #require(try await store.invitation(tokenDigest: SecretToken.digest(token)))
    #expect(
      invitation.membership
        == Membership(
          networkID: "net", role: .contributor, authorityID: "ES-1", dimensions: ["openness", "ethics"]))
    #expect(try await store.invitation(tokenDigest: token) == nil)  // the token itself is not stored
    await store.close()

    let plain = try maturity(
      ["network", "invite", "net", "--email", "c@net.eu", "--role", "coordinator"], db: db)
    #expect(plain.stdout.hasPrefix("http://127.0.0.1:8080/invitations/"))
    let noAuthority = try maturity(
      ["network", "invite", "net", "--email", "m@x.es", "--role", "member"], db: db)
    #expect(noAuthority.status == 1 && noAuthority.stderr.contains("--authority"))
    let unknownDimension = try maturity(
      [
        "network", "invite", "net", "--email", "m@x.es", "--role", "contributor", "--authority", "ES-1",
        "--dimensions", "opn",
      ], db: db)
    #expect(unknownDimension.status == 64 && unknownDimension.stderr.contains("Unknown dimension 'opn'"))
    let unknownNetwork = try maturity(
      ["network", "invite", "none", "--email", "m@x.es", "--role", "coordinator"], db: db)
    #expect(unknownNetwork.status == 1 && unknownNetwork.stderr.contains("there is no network 'none'"))
  }

  @Test(arguments: TestDatabase.available) func importThenExport(_ database: TestDatabase) async throws {
    let db = try await database.newLocation()
    #expect(try maturity(["network", "create", "net", "--name", "Net"], db: db).status == 0)
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("network-\(UUID())").path
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let examples = Repository.path("Examples/responses")
    for name in try FileManager.default.contentsOfDirectory(atPath: examples) where name.hasSuffix(".yaml") {
      try FileManager.default.copyItem(atPath: examples + "/" + name, toPath: folder + "/" + name)
    }
    let bad = folder + "/zz-bad.response.yaml"
    try Data(
      "questionnaire: ai-data-readiness\nversion: \"2026.1\"\nauthority: {id: X, name: X}\nanswers:\n  opn-policy: maybe\n"
        .utf8
    )
    .write(to: URL(fileURLWithPath: bad))
    let refused = try maturity(["network", "import", "net", folder], db: db)
    #expect(refused.status == 1 && refused.stderr.contains("zz-bad.response.yaml:5"), "\(refused.stderr)")
    try FileManager.default.removeItem(atPath: bad)
    let imported = try maturity(["network", "import", "net", folder], db: db)
    #expect(
      imported.status == 0 && imported.stderr.contains("5 assessments of 3 authorities"), "\(imported.stderr)"
    )

    let store = try await Store.open(db)
    let records = try await store.assessments(ofNetwork: "net")
    #expect(records.count == 5 && records.allSatisfy { $0.status == .submitted && $0.submittedAt != nil })
    await store.close()

    let output = folder + "-out"
    let exported = try maturity(["network", "export", "net", "--output", output], db: db)
    #expect(exported.status == 0, "\(exported.stderr)")
    #expect(try FileManager.default.contentsOfDirectory(atPath: output + "/responses").count == 5)
    let scores = try String(
      contentsOfFile: output + "/net-ai-data-readiness-peers-scores.csv", encoding: .utf8)
    #expect(scores.split(whereSeparator: \.isNewline).count == 6)  // a header and five authority-years
    let answers = try String(
      contentsOfFile: output + "/net-ai-data-readiness-peers-answers.csv", encoding: .utf8)
    for respondent in records.compactMap(\.respondentName) {
      #expect(!scores.contains(respondent) && !answers.contains(respondent))
    }
    let check = try MaturityBinary.run([
      "benchmark", "check", output + "/net-ai-data-readiness-peers-scores.csv",
    ])
    #expect(check.status == 0, "\(check.stderr)")
  }
}
