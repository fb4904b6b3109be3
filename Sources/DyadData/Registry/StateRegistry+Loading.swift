import DyadCore
import Foundation

extension StateRegistry {
  /// The registry built from the tables that ship with Dyad (`Resources/registry`).
  public static func standard() throws -> StateRegistry {
    try StandardRegistry.shared.get()
  }

  /// Builds a registry from `states.csv`, `state_periods.csv` and `aliases.csv` in a folder, with
  /// `state_gaps.csv` (spans a state was out of the system) and `ambiguous_names.csv` (short
  /// names several states share) when the folder has them.
  public static func load(from directory: URL) throws -> StateRegistry {
    func reader(_ name: String) throws -> CSVReader {
      try CSVReader(path: directory.appendingPathComponent(name).path)
    }
    func optionalRows(_ name: String, requiring columns: [String]) throws -> [CSVRow] {
      guard FileManager.default.fileExists(atPath: directory.appendingPathComponent(name).path) else { return [] }
      return Array(try reader(name).rows(requiring: columns))
    }
    let codeColumns: [(String, CodeScheme)] = [
      ("cow_n", .cowNumeric), ("cow_c", .cowLetter), ("gw_n", .gwNumeric), ("gw_c", .gwLetter),
      ("iso2", .iso2), ("iso3", .iso3), ("m49", .m49), ("imf", .imf),
    ]
    func codes(_ row: CSVRow) -> StateCodes {
      var codes = StateCodes()
      for (column, scheme) in codeColumns { codes[scheme] = row.optional(column) }
      return codes
    }
    var periods: [StateID: [State.Period]] = [:]
    for row in try reader("state_periods.csv").rows(requiring: ["state", "from", "to", "name"]) {
      let period = State.Period(
        from: try row.optionalDay("from"), to: try row.requiredDay("to"), name: try row.required("name"),
        codes: codes(row), aliases: row.list("aliases"))
      periods[StateID(try row.required("state")), default: []].append(period)
    }
    var gaps: [StateID: [State.Gap]] = [:]
    for row in try optionalRows("state_gaps.csv", requiring: ["state", "from", "to"]) {
      let gap = State.Gap(from: try row.requiredDay("from"), to: try row.requiredDay("to"), note: row.text("note"))
      guard gap.from <= gap.to else { throw row.error("to", "the gap ends before it starts") }
      gaps[StateID(try row.required("state")), default: []].append(gap)
    }
    var states: [State] = []
    for row in try reader("states.csv").rows(requiring: ["id", "name", "start", "end", "aliases"]) {
      let id = StateID(try row.required("id"))
      states.append(
        State(
          id: id, name: try row.required("name"), start: try row.optionalDay("start"),
          end: try row.optionalDay("end"), codes: codes(row), aliases: row.list("aliases"),
          periods: periods.removeValue(forKey: id) ?? [], gaps: gaps.removeValue(forKey: id) ?? []))
    }
    if let orphan = periods.keys.sorted().first {
      throw ImportError(file: "state_periods.csv", field: "state", message: "unknown state id \(orphan)")
    }
    if let orphan = gaps.keys.sorted().first {
      throw ImportError(file: "state_gaps.csv", field: "state", message: "unknown state id \(orphan)")
    }
    var overrides: [NameOverride] = []
    for row in try reader("aliases.csv").rows(requiring: ["alias", "context", "state", "from", "to"]) {
      overrides.append(
        NameOverride(
          alias: try row.required("alias"), context: try Self.context(row), state: StateID(try row.required("state")),
          from: try row.optionalDay("from"), to: try row.optionalDay("to"), note: row.text("note")))
    }
    var ambiguous: [AmbiguousName] = []
    for row in try optionalRows("ambiguous_names.csv", requiring: ["name", "state", "from", "to"]) {
      ambiguous.append(
        AmbiguousName(
          name: try row.required("name"), state: StateID(try row.required("state")),
          from: try row.optionalDay("from"), to: try row.optionalDay("to"), note: row.text("note")))
    }
    return try StateRegistry(states: states, overrides: overrides, ambiguousNames: ambiguous)
  }

  private static func context(_ row: CSVRow) throws(ImportError) -> NamingContext {
    let text = row.text("context")
    guard let context = NamingContext(rawValue: text) else {
      throw row.error("context", "'\(text)' is not a naming context (use 'un' or leave empty)")
    }
    return context
  }
}

/// The shipped registry, loaded once per process.
private final class StandardRegistry: Sendable {
  static let shared = StandardRegistry()
  private let result: Result<StateRegistry, any Error>

  private init() {
    result = Result { try StateRegistry.load(from: DyadResources.registryDirectory) }
  }

  func get() throws -> StateRegistry { try result.get() }
}

/// The folders of Dyad's shipped resources.
public enum DyadResources {
  /// `Resources/registry`: the state tables.
  public static var registryDirectory: URL { resource("registry") }
  /// `Resources/curated`: the curated facts.
  public static var curatedDirectory: URL { resource("curated") }

  private static func resource(_ name: String) -> URL {
    Bundle.module.url(forResource: name, withExtension: nil)
      ?? Bundle.module.bundleURL.appendingPathComponent(name)
  }
}
