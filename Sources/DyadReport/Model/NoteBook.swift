import DyadCore

/// Numbers notes in order of first citation, reusing the number of an equal note.
public struct NoteBook: Sendable {
  public private(set) var notes: [Report.Note] = []
  private var numbers: [String: Int] = [:]

  public init() {}

  /// The number of the note citing a source, optionally for one table and span of years.
  public mutating func cite(_ source: Source, table: String? = nil, years: String? = nil) -> Int {
    let key = "\(source.key)|\(table ?? "")|\(years ?? "")"
    if let number = numbers[key] { return number }
    let number = notes.count + 1
    notes.append(
      Report.Note(
        number: number, source: source.publisher, title: source.title, version: source.date, table: table,
        years: years, url: source.url))
    numbers[key] = number
    return number
  }

  /// Numbers for several sources, without repeats, in order.
  public mutating func cite(_ sources: [Source]) -> [Int] {
    var result: [Int] = []
    for source in sources {
      let n = cite(source)
      if !result.contains(n) { result.append(n) }
    }
    return result
  }
}
