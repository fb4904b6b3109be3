/// Sizes, fonts and colours shared by every chart, so the charts of a report look alike.
enum ChartTheme {
  /// A system font stack: the platform's UI font, with common fallbacks.
  static let fontFamily =
    "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'Noto Sans', 'Liberation Sans', sans-serif"

  static let padding = 16.0

  static let titleSize = 16.0
  static let titleLineHeight = 20.0
  static let captionSize = 12.5
  static let captionLineHeight = 16.0
  static let legendSize = 12.0
  static let legendRowHeight = 18.0
  static let tickSize = 11.0
  static let unitsSize = 11.0
  static let footerSize = 11.0
  static let footerLineHeight = 14.0
  static let labelSize = 11.0

  static let textColor = "#1a1a1a"
  /// Secondary text (units, source, notes): #595959 has a 7:1 contrast ratio on white.
  static let secondaryTextColor = "#595959"
  static let axisColor = "#767676"
  static let gridColor = "#e3e3e3"
  static let referenceColor = "#595959"
  static let bandColor = "#9e9e9e"
  static let bandOpacity = "0.28"
  static let missingColor = "#595959"
  static let background = "#ffffff"
}
