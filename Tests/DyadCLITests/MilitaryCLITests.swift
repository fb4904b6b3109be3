import DyadTestSupport
import Foundation
import Testing

/// `dyad military` and `dyad allies`, end to end through the built binary.
@Suite("Military CLI", .serialized, .enabled(if: SharedData.isAvailable, "needs the shared datasets in ../shared/data (or DYAD_SHARED_DATA)"))
struct MilitaryCLITests {
  /// A store with ATOP, SIPRI transfers and the exercises imported, built once for the suite.
  static let imported: Result<(TemporaryFolder, String), any Error> = Result {
    let folder = try TemporaryFolder("dyad-military-cli")
    let store = folder.path("store.sqlite")
    for (name, data) in [("atop", "atop-alliances"), ("sipri-transfers", "sipri-arms-transfers"), ("exercises", "joint-exercises-russia")] {
      let result = try DyadBinary.run(["import", name, SharedData.folder(data).path], store: store)
      guard result.status == 0 else { throw CLIFailure(message: result.stderr) }
    }
    return (folder, store)
  }

  struct CLIFailure: Error { let message: String }

  /// Splits a CSV line with quoted fields.
  static func split(_ line: String) -> [String] {
    var fields: [String] = []
    var field = ""
    var quoted = false
    for c in line {
      if quoted {
        if c == "\"" { quoted = false } else { field.append(c) }
      } else if c == "\"" {
        quoted = true
      } else if c == "," {
        fields.append(field)
        field = ""
      } else {
        field.append(c)
      }
    }
    return fields + [field]
  }

  static func store() throws -> String { try imported.get().1 }

  @Test("dyad allies China Russia --year 2015: aligned partners, not treaty allies, with evidence and reference dyads")
  func alliesChinaRussia() throws {
    let result = try DyadBinary.run(["allies", "China", "Russia", "--year", "2015"], store: try Self.store())
    #expect(result.status == 0, "\(result.stderr)")
    let out = result.stdout
    #expect(out.hasPrefix("China–Russia in 2015: ALIGNED PARTNERS"))
    #expect(out.contains("[ ] R1 defence pact: none: ATOP codes no defence or offence obligation"))
    #expect(out.contains("Treaty of Good-Neighborliness and Friendly Cooperation"))
    #expect(out.contains("ATOP 4980; bilateral; from 2001-07-16; non-aggression, consultation"))
    #expect(out.contains("[x] R4 significant arms transfers: Russia supplied"))
    #expect(out.contains("United States–United Kingdom\ttreaty allies"))
    #expect(out.contains("United States–Japan\ttreaty allies"))
    #expect(out.contains("https://www.sipri.org/databases/armstransfers"))
  }

  @Test("dyad allies China 'Soviet Union' --year 1965 names the 1950 treaty; --json carries every rule")
  func alliesJSON() throws {
    let result = try DyadBinary.run(["allies", "China", "Soviet Union", "--year", "1965", "--json"], store: try Self.store())
    #expect(result.status == 0, "\(result.stderr)")
    let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Any]
    let verdict = json["verdict"] as! [String: Any]
    #expect(verdict["tie"] as? String == "treaty allies")
    #expect((verdict["rules"] as! [[String: Any]]).map { $0["rule"] as! [String: Any] }.map { $0["id"] as! String } == ["R1", "R2", "R3", "R4", "R5", "R6", "R7"])
    #expect((json["references"] as! [[String: Any]]).count == 2)
  }

  @Test("dyad military China Russia --csv: Russia → China TIV per year, declining from 2000 to 2023")
  func militaryCSV() throws {
    let result = try DyadBinary.run(
      ["military", "China", "Russia", "--from", "2000", "--to", "2023", "--csv"], store: try Self.store())
    #expect(result.status == 0, "\(result.stderr)")
    let lines = result.stdout.split(whereSeparator: \.isNewline).map(String.init)
    let header = lines[0].split(separator: ",").map(String.init)
    #expect(lines.count == 25)
    let year = header.firstIndex(of: "year")!, toA = header.firstIndex(of: "tiv_b_to_a")!
    var tiv: [Int: Double] = [:]
    for line in lines.dropFirst() {
      let fields = Self.split(line)
      #expect(fields.count == header.count)
      tiv[Int(fields[year])!] = Double(fields[toA])
    }
    #expect(tiv[2000] == 2205)
    #expect(tiv[2005] == 3066)
    #expect(tiv[2023] == 371.5)
    #expect(tiv[2023]! < tiv[2000]! / 5)
  }

  @Test("dyad military prints missing figures as – and says which import fills them")
  func militaryTable() throws {
    let fresh = try TemporaryFolder("dyad-military-fresh")
    let result = try DyadBinary.run(["military", "China", "Russia", "--from", "2014", "--to", "2016"], store: fresh.path("s.sqlite"))
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.split(separator: "\n").first?.hasPrefix("YEAR\tVERDICT\tPACT OBLIGATIONS\tCHN→RUS TIV") == true)
    #expect(result.stdout.contains("2015\taligned partners\tnon-aggression, consultation\t–"))
    #expect(!result.stdout.contains("Optional(") && !result.stdout.contains("nan"))
    let allies = try DyadBinary.run(["allies", "China", "Russia", "--year", "2015"], store: fresh.path("s.sqlite"))
    #expect(allies.stdout.contains("run `dyad import atop PATH`"))
  }

  @Test("bad arguments fail with one clear line")
  func errors() throws {
    let both = try DyadBinary.run(["military", "China", "Russia", "--json", "--csv"], store: try Self.store())
    #expect(both.status != 0 && both.stderr.contains("choose one of --json and --csv"))
    let inverted = try DyadBinary.run(["military", "China", "Russia", "--from", "2020", "--to", "2010"], store: try Self.store())
    #expect(inverted.status != 0 && inverted.stderr.contains("inverted"))
    let unknown = try DyadBinary.run(["allies", "China", "Atlantis"], store: try Self.store())
    #expect(unknown.status != 0 && unknown.stderr.contains("unknown state 'Atlantis'"))
  }
}
