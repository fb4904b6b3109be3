import ArgumentParser
import DyadAnswers
import DyadCore
import DyadImport
import DyadData
import DyadStore

/// Where the store is.
struct StoreOptions: ParsableArguments {
  @Option(
    name: .long,
    help: ArgumentHelp(
      "The store file. Default: $DYAD_STORE, else $XDG_DATA_HOME/dyad/dyad.sqlite (~/.local/share/dyad/dyad.sqlite).",
      valueName: "path"))
  var store: String?

  @Option(
    name: .long,
    help: ArgumentHelp(
      "Read an earlier release of a dataset, kept when a newer one replaced it: NAME=RELEASE, RELEASE being its id, its name or the day it was imported (`dyad datasets --json` lists them). Repeatable; by default the newest.",
      valueName: "name=release"))
  var release: [String] = []

  /// Opens the store, creating and filling it with the curated data on first use; with
  /// `--release`, read-only, with those releases in place of the newest.
  func open() throws -> Store {
    let path = Store.defaultPath(explicit: store)
    let store = try Store.open(at: path)
    guard !release.isEmpty else { return store }
    let chosen = try release.compactMap { try Self.archivedRelease($0, in: store) }
    return chosen.isEmpty ? store : try Store.open(at: path, releases: chosen)
  }

  /// The archived release `NAME=RELEASE` names, or `nil` when it names the release the store holds.
  static func archivedRelease(_ selection: String, in store: Store) throws -> ArchivedRelease? {
    let parts = selection.split(separator: "=", maxSplits: 1).map(String.init)
    guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
      throw ValidationError("--release \(selection): expected NAME=RELEASE, e.g. unga-ideal-points=\"July 2023\"")
    }
    let (name, wanted) = (parts[0], parts[1])
    guard let held = try store.datasets().first(where: { $0.name == name }) else {
      throw ValidationError("--release \(selection): the store does not hold \(name)")
    }
    let current = held.release ?? held.version
    let kept = try store.archivedReleases(of: name)
    if let match = kept.first(where: { $0.id == wanted }) { return match }
    if current == wanted || held.importedAt.hasPrefix(wanted) { return nil }
    if let match = kept.first(where: { $0.matches(wanted) }) { return match }
    let listed = ([current + " (newest)"] + kept.map { "\($0.name) (id \($0.id), imported \($0.importedAt.prefix(10)))" })
      .joined(separator: "; ")
    throw ValidationError("--release \(selection): no such release of \(name); the store has \(listed)")
  }
}

/// `--json` for listings.
struct OutputOptions: ParsableArguments {
  @Flag(name: .long, help: "Print JSON instead of a table.")
  var json = false
}

/// `--json` or `--csv` for the commands that print a table of figures; the command's discussion
/// says what one CSV row is.
struct TableOutputOptions: ParsableArguments {
  @Flag(name: .long, help: "Print JSON instead of a table.")
  var json = false

  @Flag(name: .long, help: "Print CSV instead of a table (one row per table row; a missing value is empty).")
  var csv = false

  func validate() throws {
    if json && csv { throw ValidationError("choose one of --json and --csv") }
  }

  /// Prints the answer's payload as JSON for `--json`, or its table as CSV for `--csv` (the
  /// bytes the API sends); whether it printed anything.
  func printed<Payload>(_ answer: Answer<Payload>) throws -> Bool {
    if json {
      try printJSON(answer.payload)
      return true
    }
    if csv {
      print(answer.table.csv, terminator: "")
      return true
    }
    return false
  }
}

/// A question about two states over years: the states, `--from` and `--to`, and the store.
struct DyadQuestionOptions: ParsableArguments {
  @OptionGroup var dyad: DyadArguments
  @OptionGroup var years: YearOptions
  @OptionGroup var storeOptions: StoreOptions

  /// Opens the store and resolves the question's states in its years (today when none), limited
  /// to the years both states existed; writes the note saying so to standard error when
  /// `announcing` (the trade table prints it in its header instead).
  func open(announcing: Bool = true) throws -> (store: Store, question: DyadQuestion) {
    let store = try storeOptions.open()
    let (_, a, b) = try dyad.resolve(with: store.registry, during: years.dates)
    let question = try DyadQuestion(a, b, from: years.from, to: years.to)
    if announcing, let note = question.yearsNote { Terminal.writeError("note: \(note)\n") }
    return (store, question)
  }
}

/// `--from` and `--to`.
struct YearOptions: ParsableArguments {
  @Option(name: .long, help: ArgumentHelp("The first year.", valueName: "year"))
  var from: Int?

  @Option(name: .long, help: ArgumentHelp("The last year.", valueName: "year"))
  var to: Int?

  func validate() throws {
    if let from, let to, from > to {
      throw ValidationError("the year range \(from)–\(to) is inverted: --from must not be after --to")
    }
  }

  /// The dates the years ask about, for reading state names: today when neither is given.
  var dates: QueryDates { .asked(from: from, to: to) }

  /// The requested years, or `nil` when neither bound was given.
  var range: YearRange? {
    get throws {
      guard from != nil || to != nil else { return nil }
      return try YearRange(from: from, to: to, default: .all)
    }
  }
}

/// The two states of a dyad, as given on the command line.
struct DyadArguments: ParsableArguments {
  @Argument(help: "The first state: a name or code.")
  var a: String

  @Argument(help: "The second state: a name or code.")
  var b: String

  /// Resolves both states as names for a question about `dates` (today unless the command
  /// gives years) and makes a dyad; a name that means several states then ("Korea") is an
  /// ``AmbiguousStateError`` listing them.
  func resolve(with registry: StateRegistry, during dates: QueryDates = .today()) throws -> (
    dyad: Dyad, a: State, b: State
  ) {
    let first = try registry.resolve(a, during: dates)
    let second = try registry.resolve(b, during: dates)
    return (try Dyad(first.id, second.id), first, second)
  }
}
