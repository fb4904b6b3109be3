import ArgumentParser

extension DyadCommand {
  /// The diplomatic commands.
  static var diplomaticCommands: [any ParsableCommand.Type] { [] }
}
