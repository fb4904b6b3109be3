import GRDB

extension StoreMigrations {
  /// The military tables.
  @Sendable static func military(_ db: Database) throws {
  }
}
