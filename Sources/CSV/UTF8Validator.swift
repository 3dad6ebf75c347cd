/// Checks that bytes are well-formed UTF-8 (no overlong forms, surrogates or values past U+10FFFF),
/// across chunk boundaries.
struct UTF8Validator {
  /// Bytes still expected to complete the current sequence.
  private var pending = 0
  /// The allowed range of the next continuation byte (narrower right after some lead bytes).
  private var low: UInt8 = 0x80
  private var high: UInt8 = 0xBF

  /// True when no sequence is left open.
  var isComplete: Bool { pending == 0 }

  /// Feeds the next bytes; false as soon as they cannot be UTF-8.
  mutating func consume(_ bytes: UnsafeRawBufferPointer) -> Bool {
    var index = 0
    let count = bytes.count
    while index < count {
      if pending == 0 {
        // Fast path: eight ASCII bytes at a time.
        while index + 8 <= count,
          bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 == 0
        {
          index += 8
        }
        guard index < count else { break }
      }
      let byte = bytes[index]
      index += 1
      if pending > 0 {
        guard byte >= low && byte <= high else { return false }
        pending -= 1
        low = 0x80
        high = 0xBF
        continue
      }
      switch byte {
      case 0x00...0x7F: continue
      case 0xC2...0xDF: pending = 1
      case 0xE0: pending = 2; low = 0xA0
      case 0xE1...0xEC, 0xEE...0xEF: pending = 2
      case 0xED: pending = 2; high = 0x9F
      case 0xF0: pending = 3; low = 0x90
      case 0xF1...0xF3: pending = 3
      case 0xF4: pending = 3; high = 0x8F
      default: return false
      }
    }
    return true
  }

  /// Whether `bytes` on their own are complete, well-formed UTF-8.
  static func isValid(_ bytes: UnsafeRawBufferPointer) -> Bool {
    var validator = UTF8Validator()
    return validator.consume(bytes) && validator.isComplete
  }
}
