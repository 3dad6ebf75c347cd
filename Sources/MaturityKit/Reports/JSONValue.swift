/// A JSON document built in code, keeping object keys in the order given, written with
/// two-space indentation. Renderers use it so that key order and `null`s are explicit.
public indirect enum JSONValue: Sendable, Equatable, ExpressibleByStringLiteral, ExpressibleByBooleanLiteral,
  ExpressibleByNilLiteral
{
  case null
  case bool(Bool)
  case number(Double)
  case string(String)
  case array([JSONValue])
  case object([(String, JSONValue)])

  public init(stringLiteral value: String) { self = .string(value) }
  public init(booleanLiteral value: Bool) { self = .bool(value) }
  public init(nilLiteral: ()) { self = .null }

  /// A number, or null.
  public static func number(_ value: Double?) -> JSONValue { value.map { .number($0) } ?? .null }
  public static func integer(_ value: Int) -> JSONValue { .number(Double(value)) }
  /// A string, or null.
  public static func string(_ value: String?) -> JSONValue { value.map { .string($0) } ?? .null }

  public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
    switch (lhs, rhs) {
    case (.null, .null): true
    case (.bool(let a), .bool(let b)): a == b
    case (.number(let a), .number(let b)): a == b
    case (.string(let a), .string(let b)): a == b
    case (.array(let a), .array(let b)): a == b
    case (.object(let a), .object(let b)): a.map(\.0) == b.map(\.0) && a.map(\.1) == b.map(\.1)
    default: false
    }
  }

  /// The JSON text, indented, with a final newline.
  public var text: String {
    var output = ""
    write(to: &output, indent: 0)
    return output + "\n"
  }

  /// The JSON text on one line, without a final newline (a line of a log).
  public var line: String {
    var output = ""
    write(to: &output, indent: nil)
    return output
  }

  /// Writes the value, indented by `indent` levels, or on one line when `indent` is nil.
  private func write(to output: inout String, indent: Int?) {
    switch self {
    case .null: output += "null"
    case .bool(let value): output += value ? "true" : "false"
    case .number(let value): output += Self.format(value)
    case .string(let value): Self.quote(value, into: &output)
    case .array(let items):
      Self.writeList(items, open: "[", close: "]", to: &output, indent: indent) { item, output, indent in
        item.write(to: &output, indent: indent)
      }
    case .object(let pairs):
      Self.writeList(pairs, open: "{", close: "}", to: &output, indent: indent) { pair, output, indent in
        Self.quote(pair.0, into: &output)
        output += indent == nil ? ":" : ": "
        pair.1.write(to: &output, indent: indent)
      }
    }
  }

  private static func writeList<Item>(
    _ items: [Item], open: String, close: String, to output: inout String, indent: Int?,
    item writeItem: (Item, inout String, Int?) -> Void
  ) {
    guard !items.isEmpty else {
      output += open + close
      return
    }
    guard let indent else {
      output += open
      for (index, item) in items.enumerated() {
        if index > 0 { output += "," }
        writeItem(item, &output, nil)
      }
      output += close
      return
    }
    output += open + "\n"
    for (index, item) in items.enumerated() {
      output += String(repeating: "  ", count: indent + 1)
      writeItem(item, &output, indent + 1)
      output += index < items.count - 1 ? ",\n" : "\n"
    }
    output += String(repeating: "  ", count: indent) + close
  }

  /// Whole numbers without a fraction; others with the shortest form that reads back exactly.
  static func format(_ value: Double) -> String {
    guard value.isFinite else { return "null" }
    if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
    return "\(value)"
  }

  static func quote(_ text: String, into output: inout String) {
    output += "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": output += "\\\""
      case "\\": output += "\\\\"
      case "\n": output += "\\n"
      case "\r": output += "\\r"
      case "\t": output += "\\t"
      case _ where scalar.value < 0x20 || scalar.value == 0x2028 || scalar.value == 0x2029:
        let hex = String(scalar.value, radix: 16)
        output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      default: output.unicodeScalars.append(scalar)
      }
    }
    output += "\""
  }
}
