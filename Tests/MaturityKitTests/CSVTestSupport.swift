import CSV
import Foundation

/// Reads and writes whole CSV files in tests, as a spreadsheet would.
enum CSVTestSupport {
  static func rows(_ path: String) throws -> [[String]] {
    var rows: [[String]] = []
    try CSVReader(path: path).forEach { record in rows.append((0..<record.count).map { record.value($0)! }) }
    return rows
  }

  static func write(_ rows: [[String]], to path: String, delimiter: CSVDelimiter = .comma) throws {
    var writer = CSVWriter(delimiter: delimiter)
    for row in rows { writer.write(row) }
    try Data(writer.bytes).write(to: URL(fileURLWithPath: path))
  }
}
