import ArgumentParser
import DyadAnswers
import DyadCore
import DyadReport
import DyadStore
import Foundation

struct ReportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "report",
    abstract: "Write a sourced backgrounder on two states, with charts: HTML, Markdown or JSON.",
    discussion: """
      The report answers: are they allies, how aligned are their foreign policies, how lopsided is \
      their trade, how deep are their military ties, and what the data shows against the \
      partnership. Every figure has a note naming its dataset or document. It works from Dyad's \
      curated facts alone and grows with each imported dataset (`dyad datasets`).

      Examples:
        dyad report China Russia
        dyad report China Russia --from 1992 --to 2023 --format md --out china-russia.md
        dyad report "United States" "United Kingdom" --compare India Russia
        dyad report India Pakistan --format json --out -
      """)

  enum Format: String, ExpressibleByArgument, CaseIterable {
    case html, md, json
  }

  @OptionGroup var dyad: DyadArguments
  @OptionGroup var years: YearOptions

  @Option(
    name: .long, parsing: .upToNextOption,
    help: ArgumentHelp("A reference dyad for scale (two states; repeatable). Default: USA–UK and USA–Japan.", valueName: "C D"))
  var compare: [String] = []

  @Option(name: .long, help: "html (default), md or json.")
  var format: Format = .html

  @Option(name: .long, help: ArgumentHelp("Where to write; - for standard output. Default: dyad-A-B.FORMAT here.", valueName: "path"))
  var out: String?

  @OptionGroup var storeOptions: StoreOptions

  func validate() throws {
    if compare.count % 2 != 0 {
      throw ValidationError("--compare takes two states, e.g. --compare \"United States\" \"United Kingdom\"")
    }
  }

  func run() throws {
    let store = try storeOptions.open()
    let dates = years.dates
    let (_, a, b) = try dyad.resolve(with: store.registry, during: dates)
    var comparisons: [(State, State)]? = nil
    if !compare.isEmpty {
      comparisons = try stride(from: 0, to: compare.count, by: 2).map { i in
        let pair = (
          try store.registry.resolve(compare[i], during: dates), try store.registry.resolve(compare[i + 1], during: dates)
        )
        _ = try Dyad(pair.0.id, pair.1.id)
        return pair
      }
    }
    // The question limits the years to those both states existed (West Germany: 1955–1990).
    let question = try DyadQuestion(a, b, from: years.from, to: years.to)
    if let note = question.yearsNote { Terminal.writeError("note: \(note)\n") }
    let report = try ReportAnswers.report(question, comparisons: comparisons, store: store)
    let text: String
    switch format {
    case .html: text = HTMLReportRenderer().render(report)
    case .md: text = MarkdownReportRenderer().render(report)
    case .json:
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
      text = String(decoding: try encoder.encode(report), as: UTF8.self) + "\n"
    }
    if out == "-" {
      print(text, terminator: "")
      return
    }
    let slug = [a.name, b.name].map { $0.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).joined(separator: "-") }
    let path = out ?? "dyad-\(slug[0])-\(slug[1]).\(format.rawValue)"
    do {
      try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    } catch {
      throw ValidationError("cannot write \(path): \(error.localizedDescription)")
    }
    print(URL(fileURLWithPath: path).standardizedFileURL.path)
  }
}
