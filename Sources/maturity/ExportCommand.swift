import ArgumentParser
import CSV
import InterfaceText
import MaturityKit

/// `maturity export`: the questionnaire for other tools.
struct ExportCommand: ParsableCommand, LocalizedCommand {
  enum Target: String, ExpressibleByArgument, CaseIterable { case xlsform, limesurvey }

  static let configuration = CommandConfiguration(
    commandName: "export",
    abstract:
      "Export a questionnaire for other tools: an XLSForm for KoboToolbox and ODK, a survey structure for LimeSurvey.",
    discussion: """
      Writes DIR/<id>.xlsx (the XLSForm workbook to upload to KoboToolbox or ODK Central), the \
      same form as DIR/<id>.csv (the one-file CSV layout that pyxform reads), DIR/<id>-mapping.yaml, the mapping with which \
      `maturity import --from kobo` reads what KoboToolbox exports, and DIR/<id>-mapping-odk.yaml, \
      the one for `maturity import --from odk` and ODK Central's CSV export. Labels and hints are in every \
      language of the questionnaire; skip logic is translated to XLSForm's `relevant`.

      With --to limesurvey: DIR/<id>-limesurvey.txt, the survey structure to import in LimeSurvey \
      (Create survey → Import), with question and answer codes derived from the ids, and \
      DIR/<id>-mapping-limesurvey.yaml, the mapping for its response export with question codes \
      (`maturity import --from limesurvey --suggest-mapping` also reads its full question texts).

      Example:
        maturity export ai-data-readiness --to xlsform --output Forms/
        maturity export ai-data-readiness --to limesurvey --output Forms/
      """
  )

  @Argument(help: "The questionnaire: a path, or an id found in the questionnaire folders (maturity --help).")
  var questionnaire: String

  @Option(help: "The format: xlsform or limesurvey.")
  var to: Target = .xlsform

  @Option(name: .shortAndLong, help: "The folder to write to.")
  var output: String

  @OptionGroup var language: LanguageOption

  var texts: TextCatalogue { language.texts }

  func run() throws {
    let loaded = try QuestionnaireLocator().load(questionnaire).questionnaire
    if to == .limesurvey {
      let structure = LimeSurveyStructure(loaded)
      try AtomicFile.write(Array(structure.text.utf8), to: "\(output)/\(loaded.id)-limesurvey.txt")
      try AtomicFile.write(
        Array(structure.mapping.utf8), to: "\(output)/\(loaded.id)-mapping-limesurvey.yaml")
      return Diagnostics.warn(texts("export.writtenLimeSurvey", ["folder": output, "id": loaded.id]))
    }
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
