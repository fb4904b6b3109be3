import GRDB

extension StoreMigrations {
  /// The economic tables.
  @Sendable static func economic(_ db: Database) throws {
  }
}
