import DyadCore

/// A backgrounder on the ties between two states: sections that each answer a question with
/// generated sentences, charts and tables, every figure footnoted to its source.
///
/// Build one with ``ReportBuilder``, then render it with ``HTMLReportRenderer`` or
/// ``MarkdownReportRenderer``, or encode it as JSON.
public struct Report: Sendable, Codable, Equatable {
  /// "China–Russia".
  public var title: String
  public var subtitle: String
  public var dyad: Dyad
  /// The two states' display names, in the order the user gave them.
  public var names: [String]
  public var years: YearRange
  /// The reference dyads the figures are compared with.
  public var comparisons: [String]
  /// The date the report was generated (`YYYY-MM-DD`).
  public var generated: String
  /// 3–5 findings, each pointing at the section that supports it.
  public var findings: [Paragraph]
  public var sections: [Section]
  /// Notes, numbered from 1 in order of first citation.
  public var notes: [Note]

  public init(
    title: String, subtitle: String, dyad: Dyad, names: [String], years: YearRange, comparisons: [String],
    generated: String, findings: [Paragraph], sections: [Section], notes: [Note]
  ) {
    self.title = title
    self.subtitle = subtitle
    self.dyad = dyad
    self.names = names
    self.years = years
    self.comparisons = comparisons
    self.generated = generated
    self.findings = findings
    self.sections = sections
    self.notes = notes
  }

  /// A section of the report, answering one question.
  public struct Section: Sendable, Codable, Equatable, Identifiable {
    /// A stable anchor: `allies`, `alignment`, `economy`, `military`, `limits`, `timeline`, `coverage`.
    public var id: String
    public var title: String
    /// The question the section answers.
    public var question: String
    public var blocks: [Block]
    /// How current the section's evidence is: each dataset it draws on, and its last year.
    public var evidence: [Evidence]

    public init(id: String, title: String, question: String, blocks: [Block], evidence: [Evidence] = []) {
      self.id = id
      self.title = title
      self.question = question
      self.evidence = evidence
      self.blocks = blocks
    }
  }

  /// How current one dataset's evidence is for a report: "UN General Assembly votes to 2019".
  public struct Evidence: Sendable, Codable, Equatable {
    /// The dataset's name (`unga-votes`).
    public var dataset: String
    /// What a sentence calls it.
    public var label: String
    /// The last year the store holds; `nil` when the store lacks the dataset.
    public var lastYear: Int?
    /// The release the store holds.
    public var release: String?
    /// The years between its last year and the report's last year (0: it reaches it).
    public var yearsShort: Int?

    public init(dataset: String, label: String, lastYear: Int?, release: String?, yearsShort: Int?) {
      (self.dataset, self.label, self.lastYear, self.release, self.yearsShort) =
        (dataset, label, lastYear, release, yearsShort)
    }

    /// "UN General Assembly votes to 2019 (7 years short)", "ATOP alliances: not in the store".
    public var text: String {
      guard let lastYear else { return "\(label): not in the store" }
      guard let yearsShort, yearsShort > 0 else { return "\(label) to \(lastYear)" }
      return "\(label) to \(lastYear) (\(yearsShort) year\(yearsShort == 1 ? "" : "s") short)"
    }
  }

  /// One piece of a section's content.
  public enum Block: Sendable, Codable, Equatable {
    case paragraph(Paragraph)
    case heading(String)
    /// A highlighted statement, such as the alliance verdict.
    case callout(title: String, body: Paragraph)
    case list([Paragraph])
    case figure(Figure)
    case table(Table)
    /// What is missing for this dyad and how to fill it.
    case gap(Gap)
  }

  /// Text with footnote references: "In 2019 they agreed on 79.1% of votes.[1]".
  public struct Paragraph: Sendable, Codable, Equatable {
    public var text: String
    /// Numbers of the notes the text cites, in ``Report/notes``.
    public var notes: [Int]
    public init(_ text: String, notes: [Int] = []) {
      self.text = text
      self.notes = notes
    }
  }

  /// A chart with the data behind it and its notes.
  public struct Figure: Sendable, Codable, Equatable {
    public var id: String
    public var title: String
    public var caption: String
    /// The chart as inline SVG.
    public var svg: String
    /// The data behind the chart.
    public var data: Table
    public var notes: [Int]
    public init(id: String, title: String, caption: String, svg: String, data: Table, notes: [Int]) {
      self.id = id
      self.title = title
      self.caption = caption
      self.svg = svg
      self.data = data
      self.notes = notes
    }
  }

  /// A table of figures; missing values are empty strings rendered as "–".
  public struct Table: Sendable, Codable, Equatable {
    public var caption: String
    public var columns: [String]
    public var rows: [[String]]
    public var notes: [Int]
    public init(caption: String, columns: [String], rows: [[String]], notes: [Int] = []) {
      self.caption = caption
      self.columns = columns
      self.rows = rows
      self.notes = notes
    }
  }

  /// Data a section lacks, and what would fill it.
  public struct Gap: Sendable, Codable, Equatable {
    public var what: String
    /// A command that fills it, such as `dyad import unga-votes PATH`.
    public var remedy: String
    public init(what: String, remedy: String) {
      self.what = what
      self.remedy = remedy
    }

    /// `what` as a sentence, ending with a full stop, so that the remedy after it reads apart.
    public var whatSentence: String { what.hasSuffix(".") ? what : what + "." }
  }

  /// A footnote: where a figure comes from.
  public struct Note: Sendable, Codable, Equatable {
    public var number: Int
    /// The dataset or document, e.g. "COW Trade 4.0" or "President of Russia (Kremlin)".
    public var source: String
    public var title: String
    /// The dataset version or publication date.
    public var version: String
    /// The table or indicator the figure was read from, if any.
    public var table: String?
    /// The years the figure covers, if any.
    public var years: String?
    public var url: String
    public init(number: Int, source: String, title: String, version: String, table: String?, years: String?, url: String) {
      self.number = number
      self.source = source
      self.title = title
      self.version = version
      self.table = table
      self.years = years
      self.url = url
    }
  }
}
