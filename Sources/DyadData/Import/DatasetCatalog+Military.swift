extension DatasetCatalog {
  /// Importers for the military datasets.
  static var militaryImporters: [any DatasetImporter] {
    [ATOPImporter(), SIPRITransfersImporter(), SIPRIMilexImporter(), NMCImporter(), ExercisesImporter()]
  }
}
