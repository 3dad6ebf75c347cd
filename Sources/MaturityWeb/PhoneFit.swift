import MaturityKit

/// The report's HTML made to fit a phone's width: each table and chart in a box of its own that
/// scrolls sideways (the page itself never does), the box focusable so that a keyboard can
/// scroll it too, and named for screen readers.
enum PhoneFit {
  static func scrolling(_ html: String, label: String) -> String {
    let box = "<div class=\"scroll\" role=\"group\" tabindex=\"0\" aria-label=\"\(SVGCharts.escape(label))\">"
    return
      html
      .replacingOccurrences(of: "<table>", with: box + "<table>")
      .replacingOccurrences(of: "</table>", with: "</table></div>")
      .replacingOccurrences(
        of: "<div class=\"chart\">",
        with:
          "<div class=\"chart scroll\" role=\"group\" tabindex=\"0\" aria-label=\"\(SVGCharts.escape(label))\">"
      )
  }
}
