import DyadCore
import DyadImport
import ArgumentParser
import DyadData
import DyadStore
import Foundation

struct ImportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "import",
    abstract: "Import a dataset into the store, in one transaction.",
    discussion: """
      PATH is the dataset's file, or a folder holding its files laid out as Dyad lists them \
      (`dyad datasets --json` shows each dataset's files). Importing the same files again changes \
      nothing; a bad row stops the import with its file, line and field, and leaves the store as it was. \
      A re-import that would store fewer than half the rows, or fewer years, than the store holds \
      of the dataset stops too and says what would be lost, unless --replace is given.

      Examples:
        dyad import unga-votes ~/data/unga-votes
        dyad import cow-trade ~/data/cow-trade
      """)

  @Argument(help: "The dataset's name (see `dyad datasets`).")
  var name: String

  @Argument(help: "The dataset's file, or a folder holding its files.", completion: .file())
  var path: String

  @Flag(help: "Replace the dataset even if the new files hold far fewer rows or years.")
  var replace = false

  @OptionGroup var storeOptions: StoreOptions

  func validate() throws {
    if !storeOptions.release.isEmpty { throw ValidationError("--release reads an earlier release; an import writes the store") }
  }

  func run() throws {
    guard let info = DatasetCatalog.info(named: name) else {
      throw ValidationError(
        "unknown dataset '\(name)'; Dyad knows \(DatasetCatalog.all.map(\.name).joined(separator: ", "))")
    }
    guard let importer = DatasetCatalog.importers[info.name] else {
      throw ValidationError("Dyad lists \(info.name) but cannot import it yet")
    }
    let url = URL(fileURLWithPath: (path as NSString).expandingTildeInPath)
    let files = try importer.inputFiles(at: url)
    let store = try storeOptions.open()
    let showProgress = Terminal.showsProgress
    let label = "importing \(info.name)"
    let started = Date()
    let outcome = try store.importDataset(importer, files: files, sourcePath: url.path, replace: replace) { fraction in
      if showProgress { Terminal.writeError("\r\(label): \(Int(fraction * 100))%") }
    }
    if showProgress { Terminal.writeError("\r\u{1B}[K") }
    switch outcome {
    case .unchanged:
      print("\(info.name): these files are already imported; nothing changed.")
    case .imported(let summary):
      let seconds = Date().timeIntervalSince(started)
      print(
        "\(info.name): read \(summary.rowsRead) rows, stored \(summary.rowsWritten)\(summary.coverage.map { ", covering \($0)" } ?? "") in \(String(format: "%.1f", seconds)) s."
      )
      for note in summary.notes { print("  note: \(note)") }
    }
  }
}
