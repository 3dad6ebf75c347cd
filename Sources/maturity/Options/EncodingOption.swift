import ArgumentParser
import CSV

/// `--encoding`: the encoding of the CSV files a command reads (responses, peer files, exports).
struct EncodingOption: ParsableArguments {
  @Option(
    help: """
      Encoding of CSV files: utf8, windows-1252 or utf-16. Detected when absent: UTF-16 by its \
      byte-order mark, else UTF-8, else Windows-1252 (with a warning).
      """)
  var encoding: String?

  func validate() throws {
    if let encoding, CSVEncoding(argument: encoding) == nil {
      throw ValidationError("Unknown encoding '\(encoding)'. Use utf8, windows-1252 or utf-16.")
    }
  }

  /// The encoding given, nil to detect it.
  var value: CSVEncoding? { encoding.flatMap(CSVEncoding.init(argument:)) }

  /// How to read a CSV file with this encoding (other settings detected).
  var readOptions: CSVReadOptions { CSVReadOptions(encoding: value) }
}
