/// Converts Windows-1252 bytes to UTF-8.
///
/// Bytes 0x80–0x9F are the code page's own characters (`€`, `‚`, `œ`, curly quotes…), not the
/// C1 controls of Latin-1; the five bytes the code page leaves undefined map to the control of
/// the same value, as web browsers do.
enum Windows1252 {
  private static let high: [UInt16] = [
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
    0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
  ]

  /// The Unicode scalar value of one Windows-1252 byte.
  static func scalar(_ byte: UInt8) -> UInt32 {
    (0x80...0x9F).contains(byte) ? UInt32(high[Int(byte) - 0x80]) : UInt32(byte)
  }

  /// Appends the UTF-8 form of `bytes` to `output`, which is cleared first.
  static func transcode(_ bytes: UnsafeRawBufferPointer, into output: inout [UInt8]) {
    output.removeAll(keepingCapacity: true)
    output.reserveCapacity(bytes.count * 3)
    for byte in bytes {
      if byte < 0x80 {
        output.append(byte)
        continue
      }
      let value = scalar(byte)
      if value < 0x800 {
        output.append(UInt8(0xC0 | (value >> 6)))
        output.append(UInt8(0x80 | (value & 0x3F)))
      } else {
        output.append(UInt8(0xE0 | (value >> 12)))
        output.append(UInt8(0x80 | ((value >> 6) & 0x3F)))
        output.append(UInt8(0x80 | (value & 0x3F)))
      }
    }
  }
}
