extension Sequence {
  /// `map` with an asynchronous transform, one element after the other, in order.
  func asyncMap<T>(_ transform: (Element) async throws -> T) async rethrows -> [T] {
    var result: [T] = []
    result.reserveCapacity(underestimatedCount)
    for element in self { result.append(try await transform(element)) }
    return result
  }
}
