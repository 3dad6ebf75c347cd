import CSV
import Foundation
import InterfaceText
import Parallel

/// The key of every peer row read — authority id, year and line — held as bytes side by side,
/// without a `String` per row: all that duplicate and newest-year detection need.
///
/// Ids are compared as Swift compares strings: an id that is not ASCII is kept in its
/// canonical composed form (NFC), so two spellings of one id are one authority.
struct PeerRowKeys: Sendable {
  private(set) var idBytes: [UInt8] = []
  /// Row `i`'s id is `idBytes[idEnds[i - 1] ..< idEnds[i]]` (from 0 for the first).
  private(set) var idEnds: [Int] = []
  private(set) var years: [Int32] = []
  private(set) var lines: [Int] = []
  /// Each row's id hashed (FNV-1a), computed as rows are added (on the reading threads).
  private(set) var hashes: [UInt64] = []

  var count: Int { years.count }

  init() {}

  /// Keys stored before (by ``PeerTableFile``); nil unless the arrays fit together.
  init?(idBytes: [UInt8], idEnds: [Int], years: [Int32], lines: [Int], hashes: [UInt64]) {
    guard idEnds.count == years.count, lines.count == years.count, hashes.count == years.count,
      zip([0] + idEnds, idEnds).allSatisfy({ $0 <= $1 }), (idEnds.last ?? 0) == idBytes.count
    else { return nil }
    self.idBytes = idBytes
    self.idEnds = idEnds
    self.years = years
    self.lines = lines
    self.hashes = hashes
  }

  /// Adds a row.
  mutating func append(id: UnsafeBufferPointer<UInt8>, year: Int, line: Int) {
    let start = idBytes.count
    if id.allSatisfy({ $0 < 0x80 }) {
      idBytes.append(contentsOf: id)
    } else {
      idBytes.append(
        contentsOf: String(decoding: id, as: UTF8.self).precomposedStringWithCanonicalMapping.utf8)
    }
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for index in start..<idBytes.count { hash = (hash ^ UInt64(idBytes[index])) &* 0x100_0000_01b3 }
    hashes.append(hash)
    idEnds.append(idBytes.count)
    years.append(Int32(year))
    lines.append(line)
  }

  /// Adds a row with an id given as text.
  mutating func append(id: String, year: Int, line: Int) {
    var id = id
    id.withUTF8 { append(id: $0, year: year, line: line) }
  }

  /// Adds the rows of `other` after these.
  mutating func append(contentsOf other: PeerRowKeys) {
    if count == 0 {
      self = other
      return
    }
    let offset = idBytes.count
    idBytes += other.idBytes
    idEnds += other.idEnds.map { $0 + offset }
    years += other.years
    lines += other.lines
    hashes += other.hashes
  }

  /// The rows of `parts`, one after the other, in storage made to measure.
  init(concatenating parts: [PeerRowKeys]) {
    idBytes.reserveCapacity(parts.reduce(0) { $0 + $1.idBytes.count })
    let rows = parts.reduce(0) { $0 + $1.count }
    idEnds.reserveCapacity(rows)
    years.reserveCapacity(rows)
    lines.reserveCapacity(rows)
    hashes.reserveCapacity(rows)
    for part in parts { append(contentsOf: part) }
  }

  /// The id of `row`, as text (for messages).
  func id(_ row: Int) -> String {
    idBytes.withUnsafeBufferPointer {
      String(decoding: UnsafeBufferPointer(rebasing: $0[span(row)]), as: UTF8.self)
    }
  }

  /// Whether the id of `row` is `id` (in its composed form, as ids are kept).
  func hasID(_ row: Int, _ id: UnsafeBufferPointer<UInt8>) -> Bool {
    let span = span(row)
    return span.count == id.count
      && idBytes.withUnsafeBufferPointer { bytes in
        id.isEmpty || memcmp(bytes.baseAddress! + span.lowerBound, id.baseAddress!, id.count) == 0
      }
  }

  /// Where the id of `row` lies in `idBytes`.
  private func span(_ row: Int) -> Range<Int> { (row == 0 ? 0 : idEnds[row - 1])..<idEnds[row] }

