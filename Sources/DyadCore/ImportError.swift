/// A problem in an input file, with where it is: file, line and field.
///
/// ```
/// un_votes.csv:1201 field 'vote': 'maybe' is not one of yes, abstain, no
/// ```
public struct ImportError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The file's name.
  public let file: String
  /// The 1-based line, when the problem is on one.
  public let line: Int?
  /// The column, when the problem is in one.
  public let field: String?
  public let message: String

  public init(file: String, line: Int? = nil, field: String? = nil, message: String) {
    self.file = file
    self.line = line
    self.field = field
    self.message = message
  }

  public var description: String {
    var text = file
    if let line { text += ":\(line)" }
    if let field { text += " field '\(field)'" }
    return "\(text): \(message)"
  }
}
