#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
import Foundation

/// What the standard streams are connected to.
enum Terminal {
  /// Whether standard output is a terminal (aligned tables) rather than a pipe (plain text).
  static var isInteractive: Bool { isatty(STDOUT_FILENO) == 1 }
  /// Whether standard error is a terminal (progress lines).
  static var showsProgress: Bool { isatty(STDERR_FILENO) == 1 }

  /// The terminal's width in columns, or `nil` when not a terminal.
  static var width: Int? {
    guard isInteractive else { return nil }
    var size = winsize()
    guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
    return Int(size.ws_col)
  }

  static func writeError(_ text: String) {
    FileHandle.standardError.write(Data(text.utf8))
  }
}
