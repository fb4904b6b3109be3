import DyadAnalysis
import DyadCore
import DyadStore
import Foundation
import Testing

/// Merging the imported veto list with Dyad's curated vetoes, without the shared datasets.
@Suite("Veto merge")
struct VetoMergeTests {
  let source = Source(publisher: "United Nations", title: "Meetings coverage", date: "2022-09-30", url: "https://press.un.org/")

  func day(_ text: String) -> Day { try! Day(parsing: text) }

  func curated(_ date: String, _ draft: String, _ vetoers: [StateID]) -> CuratedVeto {
    CuratedVeto(
      date: day(date), draft: draft, meetingRecord: "", agendaItem: "Item", topic: "Topic", region: "General",
      vetoers: vetoers, description: "", source: source)
  }

  @Test("a curated veto the imported list already holds (same date and draft) is counted once")
  func duplicateCountedOnce() {
    let imported = [
      Veto(id: 1, date: day("2022-07-08"), draft: "S/2022/538", meetingRecords: ["S/PV.9087"], agendaItem: "Syria",
        topic: "Syria", region: "Middle East", vetoers: ["RUS"])
    ]
    let merged = Store.merge(
      imported: imported,
      curated: [curated("2022-07-08", "S/2022/538", ["RUS"]), curated("2022-09-30", "", ["RUS"])])
    #expect(merged.count == 2)
    #expect(!merged[0].isCurated && merged[1].isCurated)
    #expect(merged.map(\.id) == [1, 2])
    #expect(merged[1].reference == "draft symbol unverified")
    #expect(merged[1].source == source)
  }

  @Test("the note says where the imported list ends and how far the curated vetoes go")
  func notes() {
    let notes = Store.vetoNotes(lastCurated: day("2025-09-18"))
    #expect(notes[0].contains("ends on 15 September 2022"))
    #expect(notes[0].contains("continue it to 18 September 2025"))
    #expect(Store.vetoNotes(lastCurated: nil)[0].contains("later vetoes"))
  }
}
