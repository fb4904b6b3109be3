/// Escapes text for Markdown: characters that would start formatting.
func escapeMarkdown(_ text: String) -> String {
  var out = ""
  for ch in text {
    if "\\`*_[]<>|#".contains(ch) { out.append("\\") }
    out.append(ch)
  }
  return out
}
