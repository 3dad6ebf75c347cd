/// Text wrapped to a terminal's width at word boundaries.
public enum TextWrapping {
  /// `text` with each line cut at spaces so that no line is wider than `width` columns. A
  /// continuation line is indented like the start of its line, past a list marker such as `1) `
  /// or `- `; a word wider than the line is cut. Colour escapes take no width.
  public static func wrap(_ text: String, width: Int) -> String {
    guard width > 0 else { return text }
    return text.split(separator: "\n", omittingEmptySubsequences: false).map { wrapLine($0, width: width) }
      .joined(separator: "\n")
  }

  private static func wrapLine(_ line: Substring, width: Int) -> String {
    guard visibleWidth(line) > width else { return String(line) }
    let indentWidth = min(hangingIndent(line), width / 2)
    let indent = String(repeating: " ", count: indentWidth)
    var lines: [String] = []
    var current = String(line.prefix { $0 == " " })
    var currentWidth = current.count
    var atStart = true
    for word in line.split(separator: " ") {
      var word = Substring(word)
      let wordWidth = visibleWidth(word)
      if !atStart && currentWidth + 1 + wordWidth > width {
        lines.append(current)
        current = indent
        currentWidth = indentWidth
        atStart = true
      }
      if !atStart {
        current += " "
        currentWidth += 1
      }
      // A word wider than the room left on an empty line is cut.
      while currentWidth + visibleWidth(word) > width, width - currentWidth > 0, atStart {
        let room = width - currentWidth
        current += word.prefix(room)
        lines.append(current)
        word = word.dropFirst(room)
        current = indent
        currentWidth = indentWidth
      }
      current += word
      currentWidth += visibleWidth(word)
      atStart = false
    }
    lines.append(current)
    return lines.joined(separator: "\n")
  }

  /// The columns before the text of a line: its spaces, and a list marker (`1) `, `- `, `· `).
  private static func hangingIndent(_ line: Substring) -> Int {
    let spaces = line.prefix { $0 == " " }.count
    let rest = line.dropFirst(spaces)
    let digits = rest.prefix { $0.isNumber }
    if !digits.isEmpty, rest.dropFirst(digits.count).hasPrefix(") ") { return spaces + digits.count + 2 }
    if rest.hasPrefix("- ") || rest.hasPrefix("· ") { return spaces + 2 }
    return spaces
  }

  /// The width of `text` on a terminal: one column a character, none for colour escapes.
  static func visibleWidth(_ text: Substring) -> Int {
    var width = 0
    var inEscape = false
    for character in text {
      if inEscape {
        if character.isLetter { inEscape = false }
      } else if character == "\u{1B}" {
        inEscape = true
      } else {
        width += 1
      }
    }
    return width
  }
}
