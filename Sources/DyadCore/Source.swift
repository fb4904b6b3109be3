/// Where a figure or fact comes from: a dataset release or a published document.
public struct Source: Hashable, Sendable, Codable {
  public let publisher: String
  public let title: String
  /// Publication date as given by the source: `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
  public let date: String
  public let url: String
  public let licence: String?

  public init(publisher: String, title: String, date: String, url: String, licence: String? = nil) {
    self.publisher = publisher
    self.title = title
    self.date = date
    self.url = url
    self.licence = licence
  }

  /// A stable key for the source, its URL with the title (two documents can share a landing page).
  public var key: String { "\(url)#\(title)" }

  /// "Publisher, Title (date)".
  public var citation: String { "\(publisher), \(title) (\(date))" }
}
