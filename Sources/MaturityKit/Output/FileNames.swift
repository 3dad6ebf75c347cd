/// File names made from what users typed (authority ids, uploaded names).
public enum FileNames {
  /// `text` with every character but letters, digits, `-`, `_` and `.` replaced by `_`; with
  /// `ascii`, letters and digits beyond ASCII too (for names sent in HTTP headers).
  public static func safe(_ text: String, ascii: Bool = false) -> String {
    String(
      text.map { ($0.isASCII || !ascii) && ($0.isLetter || $0.isNumber || "-_.".contains($0)) ? $0 : "_" })
  }
}
