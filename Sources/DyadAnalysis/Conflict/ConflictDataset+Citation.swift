import DyadCore

extension ConflictDataset {
  /// Who publishes the dataset (the original, which figures cite beside `{peacesciencer}`).
  public var publisher: String {
    switch self {
    case .cowMID, .cowWar, .contiguity: "Correlates of War Project"
    case .gmlMID: "Gibler, Miller & Little"
    case .tssRivalries: "Thompson, Sakuwa & Suhas"
    case .tdRivalries: "Thompson & Dreyer"
    case .ucdp: "Uppsala Conflict Data Program and PRIO"
    case .capitals: "S. Miller, peacesciencer"
    }
  }

  /// The publisher's page for the dataset.
  public var url: String {
    switch self {
    case .cowMID: "https://correlatesofwar.org/data-sets/mids/"
    case .gmlMID: "https://dmgibler.people.ua.edu/mid-data.html"
    case .cowWar: "https://correlatesofwar.org/data-sets/cow-war/"
    case .tssRivalries, .tdRivalries, .capitals: "http://svmiller.com/peacesciencer/"
    case .ucdp: "https://ucdp.uu.se/downloads/"
    case .contiguity: "https://correlatesofwar.org/data-sets/direct-contiguity/"
    }
  }

  /// What a sentence calls the dataset: "COW MIDs", "UCDP armed conflicts".
  public var label: String {
    switch self {
    case .cowMID: "COW MIDs"
    case .gmlMID: "GML MIDs"
    case .cowWar: "COW interstate wars"
    case .tssRivalries: "TSS rivalries"
    case .tdRivalries: "Thompson–Dreyer rivalries"
    case .ucdp: "UCDP armed conflicts"
    case .contiguity: "COW contiguity"
    case .capitals: "capitals"
    }
  }
}
