import GRDB

extension StoreMigrations {
  /// The diplomatic tables.
  @Sendable static func diplomatic(_ db: Database) throws {
  }
}
