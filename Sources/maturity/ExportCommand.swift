import ArgumentParser
import CSV
import InterfaceText
import MaturityKit

/// `maturity export`: the questionnaire for other tools.
struct ExportCommand: ParsableCommand, LocalizedCommand {
  enum Target: String, ExpressibleByArgument, CaseIterable { case xlsform }

  static let configuration = CommandConfiguration(
    commandName: "export",
    abstract: "Export a questionnaire for other tools: an XLSForm for KoboToolbox and ODK.",
    discussion: """
      Writes DIR/<id>.xlsx (the XLSForm workbook to upload to KoboToolbox or ODK Central), the \
      same form as DIR/<id>.csv (the one-file CSV layout that pyxform reads), DIR/<id>-mapping.yaml, the mapping with which \
      `maturity import --from kobo` reads what KoboToolbox exports, and DIR/<id>-mapping-odk.yaml, \
      the one for `maturity import --from odk` and ODK Central's CSV export. Labels and hints are in every \
      language of the questionnaire; skip logic is translated to XLSForm's `relevant`.

      Example:
        maturity export ai-data-readiness --to xlsform --output Forms/
      """
  )

  @Argument(help: "The questionnaire: a path, or an id found in the questionnaire folders (maturity --help).")
  var questionnaire: String

  @Option(help: "The format: xlsform.")
  var to: Target = .xlsform

  @Option(name: .shortAndLong, help: "The folder to write to.")
  var output: String

  @OptionGroup var language: LanguageOption

  var texts: TextCatalogue { language.texts }

  func run() throws {
    let loaded = try QuestionnaireLocator().load(questionnaire).questionnaire
    let form = XLSForm(loaded)
    let sheets = [
      ("survey", form.surveyWithAuthority), ("choices", form.choicesWithAuthority),
      ("settings", form.settings),
    ]
    try AtomicFile.write(XLSXWriter.workbook(sheets), to: "\(output)/\(loaded.id).xlsx")
    // The same form as one CSV file, as pyxform reads one: each sheet's name alone on a row,
    // then its rows shifted one column right.
    var writer = CSVWriter(guardsFormulas: false)
    for (name, rows) in sheets {
      writer.write([name])
      for row in rows { writer.write([""] + row) }
    }
    try AtomicFile.write(writer.bytes, to: "\(output)/\(loaded.id).csv")
    try AtomicFile.write(Array(form.mapping(source: .kobo).utf8), to: "\(output)/\(loaded.id)-mapping.yaml")
    try AtomicFile.write(
      Array(form.mapping(source: .odk).utf8), to: "\(output)/\(loaded.id)-mapping-odk.yaml")
    Diagnostics.warn(texts("export.written", ["folder": output, "id": loaded.id]))
  }
}
