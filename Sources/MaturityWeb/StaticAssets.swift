import Foundation

/// The app's own style sheet and script, served from `/static/`.
enum StaticAssets {
  static let files: [String: (type: String, text: String)] = {
    let folder = Bundle.module.resourceURL!.appendingPathComponent("Pages")
    var files: [String: (type: String, text: String)] = [:]
    for (name, type) in [
      ("app.css", "text/css; charset=utf-8"), ("app.js", "text/javascript; charset=utf-8"),
    ] {
      if let text = try? String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8) {
        files[name] = (type, text)
      }
    }
    return files
  }()
}
