extension DatasetCatalog {
  /// Importers for the economic datasets.
  static var economicImporters: [any DatasetImporter] {
    [COWTradeImporter(), IMFDirectionOfTradeImporter(), COWGDPPopulationImporter()]
  }
}
