import ArgumentParser

extension DyadCommand {
  /// The military commands.
  static var militaryCommands: [any ParsableCommand.Type] { [MilitaryCommand.self, AlliesCommand.self, ConflictCommand.self] }
}
