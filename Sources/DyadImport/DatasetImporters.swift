import DyadCore
import DyadData
import DyadFast
import DyadStore

extension DatasetCatalog {
  /// The importers, by dataset name.
  public static let importers: [String: any DatasetImporter] = Dictionary(
    uniqueKeysWithValues: registeredImporters.map { ($0.info.name, $0) })

  /// The importers that exist, by dimension.
  static var registeredImporters: [any DatasetImporter] {
    [
      // Diplomatic
      UNGAVotesImporter(), UNDigitalLibraryImporter(), UNGAIdealPointsImporter(), UNSCVetoesImporter(), COWIGOImporter(),
      // Economic
      COWTradeImporter(), IMFDirectionOfTradeImporter(), IMFExportTablesImporter(), COWGDPPopulationImporter(),
      // Military
      ATOPImporter(), SIPRITransfersImporter(), SIPRIMilexImporter(), NMCImporter(), ExercisesImporter(), MMEImporter(),
      // Conflict
      ConflictImporter(),
      // Political systems and demography
      PoliticsImporter(),
    ]
  }
}
