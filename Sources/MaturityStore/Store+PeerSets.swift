import Foundation

extension Store {
  /// The uploaded peer sets, newest first (without their content).
  public func peerSets() async throws -> [(id: Int64, name: String, uploadedAt: Date, bytes: Int)] {
    try await read { session in
      try session.query(
        "SELECT id, name, uploadedAt, length(content) AS bytes FROM peerSet ORDER BY id DESC", []
      )
      .map { row in
        (try row.int64("id"), try row.string("name"), try row.date("uploadedAt"), Int(try row.int64("bytes")))
      }
    }
  }

  /// The uploaded peer set numbered `id`.
  public func peerSet(_ id: Int64) async throws -> PeerSetRecord {
    try await read { session in
      guard
        let row = try session.queryOne(
          "SELECT id, name, content, uploadedAt FROM peerSet WHERE id = ?", [.integer(id)])
      else { throw StoreError.peerSetNotFound(id: id) }
      return PeerSetRecord(
        id: try row.int64("id"), name: try row.string("name"), content: try row.data("content"),
        uploadedAt: try row.date("uploadedAt"))
    }
  }

  /// Keeps an uploaded peer CSV; returns it with its number.
  public func addPeerSet(name: String, content: Data) async throws -> PeerSetRecord {
    try await write { session in
      let now = Date()
      let row = try session.queryOne(
        "INSERT INTO peerSet (name, content, uploadedAt) VALUES (?, ?, ?) RETURNING id",
        [.text(name), .blob(content), .date(now)])
      return PeerSetRecord(id: try row?.int64("id") ?? 0, name: name, content: content, uploadedAt: now)
    }
  }

  /// Deletes an uploaded peer set.
  public func deletePeerSet(_ id: Int64) async throws {
    try await write { session in try session.execute("DELETE FROM peerSet WHERE id = ?", [.integer(id)]) }
  }
}
