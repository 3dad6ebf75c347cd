import Accounts
import Foundation
import MaturityKit
import TestSupport
import Testing

@testable import MaturityStore

/// Accounts, networks, invitations, sessions and the audit log, on every database.
@Suite struct NetworkStoreTests {
  @Test(arguments: TestDatabase.available) func accountsAndNetworks(_ database: TestDatabase) async throws {
    let store = try await newStore(database)
    let admin = try await store.addAccount(email: " Admin@Example.EU", passwordHash: "h1", isAdmin: true)
    #expect(admin.email == "admin@example.eu" && admin.isAdmin)
    await #expect(throws: NetworkError.accountExists(email: "admin@example.eu")) {
      try await store.addAccount(email: "admin@example.eu", passwordHash: "h2")
    }
    await #expect(throws: NetworkError.invalidEmail("nobody")) {
      try await store.addAccount(email: "nobody", passwordHash: "h2")
    }
    #expect(try await store.credentials(email: "ADMIN@example.eu")?.passwordHash == "h1")
    #expect(try await store.credentials(email: "else@example.eu") == nil)

    try await store.createNetwork(id: "anci-toscana", name: "ANCI Toscana", by: admin.email)
    await #expect(throws: NetworkError.networkExists(id: "anci-toscana")) {
      try await store.createNetwork(id: "anci-toscana", name: "Again")
    }
    for bad in ["", "Upper", "-dash", "a b", "../x", String(repeating: "a", count: 65)] {
      await #expect(throws: NetworkError.invalidNetworkID(bad)) {
        try await store.createNetwork(id: bad, name: "x")
      }
    }
    await #expect(throws: NetworkError.unknownNetwork(id: "none")) { try await store.network("none") }

    let member = try await store.addAccount(email: "ana@villa.es", passwordHash: "h3")
    try await store.setMembership(
      Membership(networkID: "anci-toscana", role: .member, authorityID: "ES-1"), of: member.id,
      by: admin.email)
    await #expect(throws: NetworkError.authorityRequired(role: .member)) {
      try await store.setMembership(Membership(networkID: "anci-toscana", role: .member), of: member.id)
    }
    await #expect(throws: NetworkError.dimensionsForContributorsOnly) {
      try await store.setMembership(
        Membership(networkID: "anci-toscana", role: .member, authorityID: "ES-1", dimensions: ["opn"]),
        of: member.id)
    }
    #expect(
      try await store.memberships(of: member.id) == [
        Membership(networkID: "anci-toscana", role: .member, authorityID: "ES-1")
      ])
    #expect(try await store.members(of: "anci-toscana").map(\.account.email) == ["ana@villa.es"])
    let actions = try await store.auditEvents(network: nil).map(\.action)
    #expect(actions == [.roleChanged, .accountCreated, .networkCreated, .accountCreated])
    #expect(
      try await store.auditEvents(network: "anci-toscana").map(\.action) == [.roleChanged, .networkCreated])
    await store.close()
  }

  @Test(arguments: TestDatabase.available) func invitationsAreSingleUseAndExpire(_ database: TestDatabase)
    async throws
  {
    let store = try await newStore(database)
    try await store.createNetwork(id: "net", name: "Net")
    let contributor = Membership(
      networkID: "net", role: .contributor, authorityID: "ES-1", dimensions: ["opn", "eth"])
    let token = SecretToken.generate()
    let invitation = try await store.createInvitation(
      tokenDigest: SecretToken.digest(token), email: "Colleague@Villa.es", membership: contributor)
    #expect(invitation.email == "colleague@villa.es" && invitation.membership == contributor)
    #expect(invitation.expiresAt.timeIntervalSince(invitation.createdAt) == 7 * 86_400)
    #expect(try await store.invitation(tokenDigest: SecretToken.digest(token))?.isOpen(at: Date()) == true)

    // Two acceptances at once: one account, one membership, the other refused.
    async let first = try? store.acceptInvitation(
      tokenDigest: SecretToken.digest(token), newPasswordHash: "p")
    async let second = try? store.acceptInvitation(
      tokenDigest: SecretToken.digest(token), newPasswordHash: "q")
    let accepted = await [first, second].compactMap { $0 }
    #expect(accepted.count == 1)
    #expect(try await store.memberships(of: accepted[0].id) == [contributor])
    await #expect(throws: NetworkError.invitationNotUsable) {
      try await store.acceptInvitation(tokenDigest: SecretToken.digest(token), newPasswordHash: "p")
    }

    let old = SecretToken.generate()
    try await store.createInvitation(
      tokenDigest: SecretToken.digest(old), email: "late@villa.es",
      membership: Membership(networkID: "net", role: .viewer, authorityID: "ES-1"),
      at: Date().addingTimeInterval(-Invitation.lifetime - 1))
    await #expect(throws: NetworkError.invitationNotUsable) {
      try await store.acceptInvitation(tokenDigest: SecretToken.digest(old), newPasswordHash: "p")
    }

    let revoked = SecretToken.generate()
    let made = try await store.createInvitation(
      tokenDigest: SecretToken.digest(revoked), email: "x@villa.es",
      membership: Membership(networkID: "net", role: .coordinator))
    #expect(try await !store.revokeInvitation(made.id, of: "other"))
    #expect(try await store.revokeInvitation(made.id, of: "net"))
    await #expect(throws: NetworkError.invitationNotUsable) {
      try await store.acceptInvitation(tokenDigest: SecretToken.digest(revoked), newPasswordHash: "p")
    }
    await #expect(throws: NetworkError.invitationNotUsable) {
      try await store.acceptInvitation(tokenDigest: SecretToken.digest("unknown"), newPasswordHash: "p")
    }

    // An existing account joins a second role without a new password.
    let again = SecretToken.generate()
    try await store.createNetwork(id: "second", name: "Second")
    try await store.createInvitation(
      tokenDigest: SecretToken.digest(again), email: "colleague@villa.es",
      membership: Membership(networkID: "second", role: .advisor))
    let same = try await store.acceptInvitation(tokenDigest: SecretToken.digest(again), newPasswordHash: nil)
    #expect(same.id == accepted[0].id)
    #expect(
      try await ["p", "q"].contains(store.credentials(email: "colleague@villa.es")?.passwordHash ?? ""))
    #expect(try await store.memberships(of: same.id).map(\.networkID) == ["net", "second"])
    await store.close()
  }

  @Test(arguments: TestDatabase.available) func sessionsEndWhenIdle(_ database: TestDatabase) async throws {
    let store = try await newStore(database)
    let account = try await store.addAccount(email: "a@b.eu", passwordHash: "h")
    let start = Date()
    try await store.openSession(digest: "s1", accountID: account.id, idleLimit: 3600, at: start)
    #expect(
      try await store.sessionAccount(digest: "s1", idleLimit: 3600, at: start.addingTimeInterval(3000))
        == account)
    // Used at 3000 s, so still open at 6000 s; then idle for more than an hour.
    #expect(
      try await store.sessionAccount(digest: "s1", idleLimit: 3600, at: start.addingTimeInterval(6000))
        == account)
    #expect(
      try await store.sessionAccount(digest: "s1", idleLimit: 3600, at: start.addingTimeInterval(9700)) == nil
    )
    #expect(
      try await store.sessionAccount(digest: "s1", idleLimit: 3600, at: start.addingTimeInterval(6001)) == nil
    )
    try await store.openSession(digest: "s2", accountID: account.id, idleLimit: 3600, at: start)
    try await store.setPassword(of: account.id, hash: "new")
    #expect(try await store.sessionAccount(digest: "s2", idleLimit: 3600, at: start) == nil)
    try await store.openSession(digest: "s3", accountID: account.id, idleLimit: 3600, at: start)
    try await store.closeSession(digest: "s3")
    #expect(try await store.sessionAccount(digest: "s3", idleLimit: 3600, at: start) == nil)
    await store.close()
  }

  @Test(arguments: TestDatabase.available) func countsSignInFailures(_ database: TestDatabase) async throws {
    let store = try await newStore(database)
    let start = Date()
    for minute in 0..<3 {
      try await store.recordSignInFailure(
        keys: ["email:a@b.eu", "address:10.0.0.1"], at: start.addingTimeInterval(Double(minute) * 60))
    }
    let failures = try await store.signInFailures(key: "email:a@b.eu", since: start.addingTimeInterval(30))
    #expect(failures.count == 2)
    #expect(abs(try #require(failures.last).timeIntervalSince(start.addingTimeInterval(120))) < 0.002)
    try await store.clearSignInFailures(key: "email:a@b.eu", olderThan: start.addingTimeInterval(-86_400))
    #expect(try await store.signInFailures(key: "email:a@b.eu", since: start).count == 0)
    #expect(try await store.signInFailures(key: "address:10.0.0.1", since: start).count == 3)
    await store.close()
  }
}

