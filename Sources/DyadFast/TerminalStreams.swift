#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// What the standard streams are connected to: the platform calls behind the command line's
/// choice between aligned tables and plain text, and whether it shows progress.
package enum TerminalStreams {
  /// Whether standard output is a terminal rather than a pipe or a file.
  package static var outputIsTerminal: Bool { isatty(STDOUT_FILENO) == 1 }
  /// Whether standard error is a terminal.
  package static var errorIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }

  /// The width of the terminal on standard output in columns, or `nil` when it is none.
  package static var outputColumns: Int? {
    guard outputIsTerminal else { return nil }
    var size = winsize()
    guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
    return Int(size.ws_col)
  }
}
