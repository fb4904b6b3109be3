import DyadAnalysis
import DyadCore
import GRDB

extension Store {
  /// The years and sources of the parts of a multi-part dataset, from its coverage table; a part
  /// not in the table is not in the store (every year unknown).
  static func partCoverage<Part: DatasetPart, Table: PartCoverageTable>(
    of part: Part.Type, in table: Table.Type, dataset: String, _ db: Database
  ) throws -> (coverage: [Part: YearRange], sources: [Part: Source]) {
    let licence = DatasetCatalog.info(named: dataset)?.licence
    var coverage: [Part: YearRange] = [:], sources: [Part: Source] = [:]
    for row in try Row.fetchAll(db, sql: "SELECT * FROM \(Table.tableName)") {
      guard let part = Part(rawValue: row["dataset"]),
        let years = try? YearRange(from: row["coverage_from"], to: row["coverage_to"])
      else { continue }
      coverage[part] = years
      sources[part] = Source(
        publisher: part.publisher, title: row["version"], date: "\(years)", url: part.url, licence: licence)
    }
    return (coverage, sources)
  }
}
