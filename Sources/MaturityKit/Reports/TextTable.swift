/// A table for a terminal: the first column left-aligned, the others right-aligned, two spaces
/// between columns.
enum TextTable {
  /// The header line, then one line per row, without line ends.
  static func lines(_ header: [String], _ rows: [[String]]) -> [String] {
    let widths = header.indices.map { column in ([header] + rows).map { $0[column].count }.max() ?? 0 }
    return ([header] + rows).map { cells in
      cells.enumerated().map { index, cell in
        index == 0
          ? cell.padding(toLength: widths[0], withPad: " ", startingAt: 0) : cell.leftPadded(widths[index])
      }
      .joined(separator: "  ")
    }
  }
}
