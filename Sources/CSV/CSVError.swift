import InterfaceText

/// A CSV file that could not be read, with the file and the line where its record starts.
public struct CSVError: UserFacingError, Equatable {
  /// What went wrong.
  public enum Kind: Sendable, Equatable {
    /// The file could not be opened or read (the system's reason).
    case unreadable(reason: String)
    /// The path names a FIFO, a device or a socket, not a file.
    case notRegularFile
    /// A quoted field runs to the end of the file without its closing quote.
    case unterminatedQuote
    /// A record has another number of fields than the header.
    case raggedRow(found: Int, expected: Int)
    /// The bytes of a record are not valid UTF-8 while UTF-8 was required.
    case invalidUTF8
    /// A record too large for memory.
    case recordTooLarge
    /// A required column is absent from the header.
    case missingColumn(String)
    /// A column appears twice in the header.
    case duplicateColumn(String)
  }

  /// The file as the user named it.
  public let file: String
  /// The physical line where the faulty record starts (1-based), when the problem is in a record.
  public let line: Int?
  /// What went wrong.
  public let kind: Kind

  public init(file: String, line: Int?, kind: Kind) {
    self.file = file
    self.line = line
    self.kind = kind
  }

  public var location: SourceLocation? { SourceLocation(file: file, line: line) }

  public func message(_ texts: TextCatalogue) -> String { texts(catalogueKey, arguments) }

  /// The key of the message in the interface-text catalogue.
  public var catalogueKey: String {
    switch kind {
    case .unreadable: "csv.error.unreadable"
    case .notRegularFile: "csv.error.notRegularFile"
    case .unterminatedQuote: "csv.error.unterminatedQuote"
    case .raggedRow: "csv.error.raggedRow"
    case .invalidUTF8: "csv.error.invalidUTF8"
    case .recordTooLarge: "csv.error.recordTooLarge"
    case .missingColumn: "csv.error.missingColumn"
    case .duplicateColumn: "csv.error.duplicateColumn"
    }
  }

  /// The values the message names, each a short excerpt (see ``Excerpt``).
  public var arguments: [String: String] {
    let arguments: [String: String] =
      switch kind {
      case .unreadable(let reason): ["reason": reason]
      case .raggedRow(let found, let expected): ["found": "\(found)", "expected": "\(expected)"]
      case .missingColumn(let name), .duplicateColumn(let name): ["column": name]
      case .unterminatedQuote, .invalidUTF8, .recordTooLarge, .notRegularFile: [:]
      }
    return Excerpt.arguments(arguments)
  }
}

/// Something worth telling the user about a file that was read all the same.
public enum CSVWarning: Sendable, Equatable {
  /// The file was not valid UTF-8 and was read as Windows-1252.
  case readAsWindows1252(file: String)

  /// The warning in the catalogue's language, naming the file.
  public func message(_ texts: TextCatalogue) -> String {
    switch self {
    case .readAsWindows1252(let file): texts("csv.warning.windows1252", ["file": file])
    }
  }
}
