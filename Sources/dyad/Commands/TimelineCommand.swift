import ArgumentParser
import DyadAnswers
import DyadCore
import DyadStore

extension EventKind: ExpressibleByArgument {}

struct TimelineCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "timeline",
    abstract: "List the dated events in the ties of two states, with sources.",
    discussion: """
      Kinds: \(EventKind.allCases.map(\.rawValue).joined(separator: ", ")).

      \(TimelineAnswers.schema.documentation)

      Examples:
        dyad timeline China Russia
        dyad timeline China Russia --from 2013 --kind leader-meeting
        dyad timeline "United States" "United Kingdom" --json
      """)

  @OptionGroup var dyad: DyadArguments
  @OptionGroup var years: YearOptions
  @Option(name: .long, parsing: .singleValue, help: "Only events of this kind (repeatable).")
  var kind: [EventKind] = []
  @OptionGroup var output: TableOutputOptions
  @OptionGroup var storeOptions: StoreOptions

  func run() throws {
    let store = try storeOptions.open()
    let (_, a, b) = try dyad.resolve(with: store.registry)
    let answer = try TimelineAnswers.answer(
      try DyadQuestion(a, b, from: years.from, to: years.to), kinds: kind.isEmpty ? nil : Set(kind), store: store)
    let events = answer.payload
    if output.json {
      try printJSON(events)
      return
    }
    if output.csv {
      print(answer.table.csv, terminator: "")
      return
    }
    guard !events.isEmpty else {
      print("No recorded events for \(a.name)–\(b.name)\(try years.range.map { " in \($0)" } ?? "").")
      return
    }
    var citations = Citations()
    var table = TextTable("DATE", "KIND", "EVENT", "PLACE", "SOURCE")
    for event in events {
      let cite = Terminal.isInteractive ? "[\(citations.number(for: event.source))] \(event.source.publisher)" : "\(event.source.publisher) <\(event.source.url)>"
      table.append(event.date.formatted(event.precision), event.kind.rawValue, event.title, event.place ?? "", cite)
    }
    if Terminal.isInteractive {
      print("\(a.name)–\(b.name): \(events.count) events\(try years.range.map { ", \($0)" } ?? "")\n")
    }
    print(table.render(), terminator: "")
    if Terminal.isInteractive { print("\n" + citations.render()) }
  }
}

/// Numbered references for a table's sources.
struct Citations {
  private(set) var sources: [Source] = []
  private var numbers: [String: Int] = [:]

  mutating func number(for source: Source) -> Int {
    if let n = numbers[source.key] { return n }
    sources.append(source)
    numbers[source.key] = sources.count
    return sources.count
  }

  func render() -> String {
    "Sources\n" + sources.enumerated().map { "[\($0.offset + 1)] \($0.element.citation). \($0.element.url)" }.joined(separator: "\n")
  }
}
