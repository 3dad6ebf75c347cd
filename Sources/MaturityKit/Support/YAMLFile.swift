import Foundation
import Yams

/// A YAML file read into Yams nodes, with every problem placed at its line.
///
/// Files are untrusted: size is capped, bytes must be UTF-8, aliases are refused (they can
/// multiply a small file into a huge tree), and YAML syntax errors carry libyaml's position.
struct YAMLFile {
  static let sizeLimit = 8 << 20

  /// Reads and parses `path`; nil root with problems logged when the file cannot be used.
  static func load(path: String, log: inout ProblemLog) -> Node? {
    guard let data = FileManager.default.contents(atPath: path) else {
      var isDirectory: ObjCBool = false
      let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
      log.error(
        nil, exists ? (isDirectory.boolValue ? "file.isDirectory" : "file.unreadable") : "file.notFound")
      return nil
    }
    return parse(data, log: &log)
  }

  /// Parses YAML bytes.
  static func parse(_ data: Data, log: inout ProblemLog) -> Node? {
    guard data.count <= sizeLimit else {
      log.error(nil, "file.tooLarge", ["limit": "\(sizeLimit >> 20) MB"])
      return nil
    }
    guard let text = String(data: data, encoding: .utf8) else {
      log.error(nil, "file.notUTF8")
      return nil
    }
    let root: Node?
    do {
      root = try Yams.compose(yaml: text)
    } catch let error as YamlError {
      switch error {
      case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
        .composer(_, let problem, let mark, _):
        log.error(mark.line, "yaml.syntax", ["problem": problem], column: mark.column)
      case .duplicatedKeysInMapping(let duplicates, let context):
        log.error(context.mark.line, "yaml.duplicateKey", ["key": duplicates.joined(separator: ", ")])
      default:
        log.error(nil, "yaml.syntax", ["problem": "\(error)"])
      }
      return nil
    } catch {
      log.error(nil, "yaml.syntax", ["problem": "\(error)"])
      return nil
    }
    guard let root else {
      log.error(1, "file.empty")
      return nil
    }
    return root
  }
}

/// Reads typed values out of YAML nodes, logging a located problem for each wrong one.
struct YAMLReader {
  var log: ProblemLog

  init(file: String) { log = ProblemLog(file: file) }

  static func line(_ node: Node) -> Int? { node.mark?.line }

  /// The pairs of a mapping, by key; unknown keys are reported with the nearest known one.
  mutating func mapping(_ node: Node, _ what: String, allowed: [String], required: [String] = [])
    -> [String: Node]?
  {
    guard case .mapping(let mapping) = node else {
      expected(node, "yaml.expectedMapping", what)
      return nil
    }
    var result: [String: Node] = [:]
    for (keyNode, value) in mapping {
      guard case .scalar(let key) = keyNode else {
        expected(keyNode, "yaml.expectedText", what)
        continue
      }
      if allowed.contains(key.string) {
        result[key.string] = value
      } else if let suggestion = NearestName.suggestion(for: key.string, among: allowed) {
        log.error(
          Self.line(keyNode), "yaml.unknownKeySuggestion",
          ["key": key.string, "in": what, "suggestion": suggestion])
      } else {
        log.error(
          Self.line(keyNode), "yaml.unknownKey",
          ["key": key.string, "in": what, "known": allowed.joined(separator: ", ")])
      }
    }
    for key in required where result[key] == nil {
      log.error(Self.line(node), "yaml.missingKey", ["key": key, "in": what])
    }
    return result
  }

  /// The items of a sequence.
  mutating func sequence(_ node: Node, _ what: String) -> [Node]? {
    if case .sequence(let sequence) = node { return Array(sequence) }
    expected(node, "yaml.expectedList", what)
    return nil
  }

  /// A scalar's text (a number or boolean is taken as written).
  mutating func string(_ node: Node, _ what: String) -> String? {
    if case .scalar(let scalar) = node, !Self.isNull(node) { return scalar.string }
    expected(node, "yaml.expectedText", what)
    return nil
  }

  /// A finite number.
  mutating func number(_ node: Node, _ what: String) -> Double? {
    if case .scalar(let scalar) = node, let value = Double(scalar.string), value.isFinite { return value }
    expected(node, "yaml.expectedNumber", what)
    return nil
  }

  /// A text given in each of `languages` (a mapping from language code to text).
  mutating func localizedText(_ node: Node, _ what: String, languages: [String]) -> LocalizedText? {
    guard case .mapping = node else {
      log.error(
        Self.line(node), "questionnaire.textNeedsLanguages",
        ["in": what, "languages": languages.joined(separator: ", ")])
      return nil
    }
    guard let map = mapping(node, what, allowed: languages) else { return nil }
    var translations: [String: String] = [:]
    for (language, value) in map {
      if let text = string(value, "\(what) (\(language))") { translations[language] = text }
    }
    for language in languages where map[language] == nil {
      log.error(Self.line(node), "questionnaire.missingTranslation", ["in": what, "language": language])
    }
    return LocalizedText(translations)
  }

  /// `true`/`false` (also `yes`/`no`).
  mutating func bool(_ node: Node, _ what: String) -> Bool? {
    if case .scalar(let scalar) = node, let value = Self.boolean(scalar.string) { return value }
    expected(node, "yaml.expectedBoolean", what)
    return nil
  }

  static func boolean(_ text: String) -> Bool? {
    switch text.lowercased() {
    case "true", "yes", "on": true
    case "false", "no", "off": false
    default: nil
    }
  }

  /// An empty value, `~` or `null` written without quotes.
  static func isNull(_ node: Node) -> Bool {
    guard case .scalar(let scalar) = node, scalar.style == .plain else { return false }
    return ["", "~", "null", "Null", "NULL"].contains(scalar.string)
  }

  private mutating func expected(_ node: Node, _ code: String, _ what: String) {
    if case .alias = node {
      log.error(Self.line(node), "yaml.alias", ["in": what])
    } else {
      log.error(Self.line(node), code, ["in": what])
    }
  }
}
