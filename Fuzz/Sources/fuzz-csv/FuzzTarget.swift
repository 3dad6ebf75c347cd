import CSV
import FuzzSupport

/// The CSV reader on any bytes, through every dialect and encoding path: the first byte chooses
/// the delimiter (found or given), the encoding (found or given), uniform width, and whether the
/// file is read whole or in parallel segments.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let (selector, rest) = FuzzInput.split(data, size)
  let delimiters: [CSVDelimiter?] = [nil] + CSVDelimiter.allCases
  let encodings: [CSVEncoding?] = [nil] + CSVEncoding.allCases
  let options = CSVReadOptions(
    delimiter: delimiters[Int(selector & 7) % delimiters.count],
    encoding: encodings[Int(selector >> 3 & 3) % encodings.count], requiresUniformWidth: selector & 0x20 != 0)
  if selector & 0x40 == 0 {
    _ = try? CSVReader(.bytes(rest, name: "fuzz.csv"), options: options).readAll()
  } else {
    // Segments are cut from a file, as `compare --threads` does.
    let path = FuzzInput.file(rest, name: "fuzz.csv")
    if let reader = try? CSVReader(path: path, options: options),
      let segments = try? reader.segments(selector & 0x80 == 0 ? 2 : 3)
    {
      for segment in segments { _ = try? segment.readAll() }
    }
  }
  return 0
}

/// The program's entry point (see `FuzzDriver`).
@_cdecl("fuzz_csv_main")
func entry(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
  FuzzDriver.run(argc, argv, fuzz)
}
