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
}
