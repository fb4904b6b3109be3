/// A store that cannot be opened or used, with what to do about it.
public struct StoreError: Error, Sendable, CustomStringConvertible {
  public let path: String
  public let message: String

  public init(path: String, message: String) {
    self.path = path
    self.message = message
  }

  public var description: String { "store \(path): \(message)" }
}
