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
      Writes DIR/<id>.xlsx (the XLSForm workbook to upload to KoboToolbox or ODK Central), its \
      survey and choices sheets as CSV, and DIR/<id>-mapping.yaml, the mapping with which \
      `maturity import --from kobo` reads what the form exports. Labels and hints are in every \
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
    let survey = form.surveyWithAuthority
    let settings = [
      ["form_title", "form_id", "version", "default_language"],
      [loaded.title.text(.english), loaded.id, loaded.version, "English (en)"],
    ]
    try AtomicFile.write(
      XLSXWriter.workbook([("survey", survey), ("choices", form.choices), ("settings", settings)]),
      to: "\(output)/\(loaded.id).xlsx")
    for (name, rows) in [("survey", survey), ("choices", form.choices)] {
      var writer = CSVWriter(guardsFormulas: false)
      for row in rows { writer.write(row) }
      try AtomicFile.write(writer.bytes, to: "\(output)/\(loaded.id)-\(name).csv")
    }
    try AtomicFile.write(Array(form.mapping(source: .kobo).utf8), to: "\(output)/\(loaded.id)-mapping.yaml")
    Diagnostics.warn(texts("export.written", ["folder": output, "id": loaded.id]))
  }
}
