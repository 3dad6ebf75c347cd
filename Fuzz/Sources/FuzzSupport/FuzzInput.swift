import Foundation
import MaturityKit

/// What every fuzz target needs: the input as bytes with its first byte as a selector, a file
/// holding it (the parsers a user feeds read paths), and the questionnaires of the repository.
public enum FuzzInput {
  /// The repository's root: this file is `Fuzz/Sources/FuzzSupport/FuzzInput.swift`.
  public static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

  /// The bundled questionnaire (the current edition).
  public static let questionnaire = load("Questionnaires/ai-data-readiness/questionnaire.yaml")
  /// Its earlier edition, which the bundled migration starts from.
  public static let earlierEdition = load("Questionnaires/ai-data-readiness/editions/2025.1.yaml")
  /// The test questionnaire (1.0), which the import mappings of the test fixtures name.
  public static let testQuestionnaire = load(
    "Tests/Fixtures/questionnaires/test-assessment/questionnaire.yaml")
  /// Its edition 2.0, which the test migration leads to.
  public static let testNextEdition = load("Tests/Fixtures/editions/test-assessment/questionnaire.yaml")

  /// The input's first byte (which path of the parser to take) and the rest.
  public static func split(_ data: UnsafePointer<UInt8>, _ size: Int) -> (selector: UInt8, rest: [UInt8]) {
    guard size > 0 else { return (0, []) }
    return (data[0], Array(UnsafeBufferPointer(start: data + 1, count: size - 1)))
  }

  /// The whole input.
  public static func bytes(_ data: UnsafePointer<UInt8>, _ size: Int) -> [UInt8] {
    Array(UnsafeBufferPointer(start: data, count: size))
  }

  /// Writes `bytes` to `name` in this process's own temporary folder and returns its path
  /// (the same path every run, overwritten).
  public static func file(_ bytes: [UInt8], name: String) -> String {
    let path = folder + "/" + name
    FileManager.default.createFile(atPath: path, contents: Data(bytes))
    return path
  }

  /// This process's temporary folder.
  public static let folder: String = {
    let path = NSTemporaryDirectory() + "/maturity-fuzz-\(getpid())"
    try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
  }()

  private static func load(_ relative: String) -> Questionnaire {
    do { return try QuestionnaireLoader.load(path: root + "/" + relative).questionnaire } catch {
      fatalError("fuzz setup: \(relative): \(error)")
    }
  }
}
