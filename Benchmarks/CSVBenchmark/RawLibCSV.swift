import CLibCSV

#if canImport(Glibc)
  import Glibc
#endif

/// libcsv alone, with callbacks that only count: the ceiling for any reader built on it.
enum RawLibCSV {
  struct Counts {
    var fields = 0
    var records = 0
  }

  static func count(path: String) -> Counts {
    var parser = csv_parser()
    csv_init(&parser, UInt8(CSV_REPALL_NL))
    defer { csv_free(&parser) }
    csv_set_space_func(&parser) { _ in 0 }
    var counts = Counts()
    let fd = open(path, O_RDONLY)
    defer { close(fd) }
    let buffer = UnsafeMutableRawPointer.allocate(byteCount: 1 << 18, alignment: 8)
    defer { buffer.deallocate() }
    let onField: @convention(c) (UnsafeMutableRawPointer?, Int, UnsafeMutableRawPointer?) -> Void = {
      _, _, context in
      context!.assumingMemoryBound(to: Counts.self).pointee.fields += 1
    }
    let onRecord: @convention(c) (Int32, UnsafeMutableRawPointer?) -> Void = { _, context in
      context!.assumingMemoryBound(to: Counts.self).pointee.records += 1
    }
    withUnsafeMutablePointer(to: &counts) { context in
      while true {
        let read = Glibc.read(fd, buffer, 1 << 18)
        if read <= 0 { break }
        csv_parse(&parser, buffer, read, onField, onRecord, context)
      }
      csv_fini(&parser, onField, onRecord, context)
    }
    return counts
  }
}
