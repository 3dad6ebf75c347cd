import ArgumentParser
import Foundation
import InterfaceText
import MaturityKit
import Synchronization

/// `maturity fill`: answer a questionnaire in the terminal, one question at a time.
struct FillCommand: ParsableCommand, LocalizedCommand {
  static let configuration = CommandConfiguration(
    commandName: "fill",
    abstract:
      "Fill in a questionnaire in the terminal, one question at a time; every answer is saved at once.",
    discussion: """
      Each answer is written to --output as soon as it is given (a temporary file, then a \
      rename), so closing the terminal or Ctrl-C loses at most the answer being typed. Run the \
      same command again to continue at the first unanswered question.

      Type the number of an option (several, separated by commas, where more than one can be \
      ticked), y or n, a number, or text; na (not applicable) and unknown (don't know) where the \
      question allows them; Enter keeps an answer already given. Commands: ? help · u mark unsure \
      · c TEXT comment · e URL evidence · b back · s skip · g N go to priority N · r review every \
      priority · q quit. A comment, evidence or unsure mark on a question not yet answered is kept \
      as a note. Text is wrapped to the terminal's width; Ctrl-C says what is saved and how to \
      continue.

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

  /// The authority's fields are checked by the rules every response file is read with, so a
  /// session never saves a file it would later refuse to resume.
  func validate() throws {
    try AuthorityOptionRules.check(country: country, type: type, date: date, population: population)
  }

  func run() throws {
    let questionnaire = try QuestionnaireLocator().load(self.questionnaire).questionnaire
    let terminal = isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1
    let color = terminal && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
    let response: Response
    if FileManager.default.fileExists(atPath: output) {
      let loaded = try ResponseLoader.load(path: output, questionnaire: questionnaire)
      Diagnostics.report(loaded.warnings, texts)
      response = loaded.response
      print(
        texts(
          "fill.resuming", ["file": output, "count": "\(response.answers.filter { $0.value != nil }.count)"]))
    } else {
      guard let authority = askAuthority() else { return }
      response = Response(
        questionnaireID: questionnaire.id, version: questionnaire.version, authority: authority,
        date: date ?? ISODate.today, file: output)
    }
    let session = FillSession(questionnaire: questionnaire, response: response, path: output, texts: texts)
    try session.save()
    let goodbye = Goodbye()
    goodbye.update(goodbyeLine(session))
    goodbye.install()
    show(texts("fill.intro", ["file": output]))
    guard !session.isComplete else { return finish(session, questionnaire, color: color) }
    var showQuestion = true
    while true {
      if showQuestion { show("\n" + session.screen(color: color)) }
      print("> ", terminator: "")
      fflush(nil)
      guard let line = readLine(strippingNewline: true) else {
        print("")
        return quit(session)
      }
      let outcome = try session.handle(line)
      goodbye.update(goodbyeLine(session))
      showQuestion = true
      switch outcome {
      case .continue(let message): if let message { show(message) }
      case .retry(let message):
        show(message)
        showQuestion = false
      case .quit: return quit(session)
      case .finished: return finish(session, questionnaire, color: color)
      }
    }
  }

  /// Prints `text` wrapped to the terminal's width, read again each time (the window may have
  /// been resized); piped output is not wrapped.
  private func show(_ text: String) {
    var size = winsize()
    let width =
      isatty(STDOUT_FILENO) == 1 && ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0 ? Int(size.ws_col) : 0
    print(TextWrapping.wrap(text, width: width))
  }

  /// What Ctrl-C prints: what is saved, and the command that continues.
  private func goodbyeLine(_ session: FillSession) -> String {
    func quoted(_ text: String) -> String {
      text.allSatisfy { $0.isLetter || $0.isNumber || "-_./".contains($0) }
        ? text : "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
    let counts = session.counts
    var command = "maturity fill \(quoted(self.questionnaire)) --output \(quoted(output))"
    if let code = language.code { command += " --lang \(code)" }
    return texts(
      "fill.goodbye",
      ["answers": "\(counts.answers)", "notes": "\(counts.notes)", "file": output, "command": command])
  }

  private func quit(_ session: FillSession) {
    show(texts("fill.saved", ["count": "\(session.counts.answers)", "file": output]))
  }

  private func finish(_ session: FillSession, _ questionnaire: Questionnaire, color: Bool) {
    show("\n" + texts("fill.done", ["count": "\(session.counts.answers)", "file": output]) + "\n")
    let card = Assessment(session.response, on: questionnaire).scorecard
    print(
      String(decoding: card.rendered(as: .text, texts: texts, color: color), as: UTF8.self), terminator: "")
  }

  /// The authority from the options, asking for what is missing; nil when the input ends.
  private func askAuthority() -> Authority? {
    let cells = AnswerCellReader(language: language.language)
    func ask(
      _ key: String, required: Bool, valid: (String) -> Bool = { _ in true },
      invalid: String = "fill.badNumber"
    ) -> String?? {
      while true {
        print(texts(key), terminator: " ")
        fflush(nil)
        guard let line = readLine(strippingNewline: true) else { return .none }
        let value = line.trimmingCharacters(in: .whitespaces)
        if !value.isEmpty && !valid(value) {
          print(texts(invalid))
          continue
        }
        if !value.isEmpty || !required { return .some(value.isEmpty ? nil : value) }
      }
    }
    guard let id = authorityID ?? ask("fill.ask.id", required: true).flatMap({ $0 }) else { return nil }
    guard let name = authorityName ?? ask("fill.ask.name", required: true).flatMap({ $0 }) else { return nil }
    var authority = Authority(id: id, name: name)
    if let country {
      authority.country = country.uppercased()
    } else if case .some(let value) = ask(
      "fill.ask.country", required: false, valid: { Authority.isCountryCode($0.uppercased()) },
      invalid: "fill.badCountry")
    {
      authority.country = value?.uppercased()
    } else {
      return nil
    }
    if let population {
      authority.population = population
    } else if case .some(let value) = ask(
      "fill.ask.population", required: false, valid: { cells.wholeNumber($0) != nil })
    {
      // Read as every answer is (`12 000`, `12.000`), never by dropping what is not a digit.
      authority.population = value.flatMap(cells.wholeNumber)
    } else {
      return nil
    }
    if let type {
      authority.type = AuthorityType(rawValue: type)
    } else if case .some(let value) = ask(
      "fill.ask.type", required: false, valid: { AuthorityType(rawValue: $0.lowercased()) != nil },
      invalid: "fill.badType")
    {
      authority.type = value.flatMap { AuthorityType(rawValue: $0.lowercased()) } ?? .municipality
    } else {
      return nil
    }
    return authority
  }
}

/// The line Ctrl-C prints before `maturity fill` ends: kept current after every answer, printed
/// from a signal source (the main thread may be waiting for input).
private final class Goodbye: Sendable {
  private let line = Mutex("")

  func update(_ text: String) { line.withLock { $0 = text } }

  /// Catches SIGINT: prints the line and ends with status 130, as a shell expects of Ctrl-C.
  func install() {
    signal(SIGINT, SIG_IGN)
    let source = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
    source.setEventHandler { [self] in
      let text = "\n" + line.withLock { $0 } + "\n"
      FileHandle.standardOutput.write(Data(text.utf8))
      exit(130)
    }
    source.resume()
    interruptSource = source
  }
}

/// The signal source of ``Goodbye``, kept for the life of the process; set once, on the main
/// thread, before any input is read.
private nonisolated(unsafe) var interruptSource: (any DispatchSourceSignal)?
