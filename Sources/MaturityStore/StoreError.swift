import InterfaceText

/// Why the assessment database could not be used.
public enum StoreError: UserFacingError, Equatable {
  /// The database file could not be opened or created.
  case cannotOpen(path: String, reason: String)
  /// The database was written by a newer version of the tool, whose schema this one does not know.
  case newerSchema(path: String, migrations: [String])
  /// No assessment has this number (deleted, or never created).
  case assessmentNotFound(id: Int64)
  /// No uploaded peer set has this number.
  case peerSetNotFound(id: Int64)
  /// A read or write failed after the database was opened.
  case failed(path: String, reason: String)
  /// `--db` names a PostgreSQL database in a way that cannot be used.
  case badLocation(String, reason: BadLocation)

  /// What is wrong with a PostgreSQL URL.
  public enum BadLocation: String, Sendable {
    case malformed, password, noUser, noDatabase
  }

  public var location: SourceLocation? {
    switch self {
    case .cannotOpen(let path, _), .newerSchema(let path, _), .failed(let path, _): SourceLocation(file: path)
    case .assessmentNotFound, .peerSetNotFound, .badLocation: nil
    }
  }

  public func message(_ texts: TextCatalogue) -> String {
    switch self {
    case .cannotOpen(_, let reason): texts("store.cannotOpen", ["reason": reason])
    case .newerSchema(_, let migrations):
      texts("store.newerSchema", ["migrations": migrations.joined(separator: ", ")])
    case .assessmentNotFound(let id): texts("store.assessmentNotFound", ["id": "\(id)"])
    case .peerSetNotFound(let id): texts("store.peerSetNotFound", ["id": "\(id)"])
    case .failed(_, let reason): texts("store.failed", ["reason": reason])
    case .badLocation(let location, let reason):
      texts("store.badLocation.\(reason.rawValue)", ["url": location])
    }
  }
}
