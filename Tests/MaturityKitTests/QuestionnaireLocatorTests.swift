import Foundation
import Testing

@testable import MaturityKit

@Suite("Where questionnaires are looked for")
struct QuestionnaireLocatorTests {
  @Test("MATURITY_QUESTIONNAIRES, then ./Questionnaires, then the share folder beside bin/, then /usr/share")
  func searchOrder() {
    let unpacked = QuestionnaireLocator(
      environment: ["MATURITY_QUESTIONNAIRES": "/a:/b"],
      executable: URL(fileURLWithPath: "/opt/dm/bin/maturity"))
    #expect(
      unpacked.folders == [
        "/a", "/b", "Questionnaires", "/opt/dm/share/digital-maturity/Questionnaires",
        "/usr/share/digital-maturity/Questionnaires",
      ])
    let installed = QuestionnaireLocator(
      environment: [:], executable: URL(fileURLWithPath: "/usr/bin/maturity"))
    #expect(installed.folders == ["Questionnaires", "/usr/share/digital-maturity/Questionnaires"])
  }
}