  /// What one pass over the keys finds.
  struct Index {
    /// Rows that repeat an earlier row's authority and year, in order, with that earlier row.
    var duplicates: [(row: Int, first: Int)] = []
    /// Each authority's newest row (duplicates never), in row order.
    var newest: [Int] = []
    /// Whether some authority has rows of several years.
    var severalYears = false
  }

  /// Finds repeated (authority, year) pairs and each authority's newest row, leaving out the rows
  /// of `excluded`. The ids are split in two by hash, each half indexed on its own thread in one
  /// pass over an open-addressing table of each id's newest row; an id's other years, rare, are
  /// listed beside it.
  func index(excluding excluded: Set<Int> = []) -> Index {
    let halves = ParallelWork.map([UInt64(0), 1]) { _, half in self.index(half: half, excluding: excluded) }
    var index = Index()
    index.duplicates = (halves[0].duplicates + halves[1].duplicates).sorted { $0.row < $1.row }
    var isNewest = [Bool](repeating: false, count: count)
    for half in halves { for row in half.newest { isNewest[row] = true } }
    index.newest = isNewest.indices.filter { isNewest[$0] }
    index.severalYears = halves.contains { $0.severalYears }
    return index
  }

  /// The index of the rows whose id hash has `half` as its top bit (newest rows in no order).
  private func index(half: UInt64, excluding excluded: Set<Int>) -> Index {
    var index = Index()
    var capacity = 16
    while capacity < count { capacity <<= 1 }
    let mask = capacity - 1
    var byID = [Int32](repeating: -1, count: capacity)
    // The rows of the other years of the id in a slot of `byID`.
    var otherYears: [Int: [Int]] = [:]
    idBytes.withUnsafeBufferPointer { bytes in
      func sameID(_ a: Int, _ b: Int) -> Bool {
        let first = span(a)
        let second = span(b)
        return first.count == second.count
          && (first.isEmpty
            || memcmp(
              bytes.baseAddress! + first.lowerBound, bytes.baseAddress! + second.lowerBound, first.count) == 0)
      }
      for row in 0..<count where hashes[row] >> 63 == half && (excluded.isEmpty || !excluded.contains(row)) {
        let year = years[row]
        var slot = Int(truncatingIfNeeded: (hashes[row] &* 0x9E37_79B9_7F4A_7C15) >> 20) & mask
        while byID[slot] >= 0, !sameID(Int(byID[slot]), row) { slot = (slot + 1) & mask }
        guard byID[slot] >= 0 else {
          byID[slot] = Int32(row)
          continue
        }
        // Another row of a known id: a duplicate of the row of the same year, else another year.
        let newest = Int(byID[slot])
        if let first = years[newest] == year ? newest : otherYears[slot]?.first(where: { years[$0] == year })
        {
          index.duplicates.append((row, first))
          continue
        }
        index.severalYears = true
        if year > years[newest] {
          otherYears[slot, default: []].append(newest)
          byID[slot] = Int32(row)
        } else {
          otherYears[slot, default: []].append(row)
        }
      }
    }
    index.newest = byID.filter { $0 >= 0 }.map(Int.init)
    return index
  }

  /// The index of the rows of several files read one after the other (leaving out `excluded`);
  /// refuses an authority-year found in more than one file, naming the first in sorted order
  /// and how many there are.
  func indexAcrossFiles(_ paths: [String], excluding excluded: Set<Int> = []) throws(Problems) -> Index {
    let found = index(excluding: excluded)
    let repeated = Set(found.duplicates.map { "\(id($0.row))\u{0}\(years[$0.row])" }).sorted()
    guard let first = repeated.first else { return found }
    let parts = first.split(separator: "\u{0}")
    throw Problems([
      Problem(
        .error, SourceLocation(file: paths.joined(separator: ", ")), "peers.duplicateAcrossFiles",
        ["authority": String(parts[0]), "year": String(parts.last ?? ""), "count": "\(repeated.count)"])
    ])
  }
}
