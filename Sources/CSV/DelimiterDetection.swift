/// Guesses the delimiter from the first lines of a file.
enum DelimiterDetection {
  /// The delimiter that splits the first lines most consistently: the candidate found on the
  /// first line whose count is the same on the most lines, ties going to the higher count and
  /// then to the order comma, semicolon, tab, pipe. Comma when none is found.
  static func detect(in head: UnsafeRawBufferPointer, maximumLines: Int = 20) -> CSVDelimiter {
    let candidates = CSVDelimiter.allCases
    var lines: [[Int]] = []
    var counts = [Int](repeating: 0, count: candidates.count)
    var inQuotes = false
    var lineHasContent = false
    for byte in head {
      if byte == 0x22 {
        inQuotes.toggle()
        lineHasContent = true
      } else if inQuotes {
        continue
      } else if byte == 0x0A || byte == 0x0D {
        if lineHasContent { lines.append(counts) }
        counts = [Int](repeating: 0, count: candidates.count)
        lineHasContent = false
        if lines.count == maximumLines { break }
      } else {
        lineHasContent = true
        if let index = candidates.firstIndex(where: { $0.rawValue == byte }) { counts[index] += 1 }
      }
    }
    if lineHasContent && lines.count < maximumLines && !inQuotes { lines.append(counts) }
    guard let first = lines.first else { return .comma }
    var best: (delimiter: CSVDelimiter, agreeing: Int, count: Int)? = nil
    for (index, delimiter) in candidates.enumerated() where first[index] > 0 {
      let agreeing = lines.filter { $0[index] == first[index] }.count
      if best == nil || agreeing > best!.agreeing
        || (agreeing == best!.agreeing && first[index] > best!.count)
      {
        best = (delimiter, agreeing, first[index])
      }
    }
    return best?.delimiter ?? .comma
  }
}
