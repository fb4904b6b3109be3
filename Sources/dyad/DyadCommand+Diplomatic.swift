import ArgumentParser
import DyadAnalysis
import DyadCore
import Foundation

extension DyadCommand {
  /// The diplomatic commands.
  static var diplomaticCommands: [any ParsableCommand.Type] {
    [AlignmentCommand.self, VetoesCommand.self, InstitutionsCommand.self, PoliticsCommand.self]
  }
}

extension UNGAIssue: ExpressibleByArgument {}
extension SimilarityMeasure: ExpressibleByArgument {}

/// Number formatting shared by the diplomatic commands (CSV: ``CSV``).
enum DiplomaticFormat {
  /// A number with `decimals` decimals, or "–" when missing.
  static func number(_ value: Double?, _ decimals: Int = 3) -> String {
    guard let value, value.isFinite else { return "–" }
    return CuratedRecord.fixed(value, decimals)
  }
}
