/// Suggests the known name closest to a misspelt one ("did you mean …?").
enum NearestName {
  /// The candidate within an edit distance of a third of the name's length (at least 2), if any.
  static func suggestion(for name: String, among candidates: some Sequence<String>) -> String? {
    let lowered = Array(name.lowercased())
    let limit = max(2, lowered.count / 3)
    var best: (name: String, distance: Int)?
    for candidate in candidates {
      let other = Array(candidate.lowercased())
      // The distance is at least the difference in length: a far longer name is not compared.
      guard abs(other.count - lowered.count) <= limit else { continue }
      let distance = editDistance(lowered, other)
      if distance < (best?.distance ?? Int.max) { best = (candidate, distance) }
    }
    guard let best, best.distance <= limit else { return nil }
    return best.name
  }

  static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
      current[0] = i
      for j in 1...b.count {
        current[j] = min(
          previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
      }
      swap(&previous, &current)
    }
    return previous[b.count]
  }
}
