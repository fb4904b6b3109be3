import ArgumentParser
import DyadStore

struct SourcesCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "sources", abstract: "List every source the store cites: publisher, title, date and address.")

  @OptionGroup var output: OutputOptions
  @OptionGroup var storeOptions: StoreOptions

  func run() throws {
    let sources = try storeOptions.open().sources()
    if output.json {
      try printJSON(sources)
      return
    }
    var table = TextTable("ID", "PUBLISHER", "TITLE", "DATE", "URL")
    for item in sources {
      table.append(String(item.id), item.source.publisher, item.source.title, item.source.date, item.source.url)
    }
    print(table.render(), terminator: "")
  }
}
