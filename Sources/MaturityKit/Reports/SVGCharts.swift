import Foundation

/// Charts drawn as inline SVG: no script, no external request. Every text is escaped; every chart
/// has a title and the page gives its numbers in a table beside it.
public enum SVGCharts {
  /// Escapes text for XML and HTML.
  public static func escape(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.count)
    for character in text {
      switch character {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&#39;"
      default: out.append(character)
      }
    }
    return out
  }

  static func number(_ value: Double) -> String { String(format: "%.1f", value) }

  static func open(_ id: String, title: String, width: Int, height: Int) -> String {
    "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(width) \(height)\" width=\"\(width)\" height=\"\(height)\" role=\"img\" aria-labelledby=\"\(id)-title\"><title id=\"\(id)-title\">\(escape(title))</title>"
  }

  /// Vertical grid lines and labels at 0, 25, 50, 75 and 100 of a horizontal 0–100 scale.
  static func scale(left: Double, width: Double, top: Double, bottom: Double) -> String {
    stride(from: 0.0, through: 100, by: 25).map { tick in
      let x = number(left + width * tick / 100)
      return
        "<line x1=\"\(x)\" y1=\"\(number(top))\" x2=\"\(x)\" y2=\"\(number(bottom))\" stroke=\"#e0e0e0\"/>"
        + "<text x=\"\(x)\" y=\"\(number(bottom + 14))\" text-anchor=\"middle\" font-size=\"12\" fill=\"#444\">\(Int(tick))</text>"
    }.joined()
  }

  /// A series of a radar chart: values per axis on 0–100 (nil: no point on that axis).
  public struct Series {
    public var name: String
    public var values: [Double?]
    public var stroke: String
    public var fill: String
    public var dashed: Bool

    public init(name: String, values: [Double?], stroke: String, fill: String, dashed: Bool = false) {
      self.name = name
      self.values = values
      self.stroke = stroke
      self.fill = fill
      self.dashed = dashed
    }
  }

  /// A radar chart of the dimensions, one polygon per series, with a legend.
  public static func radar(id: String, title: String, axes: [String], series: [Series]) -> String {
    let center = (x: 360.0, y: 200.0)
    let radius = 140.0
    let count = max(axes.count, 1)
    func point(_ axis: Int, _ value: Double) -> (Double, Double) {
      let angle = -Double.pi / 2 + 2 * Double.pi * Double(axis) / Double(count)
      return (center.x + radius * value / 100 * cos(angle), center.y + radius * value / 100 * sin(angle))
    }
    let legendTop = 400.0
    var svg = open(id, title: title, width: 720, height: Int(legendTop) + 20 * series.count + 10)
    for ring in [25.0, 50, 75, 100] {
      let points = (0..<count).map { point($0, ring) }.map { "\(number($0.0)),\(number($0.1))" }.joined(
        separator: " ")
      svg += "<polygon points=\"\(points)\" fill=\"none\" stroke=\"#c8c8c8\" stroke-width=\"1\"/>"
    }
    for (axis, label) in axes.enumerated() {
      let end = point(axis, 100)
      svg +=
        "<line x1=\"\(center.x)\" y1=\"\(center.y)\" x2=\"\(number(end.0))\" y2=\"\(number(end.1))\" stroke=\"#c8c8c8\"/>"
      let text = point(axis, 118)
      let anchor = abs(text.0 - center.x) < 10 ? "middle" : (text.0 < center.x ? "end" : "start")
      svg +=
        "<text x=\"\(number(text.0))\" y=\"\(number(text.1))\" text-anchor=\"\(anchor)\" font-size=\"12\" fill=\"#222\">\(escape(label))</text>"
    }
    for item in series {
      let points = item.values.enumerated().compactMap { axis, value in value.map { point(axis, $0) } }
      guard points.count >= 2 else { continue }
      let list = points.map { "\(number($0.0)),\(number($0.1))" }.joined(separator: " ")
      svg +=
        "<polygon points=\"\(list)\" fill=\"\(item.fill)\" stroke=\"\(item.stroke)\" stroke-width=\"2\"\(item.dashed ? " stroke-dasharray=\"5 4\"" : "")/>"
    }
    for (index, item) in series.enumerated() {
      let y = legendTop + 20 * Double(index)
      svg +=
        "<line x1=\"240\" y1=\"\(y)\" x2=\"264\" y2=\"\(y)\" stroke=\"\(item.stroke)\" stroke-width=\"3\"\(item.dashed ? " stroke-dasharray=\"5 4\"" : "")/>"
      svg += "<text x=\"272\" y=\"\(y + 4)\" font-size=\"12\" fill=\"#222\">\(escape(item.name))</text>"
    }
    return svg + "</svg>"
  }

  /// One bar of the bar chart: the score with the peers' P25–P75 band, median and P90.
  public struct Bar {
    public var label: String
    public var score: Double?
    public var p25, median, p75, p90: Double?

    public init(label: String, score: Double?, p25: Double?, median: Double?, p75: Double?, p90: Double?) {
      self.label = label
      self.score = score
      self.p25 = p25
      self.median = median
      self.p75 = p75
      self.p90 = p90
    }
  }

  /// The peers' P25–P75 band: a light fill (#dce8f5, on which the score's #1f4e79 is 7.0:1 and the
  /// median's #b34700 4.4:1) inside an edge of #4d7bb3, 4.4:1 against white.
  static let bandStyle = "fill=\"#dce8f5\" stroke=\"#4d7bb3\" stroke-width=\"2\""

  /// Horizontal bars on 0–100, one per dimension.
  public static func bars(
    id: String, title: String, bars: [Bar], legend: (score: String, band: String, median: String, p90: String)
  ) -> String {
    let left = 270.0
    let width = 400.0
    let rowHeight = 34.0
    let height = Int(Double(bars.count) * rowHeight + 70)
    func x(_ value: Double) -> Double { left + width * value / 100 }
    var svg = open(id, title: title, width: 700, height: height)
    svg += scale(left: left, width: width, top: 10, bottom: Double(bars.count) * rowHeight + 12)
    for (index, bar) in bars.enumerated() {
      let y = 14 + Double(index) * rowHeight
      svg +=
        "<text x=\"\(left - 8)\" y=\"\(number(y + 15))\" text-anchor=\"end\" font-size=\"12\" fill=\"#222\">\(escape(bar.label))</text>"
      svg += "<rect x=\"\(left)\" y=\"\(number(y + 4))\" width=\"\(width)\" height=\"14\" fill=\"#f1f1f1\"/>"
      if let p25 = bar.p25, let p75 = bar.p75 {
        svg +=
          "<rect x=\"\(number(x(p25)))\" y=\"\(number(y + 1))\" width=\"\(number(x(p75) - x(p25)))\" height=\"20\" \(bandStyle)/>"
      }
      if let score = bar.score {
        svg +=
          "<rect x=\"\(left)\" y=\"\(number(y + 7))\" width=\"\(number(x(score) - left))\" height=\"8\" fill=\"#1f4e79\"/>"
        svg +=
          "<circle cx=\"\(number(x(score)))\" cy=\"\(number(y + 11))\" r=\"6\" fill=\"#1f4e79\" stroke=\"#fff\" stroke-width=\"1.5\"/>"
      }
      if let median = bar.median {
        svg +=
          "<line x1=\"\(number(x(median)))\" y1=\"\(number(y - 2))\" x2=\"\(number(x(median)))\" y2=\"\(number(y + 24))\" stroke=\"#b34700\" stroke-width=\"2.5\"/>"
      }
      if let p90 = bar.p90 {
        svg +=
          "<line x1=\"\(number(x(p90)))\" y1=\"\(number(y))\" x2=\"\(number(x(p90)))\" y2=\"\(number(y + 22))\" stroke=\"#333\" stroke-width=\"1.5\" stroke-dasharray=\"3 2\"/>"
      }
    }
    // The legend names only what is drawn (no peers, no band, median or P90).
    let legendY = Double(bars.count) * rowHeight + 48
    var legendX = 20.0
    func advance(_ text: String) -> Double {
      defer { legendX += 34 + Double(text.count) * 6.8 }
      return legendX
    }
    func label(_ x: Double, _ text: String) -> String {
      "<text x=\"\(number(x))\" y=\"\(number(legendY))\" font-size=\"12\" fill=\"#222\">\(escape(text))</text>"
    }
    var x0 = advance(legend.score)
    svg +=
      "<circle cx=\"\(number(x0 + 6))\" cy=\"\(number(legendY - 4))\" r=\"5\" fill=\"#1f4e79\"/>"
      + label(x0 + 16, legend.score)
    if bars.contains(where: { $0.p25 != nil && $0.p75 != nil }) {
      x0 = advance(legend.band)
      svg +=
        "<rect x=\"\(number(x0 + 1))\" y=\"\(number(legendY - 10))\" width=\"18\" height=\"10\" \(bandStyle)/>"
        + label(x0 + 24, legend.band)
    }
    if bars.contains(where: { $0.median != nil }) {
      x0 = advance(legend.median)
      svg +=
        "<line x1=\"\(number(x0 + 6))\" y1=\"\(number(legendY - 11))\" x2=\"\(number(x0 + 6))\" y2=\"\(number(legendY + 1))\" stroke=\"#b34700\" stroke-width=\"2.5\"/>"
        + label(x0 + 14, legend.median)
    }
    if bars.contains(where: { $0.p90 != nil }) {
      x0 = advance(legend.p90)
      svg +=
        "<line x1=\"\(number(x0 + 6))\" y1=\"\(number(legendY - 11))\" x2=\"\(number(x0 + 6))\" y2=\"\(number(legendY + 1))\" stroke=\"#333\" stroke-dasharray=\"3 2\"/>"
        + label(x0 + 14, legend.p90)
    }
    return svg + "</svg>"
  }

  /// Arrows from the earlier to the later score per dimension.
  public static func change(
    id: String, title: String, rows: [(label: String, before: Double?, after: Double?)]
  ) -> String {
    let left = 270.0
    let width = 400.0
    let rowHeight = 28.0
    func x(_ value: Double) -> Double { left + width * value / 100 }
    var svg = open(id, title: title, width: 700, height: Int(Double(rows.count) * rowHeight + 40))
    svg += scale(left: left, width: width, top: 6, bottom: Double(rows.count) * rowHeight + 8)
    for (index, row) in rows.enumerated() {
      let y = 18 + Double(index) * rowHeight
      svg +=
        "<text x=\"\(left - 8)\" y=\"\(number(y + 4))\" text-anchor=\"end\" font-size=\"12\" fill=\"#222\">\(escape(row.label))</text>"
      if let before = row.before {
        svg +=
          "<circle cx=\"\(number(x(before)))\" cy=\"\(number(y))\" r=\"5\" fill=\"#fff\" stroke=\"#555\" stroke-width=\"2\"/>"
      }
      if let before = row.before, let after = row.after {
        let color = after >= before ? "#1b7a3a" : "#b3261e"
        svg +=
          "<line x1=\"\(number(x(before)))\" y1=\"\(number(y))\" x2=\"\(number(x(after)))\" y2=\"\(number(y))\" stroke=\"\(color)\" stroke-width=\"2.5\"/>"
      }
      if let after = row.after {
        svg += "<circle cx=\"\(number(x(after)))\" cy=\"\(number(y))\" r=\"6\" fill=\"#1f4e79\"/>"
      }
    }
    return svg + "</svg>"
  }
}
