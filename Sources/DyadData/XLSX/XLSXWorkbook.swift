import DyadCore
import Foundation
import ZIPFoundation

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// A value as a workbook stores it.
public enum XLSXValue: Sendable, Equatable {
  case number(Double)
  case text(String)
  case bool(Bool)
  /// An error value such as `#N/A`.
  case error(String)

  /// The text of a text cell, or a number as the sheet would show it plainly.
  public var text: String {
    switch self {
    case .text(let text): text
    case .number(let number): number == number.rounded() && abs(number) < 1e15 ? String(Int(number)) : String(number)
    case .bool(let value): value ? "TRUE" : "FALSE"
    case .error(let code): code
    }
  }

  /// The number of a number cell, or `nil`.
  public var number: Double? {
    if case .number(let number) = self { return number }
    return nil
  }
}

/// A font colour as the workbook's styles give it.
public enum XLSXColor: Sendable, Hashable {
  /// An index into the legacy palette (8 black, 10 red, 12 blue, …).
  case indexed(Int)
  /// An ARGB value, `FF0000FF`.
  case rgb(String)
  /// A colour of the workbook's theme.
  case theme(Int)

  /// Whether the colour is pure red (legacy index 10, or `FF0000`).
  public var isRed: Bool { self == .indexed(10) || rgbSuffix == "FF0000" }
  /// Whether the colour is pure blue (legacy index 12, or `0000FF`).
  public var isBlue: Bool { self == .indexed(12) || rgbSuffix == "0000FF" }

  private var rgbSuffix: String? {
    if case .rgb(let value) = self { return String(value.uppercased().suffix(6)) }
    return nil
  }
}

/// One cell that holds a value.
public struct XLSXCell: Sendable, Equatable {
  /// Its row and column, from 1 (A is column 1).
  public let row: Int
  public let column: Int
  public let value: XLSXValue
  /// The colour of its font, when its style sets one: publishers such as SIPRI mark estimates by
  /// font colour alone.
  public let fontColor: XLSXColor?

  /// `C6`.
  public var reference: String { XLSXWorkbook.columnName(column) + String(row) }
}

/// An Office Open XML workbook (`.xlsx`): a zip of XML parts, read with ZIPFoundation and
/// Foundation's streaming XML parser, one sheet at a time, never the whole workbook at once.
///
/// ```swift
/// let book = try XLSXWorkbook(url: url)
/// try book.forEachRow(inSheet: "Current US$") { row, cells in … }
/// ```
///
/// A file that is not a workbook, or a part that does not parse, is an ``ImportError`` naming the
/// file, the sheet and the cell.
public struct XLSXWorkbook {
  public let url: URL
  /// The sheets, in the workbook's order.
  public let sheetNames: [String]
  private let archive: Archive
  private let sheetPaths: [String: String]
  private let sharedStrings: [String]
  /// The font colour of each cell style (`s` attribute), `nil` where it sets none.
  private let styleColors: [XLSXColor?]

  public init(url: URL) throws(ImportError) {
    self.url = url
    let file = url.lastPathComponent
    let archive: Archive
    do {
      archive = try Archive(url: url, accessMode: .read)
    } catch {
      throw ImportError(file: file, message: "is not an .xlsx workbook (not a readable zip archive: \(error))")
    }
    self.archive = archive
    guard let workbook = try Self.part("xl/workbook.xml", in: archive, file: file) else {
      throw ImportError(file: file, message: "is not an .xlsx workbook (it has no xl/workbook.xml)")
    }
    var sheets: [(name: String, id: String)] = []
    try XMLEvents.parse(workbook, part: "xl/workbook.xml", file: file) { name, attributes in
      if name == "sheet", let sheet = attributes["name"], let id = attributes["r:id"] ?? attributes["id"] {
        sheets.append((sheet, id))
      }
    }
    var targets: [String: String] = [:]
    if let relations = try Self.part("xl/_rels/workbook.xml.rels", in: archive, file: file) {
      try XMLEvents.parse(relations, part: "xl/_rels/workbook.xml.rels", file: file) { name, attributes in
        if name == "Relationship", let id = attributes["Id"], let target = attributes["Target"] {
          targets[id] = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
        }
      }
    }
    sheetNames = sheets.map(\.name)
    sheetPaths = Dictionary(
      sheets.compactMap { sheet in targets[sheet.id].map { (sheet.name, $0) } }, uniquingKeysWith: { a, _ in a })
    sharedStrings = try Self.sharedStrings(in: archive, file: file)
    styleColors = try Self.styleColors(in: archive, file: file)
  }

