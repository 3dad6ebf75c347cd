import Foundation
import TestSupport
import Testing

@testable import MaturityKit

@Suite("The default questionnaire and its examples")
struct DefaultQuestionnaireTests {
  func load() throws -> Questionnaire {
    try QuestionnaireLoader.load(path: Repository.path("Questionnaires/ai-data-readiness/questionnaire.yaml"))
      .questionnaire
  }

  @Test("it loads without problems: five priorities, 8 to 12 questions each, every type used")
  func structure() throws {
    let questionnaire = try load()
    #expect(
      questionnaire.dimensions.map(\.id) == [
        "ecosystem", "openness", "interoperability", "sustainability", "ethics",
      ])
    for dimension in questionnaire.dimensions {
      #expect(
        (8...12).contains(dimension.questions.count), "\(dimension.id) has \(dimension.questions.count)")
    }
    #expect(Set(questionnaire.questions.map(\.type)) == Set(QuestionType.allCases))
    #expect(questionnaire.questions.contains { $0.relevant != nil })
    #expect(questionnaire.levels.contains { !$0.gate.isEmpty })
    #expect(questionnaire.languages == ["en", "fr", "es"])
  }

  @Test("every scored question has actions")
  func actions() throws {
    for question in try load().questions where question.scored && question.weight > 0 {
      #expect(!question.actions.isEmpty, "\(question.id) has no action")
    }
  }

  @Test("every text has English, French and Spanish, and none is empty")
  func translations() throws {
    let questionnaire = try load()
    var texts: [LocalizedText] = [questionnaire.title] + questionnaire.levels.map(\.name)
    for dimension in questionnaire.dimensions {
      texts += [dimension.name] + dimension.sections.map(\.name)
      for question in dimension.questions {
        texts += [question.text] + [question.help].compactMap { $0 } + question.options.map(\.label)
        for action in question.actions {
          texts += [action.title, action.description, action.owner] + action.resources.map(\.title)
        }
      }
    }
    for text in texts {
      #expect(Set(text.translations.keys) == ["en", "fr", "es"], "\(text)")
      #expect(
        text.translations.values.allSatisfy { !$0.trimmingCharacters(in: .whitespaces).isEmpty }, "\(text)")
    }
  }

  @Test("every resource link is https")
  func links() throws {
    for action in try load().actions {
      for resource in action.resources {
        #expect(
          resource.url.hasPrefix("https://") && URL(string: resource.url)?.host != nil,
          "\(action.id): \(resource.url)")
      }
    }
  }

  @Test("every prerequisite chain is acyclic and names an existing action")
  func prerequisitesAcyclic() throws {
    let all = try load().actions
    let actions = Dictionary(uniqueKeysWithValues: all.map { ($0.id, $0.prerequisites) })
    for (id, _) in actions {
      var seen: Set<String> = [id]
      var frontier = actions[id] ?? []
      while let next = frontier.popLast() {
        let known = actions[next] != nil
        #expect(known, "\(id) needs unknown \(next)")
        #expect(next != id, "\(id) depends on itself")
        if seen.insert(next).inserted { frontier += actions[next] ?? [] }
      }
    }
  }

  @Test(
    "the example responses are valid and score in every format's engine values",
    arguments: [
      "small-municipality", "mid-size-city-2026", "region",
    ])
  func examples(name: String) throws {
    let questionnaire = try load()
    let loaded = try ResponseLoader.load(
      path: Repository.path("Examples/responses/\(name).response.yaml"), questionnaire: questionnaire)
    #expect(loaded.warnings.isEmpty)
    let card = Scorer.score(loaded.response, with: questionnaire)
    #expect(card.overall.score != nil)
    let allSufficient = card.dimensions.allSatisfy { $0.sufficientData }
    #expect(allSufficient)
  }
}
