/// The caption of a chart's data table: the title, with the units in parentheses.
enum ChartTableCaption {
  static func caption(_ info: ChartInfo) -> String {
    info.units.isEmpty ? info.title : info.title + " (" + info.units + ")"
  }
}
