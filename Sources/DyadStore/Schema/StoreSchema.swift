/// Every table of the store, by the record type that owns it. The schema test checks that the
/// migrations create exactly these tables (besides views) with exactly these columns, so a
/// migration, a record and the importers that write it cannot drift apart.
public enum StoreSchema {
  /// The record types, one per table.
  public static let records: [any StoreRecord.Type] = [
    StateRow.self, SourceRow.self, DatasetRow.self, DatasetFileRow.self, ObservationRow.self, EventRow.self,
    EventStateRow.self,
    TreatyRow.self, TreatyStateRow.self, MembershipRow.self, ExerciseRow.self, ExerciseStateRow.self,
    ReportedTradeRow.self, CuratedVetoRow.self, OfficialTallyRow.self,
    UNGARollCallRow.self, UNGARollCallIssueRow.self, UNGAVoteYearRow.self, UNGAVoterRow.self,
    UNGASimilarityDyadRow.self,
    UNGASimilarityYearRow.self, UNGAIdealPointRow.self, UNSCVetoRow.self, UNSCVetoMemberRow.self,
    UNSCResolutionRow.self,
    UNSCVoteRow.self, COWIGODyadYearRow.self,
    COWIGOStateYearRow.self,
    COWTradeRow.self, IMFDOTSRow.self, IMFExportRow.self, IMFExportTableRow.self, GDPPopulationRow.self,
    ATOPAllianceRow.self, ATOPMemberRow.self, ATOPDyadYearRow.self, ArmsDeliveryRow.self,
    ArmsDealRow.self, ArmsDealYearRow.self, MMEExerciseRow.self, MMEOtherParticipantRow.self,
    ConflictCoverageRow.self, MIDDyadYearRow.self, WarDyadYearRow.self, RivalryRow.self, UCDPConflictSideRow.self,
    ContiguityRow.self, CapitalRow.self,
    PoliticsCoverageRow.self, RegimeMeasureRow.self, FreedomHouseRow.self, LeaderSpellRow.self, PopulationAgeRow.self,
    MedianAgeRow.self,
  ]

  /// The tables several datasets write, whose rows are told by their `dataset` column: an import
  /// replaces only its own dataset's rows there.
  public static let sharedRecords: [any StoreRecord.Type] = [
    ObservationRow.self, EventRow.self, ExerciseRow.self, UNGARollCallRow.self, UNGARollCallIssueRow.self,
    UNGAVoteYearRow.self, UNGAVoterRow.self, UNGASimilarityDyadRow.self, UNGASimilarityYearRow.self,
    LeaderSpellRow.self,
  ]

  /// Columns a table has that its record does not write: filled by the store (`source.id`, an
  /// integer primary key) or left for later (`source.retrieved`).
  public static let storeFilledColumns: [String: Set<String>] = ["source": ["id", "retrieved"]]

  /// The SQL names of a record's table and columns.
  public static func columns(of record: any StoreRecord.Type) -> (table: String, columns: [String]) {
    func open<R: StoreRecord>(_ type: R.Type) -> (String, [String]) { (R.tableName, R.Column.names) }
    return open(record)
  }
}
