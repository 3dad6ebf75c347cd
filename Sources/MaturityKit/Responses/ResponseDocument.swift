/// A response file as read, before its answers are checked against the questionnaire.
///
/// Both response formats (YAML and CSV) read into this; ``ResponseInterpreter`` then types the
/// answers with the questionnaire's questions.
struct ResponseDocument {
  /// An answer value as written.
  enum RawValue: Equatable {
    case scalar(String)
    case list([String])
  }

  struct RawAnswer {
    var questionID: String
    var value: RawValue?
    var unsure: Bool
    var comment: String?
    var evidence: String?
    var line: Int?
  }

  var file: String
  var questionnaireID: String
  var version: String
  var authority: Authority
  var date: String?
  var respondent: Respondent?
  var answers: [RawAnswer]
  /// Problems found while reading (syntax, unknown keys, bad authority fields).
  var log: ProblemLog
  /// Lines of header fields, for messages.
  var questionnaireLine: Int?
  var versionLine: Int?
  /// How the answer cells are read: the decimal mark of the file.
  var cells = AnswerCellReader()
}
