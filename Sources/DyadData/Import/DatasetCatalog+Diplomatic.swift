extension DatasetCatalog {
  /// Importers for the diplomatic datasets.
  static var diplomaticImporters: [any DatasetImporter] {
    [UNGAVotesImporter(), UNGAIdealPointsImporter(), UNSCVetoesImporter(), COWIGOImporter()]
  }
}
