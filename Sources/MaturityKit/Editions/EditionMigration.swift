/// How the answers to one edition of a questionnaire carry over to the next: for each question
/// of the earlier edition, what became of it, and for each question of the later one, where its
/// answer comes from.
///
/// Read from `<questionnaire folder>/migrations/<from>-to-<to>.yaml` by
/// ``EditionMigrationLoader``, which checks it against both editions; a value of this type is
/// always consistent with them.
public struct EditionMigration: Sendable, Equatable {
  public var questionnaireID: String
  /// The earlier edition's version.
  public var from: String
  /// The later edition's version.
  public var to: String
  /// In file order; every earlier question is the source of exactly one change and every later
  /// question the target of exactly one.
  public var changes: [QuestionChange]
}

/// What became of one or more questions between two editions.
public struct QuestionChange: Sendable, Equatable {
  public enum Kind: String, Sendable, CaseIterable {
    /// Same id, type and options: the answer is kept as it is.
    case same
    /// Same type and options under a new id.
    case renamed
    /// The options were changed: each earlier option maps to a later one, or to nothing. When
    /// several ticked options map to one single-answer question, the lowest credit wins.
    case options
    /// One question became several; each earlier option maps to options of some of them.
    case split
    /// Several questions became one: the lowest-credit mapped option wins (the union for a
    /// `multi` question).
    case merged
    /// The question is gone; `reason` says why its answer cannot be carried over.
    case dropped
    /// A question of the later edition with no earlier counterpart: it starts blank.
    case new
  }

  public var kind: Kind
  /// Questions of the earlier edition (none for `new`).
  public var sources: [String]
  /// Questions of the later edition (none for `dropped`).
  public var targets: [String]
  /// For each source question, each of its options that carries over: the later question and
  /// option it becomes. Empty for `same` and `renamed`, whose options keep their ids.
  public var optionMap: [String: [String: [String: String]]]
  /// Why a dropped question cannot be carried over, in the questionnaire's languages.
  public var reason: LocalizedText?
  /// The line of the change in the migration file.
  public var line: Int?

  /// Whether answers are carried over as written (numbers, texts and option ids alike).
  public var keepsValues: Bool { kind == .same || kind == .renamed }
}
