import ArgumentParser
import DyadAnswers
import DyadStore

struct SourcesCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "sources", abstract: "List every source the store cites: publisher, title, date and address.",
    discussion: SourceAnswers.schema.help)

  @OptionGroup var output: TableOutputOptions
  @OptionGroup var storeOptions: StoreOptions

  func run() throws {
    let answer = try SourceAnswers.answer(store: try storeOptions.open())
    if try output.printed(answer) { return }
    var table = TextTable("ID", "PUBLISHER", "TITLE", "DATE", "URL")
    for item in answer.payload {
      table.append(String(item.id), item.publisher, item.title, item.date, item.url)
    }
    print(table.render(), terminator: "")
  }
}