/// Campaigns: start, submit (locked), send back with comments, resubmit, close, publish.
@Suite struct CampaignStoreTests {
  @Test(arguments: TestDatabase.available) func aCampaignFromStartToPublication(_ database: TestDatabase)
    async throws
  {
    let store = try await newStore(database)
    try await store.createNetwork(id: "net", name: "Net")
    await #expect(throws: NetworkError.invalidCampaignDates(opensOn: "2026-12-31", closesOn: "2026-01-01")) {
      try await store.createCampaign(
        networkID: "net", name: "x", questionnaireID: "ai-data-readiness", questionnaireVersion: "2026.1",
        opensOn: "2026-12-31", closesOn: "2026-01-01")
    }
    // Last year's answers, collected elsewhere, are where this year's assessment starts.
    var earlier = sampleRecord("ES-1", date: "2025-10-01")
    earlier.questionnaireVersion = "2026.1"
    try await store.addSubmitted(
      [(earlier, [WrittenAnswer(questionID: "opn-policy", value: "draft")])], to: "net")
    let campaign = try await store.createCampaign(
      networkID: "net", name: "2026", questionnaireID: "ai-data-readiness", questionnaireVersion: "2026.1",
      opensOn: "2026-01-01", closesOn: "2099-12-31")
    let record = try await store.campaignAssessment(campaign.id, authorityID: "ES-1", authorityName: "Villa")
    #expect(record.status == .draft && record.campaignID == campaign.id && record.basedOn != nil)
    #expect(
      try await store.answers(of: record.id!) == [WrittenAnswer(questionID: "opn-policy", value: "draft")])
    let same = try await store.campaignAssessment(campaign.id, authorityID: "ES-1", authorityName: "Villa")
    #expect(same.id == record.id)

    try await store.save([WrittenAnswer(questionID: "opn-policy", value: "adopted")], to: record.id!)
    try await store.submit(record.id!, by: "member@villa.es")
    #expect(try await store.assessment(record.id!).status == .submitted)
    await #expect(throws: NetworkError.assessmentLocked(id: record.id!)) {
      try await store.save([WrittenAnswer(questionID: "opn-policy", value: "none")], to: record.id!)
    }
    await #expect(throws: NetworkError.assessmentLocked(id: record.id!)) {
      try await store.delete(record.id!)
    }
    await #expect(throws: NetworkError.assessmentLocked(id: record.id!)) {
      try await store.submit(record.id!)
    }

    try await store.setNote(
      .review, "Which council decision?", on: "opn-policy", of: record.id!, by: "c@net.eu")
    try await store.sendBack(record.id!, by: "c@net.eu")
    await #expect(throws: NetworkError.notSubmitted(id: record.id!)) { try await store.sendBack(record.id!) }
    #expect(try await store.notes(.review, of: record.id!)["opn-policy"]?.text == "Which council decision?")
    try await store.save(
      [WrittenAnswer(questionID: "opn-policy", value: "adopted", evidence: "Decision 12/2026")],
      to: record.id!)
    try await store.setNote(.review, "", on: "opn-policy", of: record.id!, by: "c@net.eu")
    #expect(try await store.notes(.review, of: record.id!).isEmpty)
    try await store.submit(record.id!)

    await #expect(throws: NetworkError.campaignNotClosed(name: "2026")) {
      try await store.publishCampaign(campaign.id)
    }
    #expect(try await store.closeCampaign(campaign.id))
    #expect(try await !store.closeCampaign(campaign.id))
    await #expect(throws: NetworkError.campaignNotOpen(name: "2026")) { try await store.sendBack(record.id!) }
    await #expect(throws: NetworkError.campaignNotOpen(name: "2026")) {
      try await store.campaignAssessment(campaign.id, authorityID: "ES-2", authorityName: "Late")
    }
    try await store.publishCampaign(campaign.id)
    #expect(try await store.campaign(campaign.id).publishedAt != nil)
    let actions = try await store.auditEvents(network: "net").map(\.action)
    #expect(
      actions.prefix(6) == [.published, .campaignClosed, .submitted, .returned, .reviewed, .submitted])
    await store.close()
  }
}
