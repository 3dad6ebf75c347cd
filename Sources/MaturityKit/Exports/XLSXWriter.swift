import Foundation

/// Writes a minimal `.xlsx` workbook (Office Open XML spreadsheet) of text sheets, as a ZIP
/// archive with stored (uncompressed) entries: enough for KoboToolbox and ODK to read a form.
public enum XLSXWriter {
  public static func workbook(_ sheets: [(name: String, rows: [[String]])]) -> [UInt8] {
    var files: [(String, [UInt8])] = []
    let overrides = sheets.indices.map {
      "<Override PartName=\"/xl/worksheets/sheet\($0 + 1).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
    }.joined()
    files.append(
      (
        "[Content_Types].xml",
        Array(
          """
          <?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\(overrides)</Types>
          """.utf8)
      ))
    files.append(
      (
        "_rels/.rels",
        Array(
          """
          <?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>
          """.utf8)
      ))
    let sheetList = sheets.enumerated().map { index, sheet in
      "<sheet name=\"\(escape(sheet.name))\" sheetId=\"\(index + 1)\" r:id=\"rId\(index + 1)\"/>"
    }.joined()
    files.append(
      (
        "xl/workbook.xml",
        Array(
          """
          <?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>\(sheetList)</sheets></workbook>
          """.utf8)
      ))
    let relations = sheets.indices.map {
      "<Relationship Id=\"rId\($0 + 1)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet\($0 + 1).xml\"/>"
    }.joined()
    files.append(
      (
        "xl/_rels/workbook.xml.rels",
        Array(
          """
          <?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\(relations)</Relationships>
          """.utf8)
      ))
    for (index, sheet) in sheets.enumerated() {
      var xml =
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
      for (rowIndex, row) in sheet.rows.enumerated() {
        xml += "<row r=\"\(rowIndex + 1)\">"
        for (columnIndex, value) in row.enumerated() where !value.isEmpty {
          xml +=
            "<c r=\"\(columnName(columnIndex))\(rowIndex + 1)\" t=\"inlineStr\"><is><t xml:space=\"preserve\">\(escape(value))</t></is></c>"
        }
        xml += "</row>"
      }
      xml += "</sheetData></worksheet>"
      files.append(("xl/worksheets/sheet\(index + 1).xml", Array(xml.utf8)))
    }
    return StoredZip.archive(files)
  }

  static func columnName(_ index: Int) -> String {
    var index = index
    var name = ""
    repeat {
      name = String(UnicodeScalar(UInt8(65 + index % 26))) + name
      index = index / 26 - 1
    } while index >= 0
    return name
  }

  /// XML-escaped text without the control characters XML 1.0 forbids.
  static func escape(_ text: String) -> String {
    SVGCharts.escape(
      String(text.unicodeScalars.filter { $0.value >= 0x20 || $0 == "\n" || $0 == "\t" }.map(Character.init)))
  }
}

/// A ZIP archive with stored entries (no compression), CRC-32 checked by readers.
/// A ZIP archive of uncompressed ("stored") files.
public enum StoredZip {
  /// The archive of `files`, each a path inside the archive and its bytes.
  public static func archive(_ files: [(String, [UInt8])]) -> [UInt8] {
    var out: [UInt8] = []
    var central: [UInt8] = []
    for (name, data) in files {
      let offset = UInt32(out.count)
      let crc = crc32(data)
      let nameBytes = Array(name.utf8)
      var header: [UInt8] = []
      header += le32(0x0403_4b50) + le16(20) + le16(0x0800) + le16(0) + le16(0) + le16(0x21)
      header +=
        le32(crc) + le32(UInt32(data.count)) + le32(UInt32(data.count)) + le16(UInt16(nameBytes.count))
        + le16(0)
      out += header + nameBytes + data
      central += le32(0x0201_4b50) + le16(20) + le16(20) + le16(0x0800) + le16(0) + le16(0) + le16(0x21)
      central +=
        le32(crc) + le32(UInt32(data.count)) + le32(UInt32(data.count)) + le16(UInt16(nameBytes.count))
      central += le16(0) + le16(0) + le16(0) + le16(0) + le32(0) + le32(offset) + nameBytes
    }
    let centralOffset = UInt32(out.count)
    out += central
    out += le32(0x0605_4b50) + le16(0) + le16(0) + le16(UInt16(files.count)) + le16(UInt16(files.count))
    out += le32(UInt32(central.count)) + le32(centralOffset) + le16(0)
    return out
  }

  private static let table: [UInt32] = (0..<256).map { value in
    var crc = UInt32(value)
    for _ in 0..<8 { crc = crc & 1 == 1 ? 0xEDB8_8320 ^ (crc >> 1) : crc >> 1 }
    return crc
  }

  static func crc32(_ data: [UInt8]) -> UInt32 {
    var crc: UInt32 = 0xFFFF_FFFF
    for byte in data { crc = table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8) }
    return crc ^ 0xFFFF_FFFF
  }

  private static func le16(_ value: UInt16) -> [UInt8] { [UInt8(value & 0xFF), UInt8(value >> 8)] }
  private static func le32(_ value: UInt32) -> [UInt8] {
    (0..<4).map { UInt8((value >> (8 * UInt32($0))) & 0xFF) }
  }
}
