import CSV

/// JSON Lines of CSV records: one JSON array of strings per record.
public enum JSONLines {
  /// Appends `record` as a JSON array of its fields, exactly as written, and a newline.
  public static func appendArray(_ record: CSVRecord, to output: inout [UInt8]) {
    output.append(0x5B)
    for index in 0..<record.count {
      if index > 0 { output.append(0x2C) }
      JSONText.appendString(record.bytes(index)!, to: &output)
    }
    output.append(contentsOf: [0x5D, 0x0A])
  }
}
