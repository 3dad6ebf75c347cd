#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Numbers as spreadsheets write them: `12`, `-3.5`, `3,5` (decimal comma), `1e3`, with spaces
/// around them allowed. No thousands separators, no `inf` or `nan`, no hexadecimal.
public enum CSVNumber {
  /// The value of `text`, or nil when it is not a finite number in the form above.
  public static func parse(_ text: String) -> Double? {
    var text = text
    return text.withUTF8 { parse(UnsafeRawBufferPointer($0)) }
  }

  /// Whether `text` is a number in the form above.
  public static func isNumber(_ text: some StringProtocol) -> Bool {
    var text = String(text)
    return text.withUTF8 { isNumber(UnsafeRawBufferPointer($0)) }
  }

  static func isNumber(_ bytes: UnsafeRawBufferPointer) -> Bool { span(of: bytes) != nil }

  /// The value of `bytes`, without building a `String`.
  public static func parse(_ bytes: UnsafeRawBufferPointer) -> Double? {
    if let value = exactDecimal(bytes) { return value }
    guard let range = span(of: bytes) else { return nil }
    let length = range.count
    return withUnsafeTemporaryAllocation(of: CChar.self, capacity: length + 1) { buffer in
      for offset in 0..<length {
        let byte = bytes[range.lowerBound + offset]
        buffer[offset] = CChar(bitPattern: byte == 0x2C ? 0x2E : byte)
      }
      buffer[length] = 0
      let value = strtod(buffer.baseAddress!, nil)
      return value.isFinite ? value : nil
    }
  }

  /// Exact powers of ten, 10⁰ … 10¹⁵.
  private static let powersOfTen: [Double] = [
    1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
  ]

  /// The value of a number of at most 15 digits without exponent, the usual case, in one pass
  /// and without `strtod`: the digits as an integer and the power of ten are both exact
  /// doubles, so one division rounds correctly, giving exactly what `strtod` gives (Clinger's
  /// fast path). Nil for anything else, numbers or not.
  private static func exactDecimal(_ bytes: UnsafeRawBufferPointer) -> Double? {
    var start = 0
    var end = bytes.count
    while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
    while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
    guard start < end else { return nil }
    let negative = bytes[start] == 0x2D
    if negative || bytes[start] == 0x2B { start += 1 }
    var digits: UInt64 = 0
    var count = 0
    var decimals = 0
    var separators = 0
    for index in start..<end {
      let byte = bytes[index]
      if byte >= 0x30 && byte <= 0x39 {
        digits = digits &* 10 &+ UInt64(byte &- 0x30)
        count += 1
        decimals += separators
      } else if byte == 0x2E || byte == 0x2C {
        separators += 1
      } else {
        return nil
      }
    }
    guard count > 0, count <= 15, separators <= 1 else { return nil }
    let value = Double(digits) / powersOfTen[decimals]
    return negative ? -value : value
  }

  /// The range of the number inside surrounding spaces, when the bytes have the number form.
  private static func span(of bytes: UnsafeRawBufferPointer) -> Range<Int>? {
    var start = 0
    var end = bytes.count
    while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
    while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
    var index = start
    if index < end, bytes[index] == 0x2B || bytes[index] == 0x2D { index += 1 }
    var digits = 0
    var separators = 0
    while index < end {
      let byte = bytes[index]
      if byte >= 0x30 && byte <= 0x39 {
        digits += 1
      } else if byte == 0x2E || byte == 0x2C {
        separators += 1
        if separators > 1 { return nil }
      } else {
        break
      }
      index += 1
    }
    guard digits > 0 else { return nil }
    if index < end, bytes[index] == 0x65 || bytes[index] == 0x45 {
      index += 1
      if index < end, bytes[index] == 0x2B || bytes[index] == 0x2D { index += 1 }
      var exponentDigits = 0
      while index < end, bytes[index] >= 0x30 && bytes[index] <= 0x39 {
        exponentDigits += 1
        index += 1
      }
      guard exponentDigits > 0 else { return nil }
    }
    return index == end ? start..<end : nil
  }
}
