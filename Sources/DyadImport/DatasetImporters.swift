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
      UNGAVotesImporter(), UNGAIdealPointsImporter(), UNSCVetoesImporter(), COWIGOImporter(),
      // Economic
      COWTradeImporter(), IMFDirectionOfTradeImporter(), COWGDPPopulationImporter(),
      // Military
      ATOPImporter(), SIPRITransfersImporter(), SIPRIMilexImporter(), NMCImporter(), ExercisesImporter(), MMEImporter(),
    ]
  }
}