  /// Reads a sheet's rows in order, calling `body` with each row's number and its cells that hold
  /// a value (empty cells are absent, never zero).
  public func forEachRow(inSheet sheet: String, _ body: (_ row: Int, _ cells: [XLSXCell]) throws -> Void) throws {
    let file = url.lastPathComponent
    guard let path = sheetPaths[sheet] else {
      throw ImportError(
        file: file, message: "has no sheet '\(sheet)' (it has \(sheetNames.map { "'\($0)'" }.joined(separator: ", ")))")
    }
    guard let data = try Self.part(path, in: archive, file: file) else {
      throw ImportError(file: file, message: "sheet '\(sheet)' names the part \(path), which the workbook lacks")
    }
    let where_ = "\(file) [\(sheet)]"
    var pending: Error?
    try withoutActuallyEscaping(body) { body in
      var row = 0
      var cells: [XLSXCell] = []
      var reference: String?
      var type: String?
      var style: Int?
      var text = ""
      var inValue = false
      var complete = false
      let parser = XMLEvents(
        start: { name, attributes in
          switch name {
          case "row":
            row = attributes["r"].flatMap { Int($0) } ?? row + 1
            cells = []
          case "c":
            reference = attributes["r"]
            type = attributes["t"]
            style = attributes["s"].flatMap { Int($0) }
            text = ""
          case "v", "t":
            inValue = true
          default: break
          }
        },
        end: { name in
          switch name {
          case "v", "t": inValue = false
          case "c":
            defer { reference = nil }
            guard pending == nil else { return }
            let column: Int
            if let reference, let parsed = Self.column(of: reference) {
              column = parsed
            } else {
              column = (cells.last?.column ?? 0) + 1
            }
            do {
              guard let value = try self.value(text, type: type, file: where_, row: row, column: column) else { return }
              let color = style.flatMap { $0 < self.styleColors.count ? self.styleColors[$0] : nil }
              cells.append(XLSXCell(row: row, column: column, value: value, fontColor: color))
            } catch {
              pending = error
            }
          case "row":
            guard pending == nil else { return }
            do { try body(row, cells) } catch { pending = error }
          case "sheetData": complete = true
          default: break
          }
        },
        text: { characters in if inValue { text += characters } })
      try parser.run(data, part: path, file: where_)
      // Foundation's parser may accept a document that stops early; a sheet ends its data.
      if pending == nil && !complete {
        pending = ImportError(
          file: where_, line: row,
          message: "the sheet stops after row \(row) without closing its data: the workbook is truncated or damaged")
      }
    }
    if let pending { throw pending }
  }

  /// A cell's value from its text and type; `nil` for an empty cell.
  private func value(_ text: String, type: String?, file: String, row: Int, column: Int) throws(ImportError)
    -> XLSXValue?
  {
    let field = Self.columnName(column) + String(row)
    switch type {
    case "s":
      guard let index = Int(text), sharedStrings.indices.contains(index) else {
        throw ImportError(
          file: file, line: row, field: field, message: "refers to shared string '\(text)', which the workbook lacks")
      }
      return sharedStrings[index].isEmpty ? nil : .text(sharedStrings[index])
    case "inlineStr", "str":
      return text.isEmpty ? nil : .text(text)
    case "b":
      return .bool(text == "1")
    case "e":
      return .error(text)
    default:  // "n", or no type: a number
      if text.isEmpty { return nil }
      guard let number = Double(text) else {
        throw ImportError(file: file, line: row, field: field, message: "'\(text.prefix(200))' is not a number")
      }
      return .number(number)
    }
  }

  /// `C` → 3, from a reference such as `C6`.
  static func column(of reference: String) -> Int? {
    var column = 0
    for scalar in reference.unicodeScalars {
      guard (65...90).contains(scalar.value) else { break }
      column = column * 26 + Int(scalar.value) - 64
    }
    return column > 0 ? column : nil
  }

  /// 3 → `C`, 28 → `AB`.
  static func columnName(_ column: Int) -> String {
    var name = ""
    var rest = column
    while rest > 0 {
      let digit = (rest - 1) % 26
      name = String(UnicodeScalar(UInt8(65 + digit))) + name
      rest = (rest - 1) / 26
    }
    return name
  }

