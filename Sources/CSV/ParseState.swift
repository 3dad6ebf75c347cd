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
struct ParseState {
  /// Field bytes, back to back.
  var bytes: [UInt8] = []
  /// Field `i` spans `bytes[fieldBounds[i] ..< fieldBounds[i + 1]]`.
  var fieldBounds: [Int] = [0]
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
    line = firstLine
    openRecordLine = firstLine
  }

  /// libcsv's field callback: appends the field and counts line breaks inside it (quoted fields).
  static let fieldCallback: @convention(c) (UnsafeMutableRawPointer?, Int, UnsafeMutableRawPointer?) -> Void = {
    field, length, context in
    let state = context.unsafelyUnwrapped.assumingMemoryBound(to: ParseState.self)
    if length > 0, let field {
      let bytes = UnsafeRawBufferPointer(start: field, count: length)
      state.pointee.bytes.append(contentsOf: bytes)
      state.pointee.countLineBreaks(in: bytes)
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
      records.append(RecordMark(firstField: openRecordFirstField, fieldCount: fieldCount, line: openRecordLine))
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
    if keptFrom == fieldBounds.count - 1 {
      bytes.removeAll(keepingCapacity: true)
      fieldBounds.removeAll(keepingCapacity: true)
      fieldBounds.append(0)
    } else {
      let byteOffset = fieldBounds[keptFrom]
      bytes.removeSubrange(0..<byteOffset)
      fieldBounds.removeSubrange(0..<keptFrom)
      for index in fieldBounds.indices { fieldBounds[index] -= byteOffset }
    }
    openRecordFirstField = 0
  }
}
