import DyadFast
import Foundation

/// What the standard streams are connected to.
enum Terminal {
  /// Whether standard output is a terminal (aligned tables) rather than a pipe (plain text).
  static var isInteractive: Bool { TerminalStreams.outputIsTerminal }
  /// Whether standard error is a terminal (progress lines).
  static var showsProgress: Bool { TerminalStreams.errorIsTerminal }

  /// The terminal's width in columns, or `nil` when not a terminal.
  static var width: Int? { TerminalStreams.outputColumns }

  static func writeError(_ text: String) {
    FileHandle.standardError.write(Data(text.utf8))
  }
}
