/// A short, printable excerpt of a value read from a user's file, for messages.
///
/// A message quotes what it is about, and a file can hold a value of megabytes or with line
/// breaks in it: a message quotes at most the first ``length`` characters of a value (whole
/// characters, never half of one), with control characters escaped (`\n`, `\r`, `\t`,
/// `\u{1B}`), then `…` and the value's length in characters: `xxxx… (3000000)`. Lists the
/// program writes into a message (a question's options, the folders searched), paths and the
/// reasons other libraries give keep up to ``listLength`` characters.
public enum Excerpt {
  /// Characters quoted of a value.
  public static let length = 60
  /// Characters quoted of a list the program composes, or of a path or a system's reason.
  public static let listLength = 1_000
  /// Arguments that are lists, paths, a system's or library's reason, or a whole message, rather
  /// than one value of a file.
  static let longArguments: Set<String> = [
    "choices", "columns", "cycle", "dimensions", "editions", "fields", "file", "files", "filters", "folders",
    "languages", "message", "missing", "options", "problem", "questions", "reason", "reference",
  ]

  /// `text` escaped and, when longer than `limit` characters, cut there.
  public static func of(_ text: String, limit: Int = length) -> String {
    if text.utf8.count <= limit, !text.unicodeScalars.contains(where: needsEscape) { return text }
    var result = ""
    var count = 0
    for character in text {
      if count == limit { break }
      count += 1
      if character.unicodeScalars.contains(where: needsEscape) {
        for scalar in character.unicodeScalars { result += escaped(scalar) }
      } else {
        result.append(character)
      }
    }
    guard count == limit, text.index(text.startIndex, offsetBy: limit) < text.endIndex else { return result }
    return result + "… (\(text.count))"
  }

  /// Every value of a message's arguments as an excerpt.
  public static func arguments(_ arguments: [String: String]) -> [String: String] {
    var result = arguments
    for (name, value) in arguments {
      result[name] = of(value, limit: longArguments.contains(name) ? listLength : length)
    }
    return result
  }

  private static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.properties.generalCategory {
    case .control, .lineSeparator, .paragraphSeparator: true
    default: false
    }
  }

  private static func escaped(_ scalar: Unicode.Scalar) -> String {
    switch scalar {
    case "\n": return "\\n"
    case "\r": return "\\r"
    case "\t": return "\\t"
    default:
      guard needsEscape(scalar) else { return String(scalar) }
      return "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
    }
  }
}
