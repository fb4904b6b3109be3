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

      \(TimelineAnswers.schema.help)

      Examples:
        dyad timeline China Russia
        dyad timeline China Russia --from 2013 --kind leader-meeting
        dyad timeline "United States" "United Kingdom" --json
      """)

  @OptionGroup var asked: DyadQuestionOptions
  @Option(name: .long, parsing: .singleValue, help: "Only events of this kind (repeatable).")
  var kind: [EventKind] = []
  @OptionGroup var output: TableOutputOptions

  func run() throws {
    let (store, question) = try asked.open()
    let answer = try TimelineAnswers.answer(question, kinds: kind.isEmpty ? nil : Set(kind), store: store)
    if try output.printed(answer) { return }
    let events = answer.payload, a = question.a, b = question.b
    guard !events.isEmpty else {
      print("No recorded events for \(a.name)–\(b.name)\(question.years.map { " in \($0)" } ?? "").")
      return
    }
    var citations = Citations()
    var table = TextTable("DATE", "KIND", "EVENT", "PLACE", "SOURCE")
    for event in events {
      let cite = Terminal.isInteractive ? "[\(citations.number(for: event.source))] \(event.source.publisher)" : "\(event.source.publisher) <\(event.source.url)>"
      table.append(event.date.formatted(event.precision), event.kind.rawValue, event.title, event.place ?? "", cite)
    }
    if Terminal.isInteractive {
      print("\(a.name)–\(b.name): \(events.count) events\(question.years.map { ", \($0)" } ?? "")\n")
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
