import Foundation

/// Keeps the ``PeerTable`` of each scores-shape peer file read, so that the next comparison
/// against an unchanged file loads its columns instead of parsing the CSV again.
///
/// A table is used only when everything it was made from is the same: the file (its path,
/// device, inode, size and modification time to the nanosecond), the questionnaire's id,
/// version and dimensions, and the delimiter and encoding given. A table keeps the problems of
/// the rows left out, so one serves with `--skip-invalid` and without. Anything else, and any
/// cache file that is damaged or of another format, or anything else in a table's place (a
/// FIFO, a device, a symbolic link: opened without waiting, never read), is a miss: the CSV is
/// read again and the table replaced. A cache that cannot be written is skipped without a word; the comparison
/// never depends on it. Tables hold no authority names; the files are readable by their owner
/// only.
struct PeerTableCache {
  /// What a table was made from.
  struct Key: Codable, Equatable {
    static let format = 2
    var format = Key.format
    var path: String
    var device: UInt64
    var inode: UInt64
    var size: Int64
    var modified: [Int64]
    var questionnaire: [String]
    var delimiter: String?
    var encoding: String?

    /// The key of `path` as it is now; nil when it cannot be examined.
    init?(_ path: String, questionnaire: Questionnaire, options: PeerReadOptions) {
      var info = stat()
      guard let real = realpath(path, nil) else { return nil }
      defer { free(real) }
      guard stat(real, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
      self.path = String(cString: real)
      device = UInt64(info.st_dev)
      inode = UInt64(info.st_ino)
      size = Int64(info.st_size)
      modified = [Int64(info.st_mtim.tv_sec), Int64(info.st_mtim.tv_nsec)]
      self.questionnaire = [questionnaire.id, questionnaire.version] + questionnaire.dimensions.map(\.id)
      delimiter = options.csv.delimiter.map { String($0.rawValue) }
      encoding = options.csv.encoding?.rawValue
    }
  }

  let directory: String

  /// The table of `path`: from the cache when it is current, else read (and kept when it is of
  /// the scores shape: an answers file's scores depend on the whole questionnaire).
  func table(_ path: String, questionnaire: Questionnaire, options: PeerReadOptions) throws -> PeerTable {
    guard let key = Key(path, questionnaire: questionnaire, options: options) else {
      return try PeerTable.read(path, questionnaire: questionnaire, options: options)
    }
    let file = location(of: key)
    if var table = try? PeerTableFile.load(file, key: key) {
      table.named(path)
      return table
    }
    let table = try PeerTable.read(path, questionnaire: questionnaire, options: options)
    if table.source.shape == .scores { try? save(table, key: key, to: file) }
    return table
  }

  /// Where the table of a file is kept: one file per path.
  private func location(of key: Key) -> URL {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in key.path.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
    return URL(fileURLWithPath: directory).appendingPathComponent(String(format: "%016llx.peertable", hash))
  }

  /// Writes to a temporary file, then renames it over the old table.
  private func save(_ table: PeerTable, key: Key, to file: URL) throws {
    try FileManager.default.createDirectory(
      atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
    let temporary = file.deletingLastPathComponent().appendingPathComponent(
      ".\(file.lastPathComponent).\(getpid()).tmp")
    guard
      FileManager.default.createFile(
        atPath: temporary.path, contents: nil, attributes: [.posixPermissions: 0o600])
    else {
      throw CocoaError(.fileWriteUnknown)
    }
    do {
      let handle = try FileHandle(forWritingTo: temporary)
      defer { try? handle.close() }
      try PeerTableFile.write(table, key: key, to: handle)
      guard rename(temporary.path, file.path) == 0 else { throw CocoaError(.fileWriteUnknown) }
    } catch {
      try? FileManager.default.removeItem(at: temporary)
      throw error
    }
  }
}

extension PeerTable {
  /// The table of `path`, through the cache in `options.cacheDirectory` when there is one.
  static func load(_ path: String, questionnaire: Questionnaire, options: PeerReadOptions) throws -> PeerTable
  {
    guard let directory = options.cacheDirectory else {
      return try read(path, questionnaire: questionnaire, options: options)
    }
    return try PeerTableCache(directory: directory).table(
      path, questionnaire: questionnaire, options: options)
  }

  /// Names the file as the user gave it this time, in its description and problems.
  mutating func named(_ path: String) {
    source.fileName = URL(fileURLWithPath: path).lastPathComponent
    for index in notes.indices { notes[index].location.file = path }
    for index in problems.indices { problems[index].location.file = path }
  }
}
