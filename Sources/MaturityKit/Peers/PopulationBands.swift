import Foundation

/// Population bands: each band is `[lower, next lower)`; labels such as `<5k`, `5k–20k`, `>1M`.
public struct PopulationBands: Sendable, Equatable {
  /// Lower bounds of the bands after the first, rising.
  public let bounds: [Double]

  public init(bounds: [Double]) { self.bounds = bounds }

  /// The band index of a population (0 is below the first bound).
  public func index(of population: Int) -> Int {
    let value = Double(population)
    var index = 0
    while index < bounds.count, value >= bounds[index] { index += 1 }
    return index
  }

  /// All labels, smallest band first.
  public var labels: [String] { (0...bounds.count).map(label) }

  /// `<5k`, `5k–20k`, …, `>1M`.
  public func label(_ index: Int) -> String {
    if bounds.isEmpty { return "all" }
    if index == 0 { return "<" + Self.short(bounds[0]) }
    if index >= bounds.count { return ">" + Self.short(bounds[bounds.count - 1]) }
    return Self.short(bounds[index - 1]) + "–" + Self.short(bounds[index])
  }

  /// The band a label names (`5k-20k` with a hyphen is accepted too), or nil.
  public func index(ofLabel label: String) -> Int? {
    let normalised = label.replacingOccurrences(of: "-", with: "–").lowercased()
    return labels.firstIndex { $0.lowercased() == normalised }
  }

  static func short(_ value: Double) -> String {
    if value >= 1_000_000, value.truncatingRemainder(dividingBy: 1_000_000) == 0 {
      return "\(Int(value / 1_000_000))M"
    }
    if value >= 1000, value.truncatingRemainder(dividingBy: 1000) == 0 { return "\(Int(value / 1000))k" }
    return value.formatted
  }
}
