/// Note references grouped into runs of consecutive numbers: [1, 2, 3, 5] → [[1, 2, 3], [5]].
enum NoteRanges {
  static func runs(_ notes: [Int]) -> [[Int]] {
    var runs: [[Int]] = []
    for note in Set(notes).sorted() {
      if let last = runs.last?.last, last + 1 == note {
        runs[runs.count - 1].append(note)
      } else {
        runs.append([note])
      }
    }
    return runs
  }

  /// Markdown references: `[1–3, 5]`, linking to the notes list by number.
  static func markdown(_ notes: [Int]) -> String {
    guard !notes.isEmpty else { return "" }
    return " [" + runs(notes).map { $0.count == 1 ? "\($0[0])" : "\($0[0])–\($0.last!)" }.joined(separator: ", ") + "]"
  }
}
