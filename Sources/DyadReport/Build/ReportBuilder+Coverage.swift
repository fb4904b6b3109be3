import DyadCore
import DyadStore

extension ReportBuilder {
  /// Data coverage and sources: each dataset's coverage and licence, whether the store holds it,
  /// and for a missing one, how to get it.
  func coverageSection(_ context: inout Context) -> Report.Section {
    var blocks: [Report.Block] = []
    blocks.append(
      .paragraph(
        Report.Paragraph(
          "Every figure in this report is computed from the datasets below or taken from Dyad's curated facts, each of which cites its own source in the notes. Missing values are shown as missing (–), never as zero."
        )))
    var rows: [[String]] = []
    if let curated = context.datasets[Store.curatedDataset] {
      rows.append([
        "Dyad curated facts", "built-in", curated.coverage?.description ?? "", "in store (\(curated.rowCount) rows)",
        "each row cites its source", "",
      ])
    }
    for info in DatasetCatalog.all {
      let stored = context.datasets[info.name]
      let status =
        stored.map { "in store (\($0.rowCount) rows, imported \($0.importedAt.prefix(10)))" } ?? "not imported"
      let command =
        info.downloads.isEmpty
        ? "dyad import \(info.name) \(info.files.count == 1 ? info.files[0] : "FOLDER")" : "dyad sync \(info.name)"
      let remedy = stored == nil ? command : ""
      rows.append([
        "\(info.title)", stored?.release ?? info.version, stored?.coverage?.description ?? info.coverage, status,
        info.licence,
        remedy,
      ])
    }
    blocks.append(
      .table(
        Report.Table(
          caption: "Datasets", columns: ["Dataset", "Version", "Coverage", "Status", "Licence", "To import"], rows: rows
        )))
    if !context.missing.isEmpty {
      let list = context.missing.compactMap { DatasetCatalog.info(named: $0) }.map { "\($0.title) (\($0.url))" }
      blocks.append(
        .paragraph(
          Report.Paragraph(
            "Sections above are thinner than they could be because the store lacks: \(list.joined(separator: "; ")). Obtain each from its publisher and run the import command shown."
          )))
    }
    blocks.append(
      .paragraph(
        Report.Paragraph(
          "Known limits of the data: UN General Assembly votes in the Voeten data end in 2019, and the UN Digital Library's records (adopted resolutions only) have no roll calls for 2022–2024 in the files Dyad reads; the Security Council veto list ends in September 2022; COW trade ends in 2014, the IMF exports tables in 2020, and IMF figures for Russia from 2022 rest on estimates; ATOP alliance data end in 2018; SIPRI gives transfers by year from 2000 only (earlier years, from 1950, are Dyad's estimates from its deal register); the joint-exercise dataset is a partial sample (2009–2018)."
        )))
    return Report.Section(
      id: "coverage", title: "Data coverage and sources",
      question: "What is this report built on, and what is missing?",
      blocks: blocks)
  }
}
