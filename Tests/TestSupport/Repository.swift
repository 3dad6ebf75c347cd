import Foundation

/// The repository the tests run in, found from this file's place in it.
public enum Repository {
  /// The repository's root folder, where the README's commands run.
  public static let root = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  /// The URL of `relative`, a path from the repository's root.
  public static func url(_ relative: String) -> URL { root.appendingPathComponent(relative) }

  /// The path of `relative`, a path from the repository's root.
  public static func path(_ relative: String) -> String { url(relative).path }
}
