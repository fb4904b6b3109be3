import DyadCore

/// A military figure: Dyad's one ``Figure`` type, with its source and a note.
public typealias MilitaryMeasure = Figure
