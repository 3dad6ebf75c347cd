import CLibCSV

/// Where one parsed record lies in a ``ParseState``'s buffers.
struct RecordMark {
  /// Index of the record's first field in `fieldBounds`.
  var firstField: Int
  /// Number of fields.
  var fieldCount: Int
  /// Physical line where the record starts.
  var line: Int
}

/// What libcsv's callbacks build up while a chunk is parsed: the bytes of every field of the
/// records completed so far and of the record still open, and the physical line count.
///
/// It lives behind a raw pointer handed to libcsv, so the callbacks touch it without reference
/// counting; it holds no `String`, so fields cost nothing until a caller asks for them.
struct ParseState: ~Copyable {
  /// Field bytes, back to back.
  var bytes = GrowableBuffer<UInt8>(capacity: 1 << 16)
  /// Field `i` spans `bytes[fieldBounds[i] ..< fieldBounds[i + 1]]`.
  var fieldBounds = GrowableBuffer<Int>(capacity: 1 << 12)
  /// Records completed and not yet delivered.
  var records: [RecordMark] = []
  /// Index in `fieldBounds` of the open record's first field.
  var openRecordFirstField = 0
  /// The physical line the parser is on.
  var line: Int
  /// The physical line the open record started on.
  var openRecordLine: Int
  /// The last record ended with a CR, so an LF right after it completes a CRLF.
  var afterCarriageReturn = false

  init(firstLine: Int) {
    fieldBounds.append(0)
    line = firstLine
    openRecordLine = firstLine
  }

  /// libcsv's field callback: appends the field and counts line breaks inside it (quoted fields).
  static let fieldCallback: @convention(c) (UnsafeMutableRawPointer?, Int, UnsafeMutableRawPointer?) -> Void =
    {
      field, length, context in
      let state = context.unsafelyUnwrapped.assumingMemoryBound(to: ParseState.self)
      if length > 0, let field {
        let bytes = UnsafeRawBufferPointer(start: field, count: length)
        state.pointee.bytes.append(bytes)
        if LineBreaks.mayContain(bytes) { state.pointee.countLineBreaks(in: bytes) }
      }
      state.pointee.fieldBounds.append(state.pointee.bytes.count)
      state.pointee.afterCarriageReturn = false
    }

  /// libcsv's record callback, called with the terminating character (CR or LF), or -1 at the end.
  static let recordCallback: @convention(c) (Int32, UnsafeMutableRawPointer?) -> Void = {
    terminator, context in
    context.unsafelyUnwrapped.assumingMemoryBound(to: ParseState.self).pointee.endRecord(terminator)
  }

  private mutating func countLineBreaks(in bytes: UnsafeRawBufferPointer) {
    var index = 0
    while index < bytes.count {
      let byte = bytes[index]
      if byte == 0x0A {
        line += 1
      } else if byte == 0x0D {
        line += 1
        if index + 1 < bytes.count, bytes[index + 1] == 0x0A { index += 1 }
      }
      index += 1
    }
  }

  private mutating func endRecord(_ terminator: Int32) {
    let fieldCount = fieldBounds.count - 1 - openRecordFirstField
    if fieldCount == 0 {
      // No field: the LF of a CRLF, or a blank line, which holds no record.
      if terminator == 0x0A && afterCarriageReturn {
        afterCarriageReturn = false
        return
      }
    } else {
      records.append(
        RecordMark(firstField: openRecordFirstField, fieldCount: fieldCount, line: openRecordLine))
      openRecordFirstField = fieldBounds.count - 1
    }
    afterCarriageReturn = terminator == 0x0D
    if terminator >= 0 { line += 1 }
    openRecordLine = line
  }

  /// Drops the delivered records, keeping the fields of the open record.
  mutating func discardDeliveredRecords() {
    records.removeAll(keepingCapacity: true)
    let keptFrom = openRecordFirstField
    let byteOffset = fieldBounds[keptFrom]
    bytes.removeFirst(byteOffset)
    fieldBounds.removeFirst(keptFrom)
    for index in 0..<fieldBounds.count { fieldBounds[index] -= byteOffset }
    openRecordFirstField = 0
  }
}

/// A quick filter before counting line breaks: fields are short and almost never hold one.
enum LineBreaks {
  /// False when no byte of `bytes` can be CR or LF (checked eight bytes at a time).
  static func mayContain(_ bytes: UnsafeRawBufferPointer) -> Bool {
    var index = 0
    while index + 8 <= bytes.count {
      let word = bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self)
      // Sets a byte's high bit where that byte is below 0x0E (a classic SWAR test).
      if (word &- 0x0E0E_0E0E_0E0E_0E0E) & ~word & 0x8080_8080_8080_8080 != 0 { return true }
      index += 8
    }
    while index < bytes.count {
      if bytes[index] < 0x0E { return true }
      index += 1
    }
    return false
  }
}
