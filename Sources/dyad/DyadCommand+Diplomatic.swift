import ArgumentParser
import DyadAnalysis
import DyadCore
import Foundation

extension DyadCommand {
  /// The diplomatic commands.
  static var diplomaticCommands: [any ParsableCommand.Type] {
    [AlignmentCommand.self, VetoesCommand.self, InstitutionsCommand.self]
  }
}

extension UNGAIssue: ExpressibleByArgument {}
extension SimilarityMeasure: ExpressibleByArgument {}

/// Number and CSV formatting shared by the diplomatic commands.
enum DiplomaticFormat {
  /// A number with `decimals` decimals, or "–" when missing.
  static func number(_ value: Double?, _ decimals: Int = 3) -> String {
    guard let value, value.isFinite else { return "–" }
    return CuratedRecord.fixed(value, decimals)
  }

  /// A number for CSV: empty when missing (missing is not zero).
  static func csvNumber(_ value: Double?, _ decimals: Int = 6) -> String {
    guard let value, value.isFinite else { return "" }
    return CuratedRecord.fixed(value, decimals)
  }

  /// A CSV field, quoted when it holds a comma, quote or line break.
  static func csv(_ field: String) -> String {
    guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
    return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }

  static func csvLine(_ fields: [String]) -> String { fields.map(csv).joined(separator: ",") }
}