  private static func part(_ path: String, in archive: Archive, file: String) throws(ImportError) -> Data? {
    guard let entry = archive[path] else { return nil }
    var data = Data()
    do {
      _ = try archive.extract(entry, skipCRC32: false) { data.append($0) }
    } catch {
      throw ImportError(file: file, message: "its part \(path) cannot be read (\(error)); the workbook is damaged")
    }
    return data
  }

  private static func sharedStrings(in archive: Archive, file: String) throws(ImportError) -> [String] {
    guard let data = try part("xl/sharedStrings.xml", in: archive, file: file) else { return [] }
    var strings: [String] = []
    var current = ""
    var depth = 0  // inside <t>, outside phonetic runs
    var phonetic = false
    let parser = XMLEvents(
      start: { name, _ in
        switch name {
        case "si": current = ""
        case "rPh": phonetic = true
        case "t": depth += 1
        default: break
        }
      },
      end: { name in
        switch name {
        case "si": strings.append(current)
        case "rPh": phonetic = false
        case "t": depth -= 1
        default: break
        }
      },
      text: { characters in if depth > 0 && !phonetic { current += characters } })
    try parser.run(data, part: "xl/sharedStrings.xml", file: file)
    return strings
  }

  private static func styleColors(in archive: Archive, file: String) throws(ImportError) -> [XLSXColor?] {
    guard let data = try part("xl/styles.xml", in: archive, file: file) else { return [] }
    var fonts: [XLSXColor?] = []
    var fontIDs: [Int] = []
    var inFonts = false, inFont = false, inCellXfs = false
    var color: XLSXColor?
    let parser = XMLEvents(
      start: { name, attributes in
        switch name {
        case "fonts": inFonts = true
        case "font" where inFonts:
          inFont = true
          color = nil
        case "color" where inFont:
          if let index = attributes["indexed"].flatMap({ Int($0) }) {
            color = .indexed(index)
          } else if let rgb = attributes["rgb"] {
            color = .rgb(rgb)
          } else if let theme = attributes["theme"].flatMap({ Int($0) }) {
            color = .theme(theme)
          }
        case "cellXfs": inCellXfs = true
        case "xf" where inCellXfs: fontIDs.append(attributes["fontId"].flatMap { Int($0) } ?? 0)
        default: break
        }
      },
      end: { name in
        switch name {
        case "fonts": inFonts = false
        case "font" where inFont:
          inFont = false
          fonts.append(color)
        case "cellXfs": inCellXfs = false
        default: break
        }
      },
      text: { _ in })
    try parser.run(data, part: "xl/styles.xml", file: file)
    return fontIDs.map { $0 < fonts.count ? fonts[$0] : nil }
  }
}

/// Foundation's streaming XML parser behind three closures: an element starts (its local name
/// and attributes), ends, or has text.
final class XMLEvents: NSObject, XMLParserDelegate {
  private let start: (String, [String: String]) -> Void
  private let end: (String) -> Void
  private let text: (String) -> Void

  init(
    start: @escaping (String, [String: String]) -> Void, end: @escaping (String) -> Void,
    text: @escaping (String) -> Void
  ) {
    (self.start, self.end, self.text) = (start, end, text)
  }

  /// Parses a part, calling `start` for each element.
  static func parse(
    _ data: Data, part: String, file: String, start: @escaping (String, [String: String]) -> Void
  ) throws(ImportError) {
    try XMLEvents(start: start, end: { _ in }, text: { _ in }).run(data, part: part, file: file)
  }

  func run(_ data: Data, part: String, file: String) throws(ImportError) {
    let parser = XMLParser(data: data)
    parser.delegate = self
    guard parser.parse() else {
      let reason = parser.parserError.map { "\($0.localizedDescription)" } ?? "malformed XML"
      throw ImportError(
        file: file, line: parser.lineNumber,
        message: "the workbook's part \(part) is not well-formed XML (\(reason)); the workbook is damaged")
    }
  }

  func parser(
    _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
    attributes: [String: String] = [:]
  ) {
    start(Self.local(elementName), attributes)
  }

  func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
    end(Self.local(elementName))
  }

  func parser(_ parser: XMLParser, foundCharacters string: String) { text(string) }

  private static func local(_ name: String) -> String {
    guard let colon = name.lastIndex(of: ":") else { return name }
    return String(name[name.index(after: colon)...])
  }
}
