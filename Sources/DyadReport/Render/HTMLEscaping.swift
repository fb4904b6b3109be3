/// Escapes text for HTML element content and attribute values.
func escapeHTML(_ text: String) -> String {
  var out = ""
  out.reserveCapacity(text.utf8.count)
  for ch in text {
    switch ch {
    case "&": out += "&amp;"
    case "<": out += "&lt;"
    case ">": out += "&gt;"
    case "\"": out += "&quot;"
    case "'": out += "&#39;"
    default: out.append(ch)
    }
  }
  return out
}

/// Escapes text for Markdown: characters that would start formatting.
func escapeMarkdown(_ text: String) -> String {
  var out = ""
  for ch in text {
    if "\\`*_[]<>|#".contains(ch) { out.append("\\") }
    out.append(ch)
  }
  return out
}
