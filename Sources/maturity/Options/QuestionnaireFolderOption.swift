import ArgumentParser
import Foundation
import MaturityKit
import MaturityWeb

/// `--questionnaires`: the folder of questionnaires a server or a network command uses.
struct QuestionnaireFolderOption: ParsableArguments {
  @Option(
    help: """
      The folder of questionnaires (default: the first of MATURITY_QUESTIONNAIRES, ./Questionnaires \
      and the installed share folder that exists).
      """)
  var questionnaires: String?

  /// The folder given, else the first of the usual folders that exists.
  var folder: String {
    if let questionnaires { return questionnaires }
    return QuestionnaireLocator().folders.first { FileManager.default.fileExists(atPath: $0) }
      ?? "Questionnaires"
  }

  /// Every questionnaire of the folder, with its earlier editions.
  func shelf() throws -> QuestionnaireShelf { try QuestionnaireShelf(folder: folder) }
}
