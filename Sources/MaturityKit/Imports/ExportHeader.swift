import CSV
import Foundation

/// The header of a survey tool's export. Tools repeat headers (two questions with the same text
/// in a LimeSurvey "full question text" export), so a name given twice is kept, and is an error
/// only when the mapping names it (see ``SurveyImporter``).
struct ExportHeader: Sendable {
  /// The names exactly as written.
  let names: [String]
  private let indicesByKey: [String: [Int]]

  init(names: [String]) {
    self.names = names
    var indices: [String: [Int]] = [:]
    for (index, name) in names.enumerated() {
      let key = Self.key(name)
      if !key.isEmpty { indices[key, default: []].append(index) }
    }
    indicesByKey = indices
  }

  /// The index of the column called `name`: its first one when the name is repeated.
  subscript(name: String) -> Int? { indicesByKey[Self.key(name)]?.first }

  /// Whether several columns are called `name`.
  func isRepeated(_ name: String) -> Bool { (indicesByKey[Self.key(name)]?.count ?? 0) > 1 }

  private static func key(_ name: String) -> String {
    FormulaGuard.unguarded(name).trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
  }
}
