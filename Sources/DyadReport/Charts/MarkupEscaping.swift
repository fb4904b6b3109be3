/// Escaping of text into SVG/XML, HTML and Markdown.
///
/// Every piece of text that reaches a chart's SVG, HTML table or Markdown table passes through
/// these functions, so titles, labels and sources may contain any characters.
///
/// ```swift
/// MarkupEscaping.xml("Trade <US$> & \"aid\"")  // "Trade &lt;US$&gt; &amp; &quot;aid&quot;"
/// MarkupEscaping.markdown("A | B")              // "A \\| B"
/// ```
public enum MarkupEscaping {
  /// Text escaped for XML and HTML element content and attribute values (double- or
  /// single-quoted). Characters that XML 1.0 forbids (most C0 controls) are dropped.
  public static func xml(_ text: String) -> String {
    // Most text (numbers, colours, plain labels) needs no escaping.
    if !text.utf8.contains(where: {
      $0 < 0x20 || $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 || $0 == 0xEF
    }) {
      return text
    }
    var escaped = ""
    escaped.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": escaped += "&amp;"
      case "<": escaped += "&lt;"
      case ">": escaped += "&gt;"
      case "\"": escaped += "&quot;"
      case "'": escaped += "&#39;"
      case "\t", "\n", "\r": escaped.unicodeScalars.append(scalar)
      default:
        if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF { continue }
        escaped.unicodeScalars.append(scalar)
      }
    }
    return escaped
  }

  /// Text escaped for one cell of a Markdown (GitHub-flavoured) table: pipes and inline markup
  /// characters are backslash-escaped, `<`, `>` and `&` become entities, and line breaks become spaces.
  public static func markdown(_ text: String) -> String {
    var escaped = ""
    escaped.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\\", "|", "*", "_", "`", "[", "]", "#": escaped += "\\" + String(scalar)
      case "<": escaped += "&lt;"
      case ">": escaped += "&gt;"
      case "&": escaped += "&amp;"
      case "\n", "\r", "\t": escaped += " "
      default:
        if scalar.value < 0x20 { continue }
        escaped.unicodeScalars.append(scalar)
      }
    }
    return escaped
  }
}
