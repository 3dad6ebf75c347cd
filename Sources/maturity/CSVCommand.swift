import ArgumentParser
import CSV
import InterfaceText
import MaturityKit

/// `maturity csv`: shows how the tool reads a CSV file.
struct CSVCommand: ParsableCommand, LocalizedCommand {
  static let configuration = CommandConfiguration(
    commandName: "csv",
    abstract: "Show how a CSV file is read: one JSON array of strings per record.",
    discussion: """
      Prints every record, header included, as one JSON array per line (JSON Lines), with each \
      field exactly as written. Use it to check how the tool reads an export from a spreadsheet \
      or a survey tool: the delimiter, the encoding and quoted line breaks.

      The delimiter (comma, semicolon, tab or pipe) is detected from the first lines, and a file \
      that is not valid UTF-8 is read as Windows-1252 with a warning, unless told otherwise.

      Example:
        maturity csv Examples/peers/sample.csv
        maturity csv export.csv --delimiter ';' --encoding windows-1252
      """
  )

  @Argument(help: "The CSV file to read.")
  var file: String

  @Option(help: "Field delimiter: ',' ';' tab '|' (or comma, semicolon, tab, pipe). Detected when absent.")
  var delimiter: String?

  @OptionGroup var encoding: EncodingOption

  @Option(name: .shortAndLong, help: "Write to this file (atomically) instead of standard output.")
  var output: String?

  @OptionGroup var language: LanguageOption

  var texts: TextCatalogue { language.texts }

  func validate() throws {
    if let delimiter, CSVDelimiter(argument: delimiter) == nil {
      throw ValidationError("Unknown delimiter '\(delimiter)'. Use ',', ';', tab or '|'.")
    }
  }

  func run() throws {
    let options = CSVReadOptions(
      delimiter: delimiter.flatMap(CSVDelimiter.init(argument:)),
      encoding: encoding.value)
    let reader = try CSVReader(path: file, options: options)
    for warning in reader.warnings { Diagnostics.warn(warning.message(texts)) }
    let sink = try OutputSink(path: output)
    try reader.forEach { record in
      try sink.append { buffer in JSONLines.appendArray(record, to: &buffer) }
    }
    try sink.finish()
  }
}
