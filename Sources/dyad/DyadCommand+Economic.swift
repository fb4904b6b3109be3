import ArgumentParser

extension DyadCommand {
  /// The economic commands.
  static var economicCommands: [any ParsableCommand.Type] { [TradeCommand.self, PartnersCommand.self] }
}
