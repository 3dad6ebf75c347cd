import ArgumentParser
import Foundation
import InterfaceText
import MaturityKit

/// `maturity fill`: answer a questionnaire in the terminal, one question at a time.
struct FillCommand: ParsableCommand, LocalizedCommand {
  static let configuration = CommandConfiguration(
    commandName: "fill",
    abstract: "Fill in a questionnaire in the terminal, one question at a time; every answer is saved at once.",
    discussion: """
      Each answer is written to --output as soon as it is given (a temporary file, then a \
      rename), so closing the terminal or Ctrl-C loses at most the answer being typed. Run the \
      same command again to continue at the first unanswered question.

      Type the number of an option (several, separated by commas, where more than one can be \
      ticked), y or n, a number, or text; na (not applicable) and unknown (don't know) where the \
      question allows them. Commands: ? help · u mark unsure · c TEXT comment · e URL evidence · \
      b back · s skip · g N go to priority N · r review this priority · q quit.

      Without a terminal (input piped), it reads one answer per line, so it can be scripted; \
      the end of the input quits and keeps what was answered.

      Example:
        maturity fill ai-data-readiness --output my-town.response.yaml --lang fr
        printf 'ES-01\\nVilla\\n\\n\\n\\n2\\ny\\n' | maturity fill ai-data-readiness --output v.response.yaml
      """
  )

  @Argument(help: "The questionnaire: a path or an id under Questionnaires/.")
  var questionnaire: String

  @Option(name: .shortAndLong, help: "The response file to write and resume (.response.yaml).")
  var output: String

  @Option(name: .customLong("authority-id"), help: "The authority's id (asked when absent).")
  var authorityID: String?

  @Option(name: .customLong("authority-name"), help: "The authority's name (asked when absent).")
  var authorityName: String?

  @Option(help: "The authority's country (ISO code).")
  var country: String?

  @Option(help: "The authority's population.")
  var population: Int?

  @Option(help: "municipality, region or other.")
  var type: String?

  @Option(help: "The assessment date, YYYY-MM-DD (default: today).")
  var date: String?

  @OptionGroup var language: LanguageOption

  var texts: TextCatalogue { language.texts }

  func run() throws {
    let questionnaire = try QuestionnaireLocator().load(self.questionnaire).questionnaire
    let terminal = isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1
    let color = terminal && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
    let response: Response
    if FileManager.default.fileExists(atPath: output) {
      let loaded = try ResponseLoader.load(path: output, questionnaire: questionnaire)
      Diagnostics.report(loaded.warnings, texts)
      response = loaded.response
      print(texts("fill.resuming", ["file": output, "count": "\(response.answers.count)"]))
    } else {
      guard let authority = askAuthority() else { return }
      response = Response(
        questionnaireID: questionnaire.id, version: questionnaire.version, authority: authority,
        date: date ?? Self.today(), file: output)
    }
    let session = FillSession(questionnaire: questionnaire, response: response, path: output, texts: texts)
    try session.save()
    print(texts("fill.intro", ["file": output]))
    guard !session.isComplete else { return finish(session, questionnaire, color: color) }
    while true {
      print("\n" + session.screen(color: color))
      print("> ", terminator: "")
      fflush(nil)
      guard let line = readLine(strippingNewline: true) else {
        print("")
        return quit(session)
      }
      switch try session.handle(line) {
      case .continue(let message): if let message { print(message) }
      case .quit: return quit(session)
      case .finished: return finish(session, questionnaire, color: color)
      }
    }
  }

  private func quit(_ session: FillSession) {
    print(texts("fill.saved", ["count": "\(session.response.answers.count)", "file": output]))
  }

  private func finish(_ session: FillSession, _ questionnaire: Questionnaire, color: Bool) {
    print("\n" + texts("fill.done", ["count": "\(session.response.answers.count)", "file": output]) + "\n")
    print(ScorecardText.render(Scorer.score(session.response, with: questionnaire), texts: texts, color: color), terminator: "")
  }

  /// The authority from the options, asking for what is missing; nil when the input ends.
  private func askAuthority() -> Authority? {
    func ask(_ key: String, required: Bool) -> String?? {
      while true {
        print(texts(key), terminator: " ")
        fflush(nil)
        guard let line = readLine(strippingNewline: true) else { return .none }
        let value = line.trimmingCharacters(in: .whitespaces)
        if !value.isEmpty || !required { return .some(value.isEmpty ? nil : value) }
      }
    }
    guard let id = authorityID ?? ask("fill.ask.id", required: true).flatMap({ $0 }) else { return nil }
    guard let name = authorityName ?? ask("fill.ask.name", required: true).flatMap({ $0 }) else { return nil }
    var authority = Authority(id: id, name: name)
    if let country { authority.country = country.uppercased() } else if case .some(let value) = ask("fill.ask.country", required: false) {
      authority.country = value?.uppercased()
    } else { return nil }
    if let population { authority.population = population } else if case .some(let value) = ask("fill.ask.population", required: false) {
      authority.population = value.flatMap { Int($0.filter(\.isNumber)) }
    } else { return nil }
    if let type { authority.type = AuthorityType(rawValue: type) } else if case .some(let value) = ask("fill.ask.type", required: false) {
      authority.type = value.flatMap { AuthorityType(rawValue: $0.lowercased()) } ?? .municipality
    } else { return nil }
    return authority
  }

  static func today() -> String {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.dateFormat = "yyyy-MM-dd"
    return formatter.string(from: Date())
  }
}
