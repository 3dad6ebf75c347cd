import ArgumentParser
import CSV
import Foundation
import InterfaceText
import MaturityKit

/// `maturity import`: responses from a survey tool's export.
struct ImportCommand: ParsableCommand, LocalizedCommand {
  static let configuration = CommandConfiguration(
    commandName: "import",
    abstract:
      "Import responses from a survey tool's CSV export (LimeSurvey, KoboToolbox, ODK, Qualtrics, EUSurvey, any CSV).",
    discussion: """
      A mapping file says which export columns hold the authority and each question's answer \
      (and which answer codes mean which options); --suggest-mapping writes a first one from the \
      export's header. One response per authority is written to --output as \
      <authority-id>.response.yaml: the newest complete one, or with --merge all of an \
      authority's rows together. Every problem names the export's line and column; when there is \
      any, nothing is written. --dry-run writes nothing and says what it would write.

      Example:
        maturity import --from limesurvey export.csv --suggest-mapping \\
          --questionnaire ai-data-readiness > mapping.yaml
        maturity import --from limesurvey export.csv --mapping mapping.yaml \\
          --output Responses/ --dry-run
      """
  )

  @Option(help: "limesurvey, kobo, odk, qualtrics, eusurvey or csv.")
  var from: ImportSource = .csv

  @Argument(help: "The export files (CSV).")
  var exports: [String]

  @Option(help: "The mapping file (YAML).")
  var mapping: String?

  @Flag(
    name: .customLong("suggest-mapping"),
    help: "Write a starting mapping from the export's header instead of importing.")
  var suggestMapping = false

  @Option(help: "The questionnaire for --suggest-mapping (a path or an id).")
  var questionnaire: String = "ai-data-readiness"

  @Option(
    name: .shortAndLong,
    help: "The folder to write responses to (or the mapping file with --suggest-mapping).")
  var output: String?

  @Flag(
    name: .customLong("dry-run"), help: "Check everything and say what would be written, writing nothing.")
  var dryRun = false

  @Flag(name: .customLong("complete-only"), help: "Leave out responses the export marks incomplete.")
  var completeOnly = false

  @Flag(help: "Merge an authority's several responses instead of keeping the newest.")
  var merge = false

  @OptionGroup var encoding: EncodingOption
  @OptionGroup var language: LanguageOption

  var texts: TextCatalogue { language.texts }

  func validate() throws {
    if !suggestMapping && mapping == nil {
      throw ValidationError("Give --mapping, or --suggest-mapping to write one.")
    }
    if !suggestMapping && !dryRun && output == nil {
      throw ValidationError("Give --output, the folder for the responses (or --dry-run).")
    }
  }

  func run() throws {
    if suggestMapping {
      let loaded = try QuestionnaireLocator().load(questionnaire).questionnaire
      // The header, and for Qualtrics the row of question texts under it.
      var rows: [[String]] = []
      try CSVReader(path: exports[0], options: encoding.readOptions).forEach { record in
        if rows.count < 2 { rows.append((0..<record.count).map { record.value($0) ?? "" }) }
      }
      let suggestion = MappingSuggester.suggest(
        header: rows.first ?? [], texts: from == .qualtrics && rows.count > 1 ? rows[1] : [],
        questionnaire: loaded,
        source: from)
      let sink = try OutputSink(path: output)
      try sink.write(suggestion.text)
      try sink.finish()
      Diagnostics.warn(
        texts(
          "import.suggested",
          [
            "matched": "\(suggestion.matched.count)", "total": "\(loaded.questions.count)",
            "rest": suggestion.unmatched.isEmpty ? "-" : suggestion.unmatched.joined(separator: ", "),
          ]))
      return
    }
    var mappingValue = try ImportMapping.load(path: mapping!)
    mappingValue.source = from
    let questionnaire = try QuestionnaireLocator().load(
      id: mappingValue.questionnaire, version: mappingValue.version, for: mapping!)
    var importer = SurveyImporter(mapping: mappingValue, questionnaire: questionnaire)
    importer.completeOnly = completeOnly
    importer.merge = merge
    let result = try importer.run(exports, csv: encoding.readOptions)
    Diagnostics.report(result.warnings, texts)
    let folder = output ?? "."
    let files = result.responses.map { response in
      (
        folder + "/" + FileNames.safe(response.authority.id) + ".response.yaml",
        ResponseYAMLWriter.yaml(response, questionnaire: questionnaire)
      )
    }
    for (path, _) in files { print(texts(dryRun ? "import.wouldWrite" : "import.writes", ["file": path])) }
    guard !dryRun else { return }
    for (path, text) in files { try AtomicFile.write(Array(text.utf8), to: path) }
  }
}

extension ImportSource: ExpressibleByArgument {}
