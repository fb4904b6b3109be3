/// Estimated text widths, so labels can be laid out without a font engine.
///
/// Widths are Helvetica/Arial advance widths scaled by a safety factor, because the system font
/// stack may resolve to wider faces (DejaVu Sans on Linux). Overestimating wastes a little space;
/// underestimating would let labels overlap.
enum TextMetrics {
  /// How much wider than Helvetica the real font may be.
  static let safetyFactor = 1.15
  /// Bold text is about this much wider than regular.
  static let boldFactor = 1.08

  /// Advance widths in 1/1000 em of the printable ASCII characters U+0020…U+007E.
  private static let asciiWidths: [Int] = [
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,  // space … /
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556,  // 0 … 9
    278, 278, 584, 584, 584, 556, 1015,  // : … @
    667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833,  // A … M
    722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611,  // N … Z
    278, 278, 278, 469, 556, 333,  // [ … `
    556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833,  // a … m
    556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500,  // n … z
    334, 260, 334, 584,  // { … ~
  ]

  /// The estimated width of `text` set at `fontSize` (in the same units as the font size).
  static func width(_ text: String, fontSize: Double, bold: Bool = false) -> Double {
    var thousandths = 0
    for scalar in text.unicodeScalars {
      thousandths += advance(of: scalar.value)
    }
    return Double(thousandths) / 1000 * fontSize * safetyFactor * (bold ? boldFactor : 1)
  }

  private static func advance(of value: UInt32) -> Int {
    switch value {
    case 0x20...0x7E: return asciiWidths[Int(value - 0x20)]
    case 0x0300...0x036F, 0x200B...0x200F: return 0  // combining marks, zero-width characters
    case 0x2013, 0x2212: return 584  // en dash, minus sign
    case 0x2014, 0x2026: return 1000  // em dash, ellipsis
    case 0x00A0...0x024F: return 590  // Latin-1 supplement and Latin extended
    case 0x0370...0x052F: return 620  // Greek, Cyrillic
    case 0x1100...0x11FF, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFF00...0xFF60, 0x20000...0x3FFFF:
      return 1000  // CJK and other wide characters
    default: return 620
    }
  }

  /// `text` shortened with a trailing "…" so that it fits `maximumWidth`.
  static func truncate(_ text: String, toWidth maximumWidth: Double, fontSize: Double, bold: Bool = false) -> String {
    if width(text, fontSize: fontSize, bold: bold) <= maximumWidth { return text }
    var characters = Array(text)
    while !characters.isEmpty {
      characters.removeLast()
      while let last = characters.last, last == " " { characters.removeLast() }
      let candidate = String(characters) + "…"
      if width(candidate, fontSize: fontSize, bold: bold) <= maximumWidth { return candidate }
    }
    return ""
  }

  /// `text` broken into lines at spaces so that each fits `maximumWidth`; words longer than a
  /// line are truncated. When `maximumLines` is reached, the last line ends with "…".
  static func wrap(
    _ text: String, toWidth maximumWidth: Double, fontSize: Double, bold: Bool = false, maximumLines: Int = .max
  ) -> [String] {
    let words = text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).map(String.init)
    guard !words.isEmpty, maximumLines > 0 else { return [] }
    var lines: [String] = []
    var current = ""
    var index = 0
    while index < words.count {
      let word = words[index]
      let candidate = current.isEmpty ? word : current + " " + word
      if width(candidate, fontSize: fontSize, bold: bold) <= maximumWidth {
        current = candidate
        index += 1
      } else if current.isEmpty {
        lines.append(truncate(word, toWidth: maximumWidth, fontSize: fontSize, bold: bold))
        index += 1
      } else {
        lines.append(current)
        current = ""
      }
      if lines.count == maximumLines {
        break
      }
    }
    if !current.isEmpty, lines.count < maximumLines {
      lines.append(current)
    } else if index < words.count || !current.isEmpty, let last = lines.last {
      // Text remains: mark the cut on the last line.
      lines[lines.count - 1] = truncate(last + " …", toWidth: maximumWidth, fontSize: fontSize, bold: bold)
    }
    return lines
  }
}
