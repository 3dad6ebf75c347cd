/// The field separator of a CSV file.
public enum CSVDelimiter: UInt8, CaseIterable, Sendable, Codable, CustomStringConvertible {
  case comma = 0x2C
  case semicolon = 0x3B
  case tab = 0x09
  case pipe = 0x7C

  /// The delimiter named on a command line: the character itself (`,` `;` `|`, a tab) or its name.
  public init?(argument: String) {
    switch argument.lowercased() {
    case ",", "comma": self = .comma
    case ";", "semicolon": self = .semicolon
    case "\t", "\\t", "tab": self = .tab
    case "|", "pipe": self = .pipe
    default: return nil
    }
  }

  public var description: String {
    switch self {
    case .comma: "comma"
    case .semicolon: "semicolon"
    case .tab: "tab"
    case .pipe: "pipe"
    }
  }
}

/// The character encoding of a CSV file.
public enum CSVEncoding: String, CaseIterable, Sendable, Codable {
  case utf8 = "utf8"
  /// Windows code page 1252, what Excel writes on Western European systems. Not Latin-1:
  /// bytes 0x80–0x9F are letters and punctuation such as `€`, `œ` and curly quotes.
  case windows1252 = "windows-1252"
  /// UTF-16, little- or big-endian as its byte-order mark says (little-endian without one): what
  /// Excel and LibreOffice save as "Unicode text". Found by its mark; read like UTF-8.
  case utf16 = "utf-16"

  /// The encoding named on a command line (`utf8`, `utf-8`, `windows-1252`, `cp1252`, `utf-16`,
  /// `utf16`).
  public init?(argument: String) {
    switch argument.lowercased() {
    case "utf8", "utf-8": self = .utf8
    case "windows-1252", "windows1252", "cp1252": self = .windows1252
    case "utf16", "utf-16", "utf-16le", "utf-16be": self = .utf16
    default: return nil
    }
  }
}

/// How to read a CSV file. Anything left nil is detected from the file.
public struct CSVReadOptions: Sendable, Equatable {
  /// The delimiter; nil detects it from the first lines.
  public var delimiter: CSVDelimiter?
  /// The encoding; nil reads UTF-8 and falls back to Windows-1252 (with a warning) when the
  /// file is not valid UTF-8.
  public var encoding: CSVEncoding?
  /// When true, every record must have as many fields as the first one (the header).
  public var requiresUniformWidth: Bool

  public init(
    delimiter: CSVDelimiter? = nil, encoding: CSVEncoding? = nil, requiresUniformWidth: Bool = false
  ) {
    self.delimiter = delimiter
    self.encoding = encoding
    self.requiresUniformWidth = requiresUniformWidth
  }
}
