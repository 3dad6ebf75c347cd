import Foundation
import InterfaceText
import Testing

@testable import MaturityKit

@Suite("Filling in, one answer at a time")
struct FillSessionTests {
  func session(_ language: Language = .english) throws -> FillSession {
    let questionnaire = try Fixtures.testQuestionnaire()
    let path = try Fixtures.temporaryFile("", name: "f.response.yaml")
    let response = Response(
      questionnaireID: questionnaire.id, version: questionnaire.version,
      authority: Authority(id: "T", name: "T"), file: path)
    return FillSession(
      questionnaire: questionnaire, response: response, path: path, texts: TextCatalogue(language: language))
  }

  func saved(_ session: FillSession) throws -> Response {
    try ResponseLoader.load(path: session.path, questionnaire: session.questionnaire).response
  }

  @Test("a comment on a question not yet answered is saved at once, and kept when the answer comes")
  func commentBeforeAnswer() throws {
    let session = try session(Language("es")!)
    #expect(try session.handle("c Pendiente del pleno") == .retry("Comentario guardado."))
    #expect(try saved(session).answer("strategy")?.comment == "Pendiente del pleno")
    #expect(try saved(session).value("strategy") == nil)
    #expect(session.counts == (answers: 0, notes: 1))
    _ = try session.handle("borrador")
    #expect(try saved(session).answer("strategy")?.comment == "Pendiente del pleno")
    #expect(try saved(session).value("strategy") == .option("draft"))
    _ = try session.handle("no")
    _ = try session.handle("no lo sé")
    #expect(try saved(session).value("owner") == .unknown)
  }

  @Test("Enter keeps an answer already given; on a blank question it asks for one")
  func enterKeeps() throws {
    let session = try session()
    #expect(try session.handle("") == .retry("Type an answer, or ? for help."))
    // A refused answer says why without showing the whole question again.
    #expect(try session.handle("9") == .retry("Give an option number from 1 to 3."))
    _ = try session.handle("2")
    _ = try session.handle("b")
    #expect(session.index == 0)
    #expect(try session.handle("") == .continue(nil))
    #expect(session.index == 1)
    #expect(try saved(session).value("strategy") == .option("draft"))
  }

  @Test("c, e and g alone say how to use them")
  func commandsWithoutArgument() throws {
    let session = try session()
    guard case .retry(let comment) = try session.handle("c"), case .retry(let go) = try session.handle("g")
    else {
      Issue.record("expected explanations")
      return
    }
    #expect(comment.contains("type c, a space and your comment"))
    #expect(go.contains("from 1 to 2") && go.contains("1) Governance") && go.contains("2) Data and AI"))
    #expect(try session.handle("g 9") == .retry(go))
  }

  @Test("the review lists every priority with numbers, short texts, answers, unsure marks and comments")
  func reviewOfEverything() throws {
    let session = try session(Language("fr")!)
    _ = try session.handle("u")
    _ = try session.handle("c À confirmer")
    _ = try session.handle("projet")
    _ = try session.handle("non")
    _ = try session.handle("je ne sais pas")
    _ = try session.handle("1")
    _ = try session.handle("3,5")
    let review = session.review()
    #expect(review.contains("1. Gouvernance (5 sur 6 répondues)"))
    #expect(
      review.contains(
        "1.1 Existe-t-il une stratégie des données ? : Projet (incertain) · commentaire : À confirmer"))
    #expect(review.contains("1.5 Combien de jeux de données sont publiés ? : 3,5"))
    #expect(review.contains("2. Données et IA (0 sur"))
  }

  @Test("wrapping at word boundaries to the terminal's width, list items hanging")
  func wrapping() {
    let text = "  1) A chief data officer who answers to the mayor and the council"
    let wrapped = TextWrapping.wrap(text, width: 30)
    #expect(wrapped == "  1) A chief data officer who\n     answers to the mayor and\n     the council")
    #expect(wrapped.split(separator: "\n").allSatisfy { $0.count <= 30 })
    #expect(TextWrapping.wrap("short", width: 60) == "short")
    #expect(TextWrapping.wrap("abcdefghij", width: 4) == "abcd\nefgh\nij")
  }

  /// Answers the governance priority (strategy, paper forms, owner, practices, datasets, notes).
  func answerGovernance(_ session: FillSession, practices: String = "2") throws {
    for line in ["3", "no", "1", practices, "12", "-"] { _ = try session.handle(line) }
  }

  @Test(
    "a follow-up appears when its condition is met, and the session ends when everything that applies is answered"
  )
  func followUpsAndFinishing() throws {
    let session = try session()
    try answerGovernance(session)
    #expect(session.questionnaire.dimensions[1].questions.map(\.id).contains("ai-share"))
    #expect(try session.handle("yes") == .continue(nil))
    #expect(session.screen(color: false).contains("What share of services use AI?"))
    #expect(try session.handle("60") == .continue(nil))
    #expect(try session.handle("4") == .continue(nil))
    // ai-share ≥ 50: the public AI register applies, and is the last question asked.
    #expect(session.screen(color: false).contains("Is there a public AI register?"))
    #expect(try session.handle("1") == .finished)
    #expect(session.isComplete)
    #expect(try saved(session).value("ai-share") == .number(60))
  }

  @Test("an answer that switches off answered follow-ups asks first; no keeps them, yes removes them")
  func removalIsConfirmed() throws {
    let session = try session()
    try answerGovernance(session)
    for line in ["yes", "60", "4", "1"] { _ = try session.handle(line) }
    _ = try session.handle("g 2")
    #expect(try session.handle("no") == .continue(nil))
    #expect(session.screen(color: false).contains("no longer apply: ai-share, ai-register"))
    #expect(try session.handle("maybe") == .retry("Please answer y or n."))
    _ = try session.handle("n")
    // Kept: the user said no; the new answer stands too.
    #expect(try saved(session).value("ai-share") == .number(60))
    #expect(try saved(session).value("uses-ai") == .boolean(false))
    for line in ["g 2", "yes", "g 2"] { _ = try session.handle(line) }
    #expect(try session.handle("no") == .continue(nil))
    #expect(session.screen(color: false).contains("no longer apply"))
    _ = try session.handle("y")
    let response = try saved(session)
    #expect(response.value("uses-ai") == .boolean(false))
    #expect(response.value("ai-share") == nil && response.value("ai-register") == nil)
  }

  @Test("s skips, b goes back, q quits with everything saved")
  func navigation() throws {
    let session = try session()
    #expect(try session.handle("s") == .continue(nil))
    #expect(session.index == 1)
    #expect(try session.handle("b") == .continue(nil))
    #expect(session.index == 0)
    _ = try session.handle("2")
    #expect(try session.handle("q") == .quit)
    #expect(try saved(session).value("strategy") == .option("draft"))
  }
}
