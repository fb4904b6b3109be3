import ArgumentParser

@main
struct DyadCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "dyad",
    abstract: "Answers questions about the ties between two countries, from open data, with sources.",
    discussion: """
      A and B accept any name or code Dyad knows: "China", "PRC", "Russian Federation", "Soviet Union", \
      ISO codes (CN, CHN), Correlates of War codes (710, cow:365), UN M49 (m49:643) or IMF codes (imf:922).

      Examples:
        dyad timeline China Russia --from 2013
        dyad facts China Russia --dimension military
        dyad states "Soviet Union"
        dyad import unga-votes ~/data/unga-votes
        dyad sync --dry-run
      """,
    version: "0.1.0",
    subcommands: [
      ReportCommand.self, StatesCommand.self, TimelineCommand.self, FactsCommand.self, SourcesCommand.self,
      DatasetsCommand.self, ImportCommand.self, SyncCommand.self,
      ServeCommand.self,
    ] + diplomaticCommands + economicCommands + militaryCommands
  )
}
