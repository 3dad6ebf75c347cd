import CSV
import Foundation
import InterfaceText

/// Response files found in folders.
public enum ResponseFiles {
  /// The files themselves, and in folders (recursively) every `*.response.yaml` and `*.csv`, sorted.
  public static func expand(_ inputs: [String]) throws(Problems) -> [String] {
    var paths: [String] = []
    for input in inputs {
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: input, isDirectory: &isDirectory) else {
        throw Problems([Problem(.error, SourceLocation(file: input), "file.notFound")])
      }
      guard isDirectory.boolValue else {
        paths.append(input)
        continue
      }
      let found = (FileManager.default.enumerator(atPath: input)?.allObjects as? [String] ?? [])
        .filter {
          $0.hasSuffix(".response.yaml") || $0.hasSuffix(".response.yml") || $0.lowercased().hasSuffix(".csv")
        }
        .sorted()
      paths += found.map { input.hasSuffix("/") ? input + $0 : input + "/" + $0 }
    }
    return paths
  }
}

/// Builds one peer CSV from many responses: each checked against its questionnaire, scored by
/// the engine (scores shape) or written answer by answer (answers shape). Respondents' personal
/// data is never written.
public struct PeerSetBuilder: Sendable {
  public let shape: PeerSource.Shape
  public let defaultYear: Int?
  public let locator: QuestionnaireLocator
  /// How response CSVs are read.
  public let csv: CSVReadOptions

  public init(
    shape: PeerSource.Shape, defaultYear: Int? = nil, locator: QuestionnaireLocator = QuestionnaireLocator(),
    csv: CSVReadOptions = CSVReadOptions()
  ) {
    self.shape = shape
    self.defaultYear = defaultYear
    self.locator = locator
    self.csv = csv
  }

  public struct Result: Sendable {
    public var bytes: [UInt8]
    /// Authority-years written.
    public var count: Int
    public var warnings: [Problem]
  }

  /// Reads every response; throws every problem of every file at once.
  public func build(_ paths: [String], progress: (Int) -> Void = { _ in }) throws -> Result {
    var problems: [Problem] = []
    var questionnaire: Questionnaire?
    var writer = CSVWriter()
    var seen: [String: String] = [:]
    var count = 0
    for (index, path) in paths.enumerated() {
      defer { progress(index + 1) }
      do {
        let file = try ResponseFile(path: path, csv: csv)
        if questionnaire == nil {
          // Every response on the current edition of the first one's questionnaire: responses
          // of earlier editions are carried over to it.
          questionnaire = try file.currentEdition(locator)
          writeHeader(questionnaire!, &writer)
        }
        guard let questionnaire else { continue }
        let loaded = try locator.response(
          in: file, on: questionnaire, texts: TextCatalogue(language: .english))
        problems += loaded.warnings
        if let migrated = loaded.migrated {
          problems.append(
            Problem(
              .warning, SourceLocation(file: path), "build.carried",
              ["from": migrated.from, "to": questionnaire.version, "new": "\(migrated.newQuestions.count)"]))
        }
        let response = loaded.response
        guard let year = response.date.flatMap({ Int($0.prefix(4)) }) ?? defaultYear else {
          problems.append(Problem(.error, SourceLocation(file: path), "build.noYear"))
          continue
        }
        let key = "\(response.authority.id)\u{0}\(year)"
        if let first = seen[key] {
          problems.append(
            Problem(
              .error, SourceLocation(file: path), "build.duplicate",
              ["authority": response.authority.id, "year": "\(year)", "first": first]))
          continue
        }
        seen[key] = path
        write(response, year: year, questionnaire, &writer)
        count += 1
      } catch let error as Problems {
        problems += error.all
      } catch let error as any UserFacingError {
        problems.append(
          Problem(
            .error, error.location ?? SourceLocation(file: path), "build.unreadable",
            ["message": error.message(TextCatalogue(language: .english))]))
      }
    }
    if problems.contains(where: { $0.severity == .error }) { throw Problems(problems) }
    return Result(bytes: writer.bytes, count: count, warnings: problems)
  }

  /// Writes responses already checked against `questionnaire` (a network server's submitted
  /// assessments); one without a year (no date, no default year) is left out.
  public func build(_ responses: [Response], questionnaire: Questionnaire) -> Result {
    var writer = CSVWriter()
    writeHeader(questionnaire, &writer)
    var count = 0
    for response in responses {
      guard let year = response.date.flatMap({ Int($0.prefix(4)) }) ?? defaultYear else { continue }
      write(response, year: year, questionnaire, &writer)
      count += 1
    }
    return Result(bytes: writer.bytes, count: count, warnings: [])
  }

  private func writeHeader(_ questionnaire: Questionnaire, _ writer: inout CSVWriter) {
    switch shape {
    case .scores:
      writer.write(
        ["authority_id", "name", "country", "population", "type", "year", "questionnaire", "version"]
          + questionnaire.dimensions.map(\.id) + ["overall"])
    case .answers:
      writer.write(SyntheticPeers.answersHeader + ["questionnaire", "version"])
    }
  }

  private func write(
    _ response: Response, year: Int, _ questionnaire: Questionnaire, _ writer: inout CSVWriter
  ) {
    let authority = response.authority
    let common = [
      authority.country ?? "", authority.population.map(String.init) ?? "", authority.type?.rawValue ?? "",
    ]
    switch shape {
    case .scores:
      let card = Assessment(response, on: questionnaire).scorecard
      func format(_ value: Double?) -> String { value.map(JSONValue.format) ?? "" }
      writer.write(
        [authority.id, authority.name] + common + ["\(year)", questionnaire.id, questionnaire.version]
          + card.dimensions.map { format($0.score) } + [format(card.overall.score)])
    case .answers:
      let relevant = Relevance.relevantQuestions(response, questionnaire)
      // Peer files carry answers only: notes stay with the authority.
      for answer in response.answers where relevant[answer.questionID] == true {
        guard let value = answer.value else { continue }
        writer.write(
          [authority.id] + common + [
            "\(year)", answer.questionID, value.formatted, questionnaire.id, questionnaire.version,
          ])
      }
    }
  }
}
