import Foundation

/// The app's own style sheet and script (`Pages/`, built into the binary), served from `/static/`.
enum StaticAssets {
  static let files: [String: (type: String, text: String)] = {
    var files: [String: (type: String, text: String)] = [:]
    for (name, type) in [
      ("app.css", "text/css; charset=utf-8"), ("app.js", "text/javascript; charset=utf-8"),
    ] {
      if let text = EmbeddedFiles.texts["Pages/\(name)"] {
        files[name] = (type, text)
      }
    }
    return files
  }()
}
