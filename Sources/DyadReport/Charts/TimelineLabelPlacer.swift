/// A label placed next to a timeline dot.
struct TimelineLabel: Sendable, Hashable {
  /// The index of the event in the timeline's sorted events.
  var event: Int
  var text: String
  /// The label's box (the text fits inside it).
  var box: ChartRect
  /// The row above the dot line, 0 nearest the dots.
  var row: Int
  /// Whether the text extends left of the dot (anchored at its end).
  var extendsLeft: Bool
  /// The leader from the dot up to the label: x and its vertical extent.
  var leaderX: Double
  var leaderTop: Double
  var leaderBottom: Double

  /// The text's baseline.
  var baseline: Double { box.maxY - 3 }
  /// Where the text starts (or ends, when it extends left).
  var textX: Double { extendsLeft ? box.maxX : box.minX }
}

/// Places timeline labels so that no two labels overlap and no leader crosses a label: greedily,
/// by priority then date, right of the dot in the first free row (nearest the dots first), else
/// left of it in the first free row. Deterministic: the same input always gives the same placement.
enum TimelineLabelPlacer {
  struct Item {
    /// The event's index in the sorted events (also the tie-breaker after priority).
    var event: Int
    var priority: Int
    var text: String
    var textWidth: Double
    var x: Double
    /// The y of the lane's dot line.
    var dotY: Double
  }

  static let rowHeight = 15.0
  static let boxHeight = 13.0
  static let dotRadius = 4.5
  /// The gap between a dot's leader and the start of its text.
  static let textOffset = 4.0
  /// The least horizontal room between two labels.
  static let spacing = 6.0

  /// The box of a label in `row` above a dot line at `dotY`.
  static func rowBox(row: Int, dotY: Double) -> (top: Double, bottom: Double) {
    let bottom = dotY - 6 - Double(row) * rowHeight
    return (bottom - boxHeight, bottom)
  }

  /// The labels placed, by event; `nil` for events whose label fits nowhere.
  static func place(_ items: [Item], rows: Int, minX: Double, maxX: Double) -> [Int: TimelineLabel] {
    let order = items.sorted { ($1.priority, $0.event) < ($0.priority, $1.event) }
    var placed: [TimelineLabel] = []
    var result: [Int: TimelineLabel] = [:]
    for item in order {
      guard item.textWidth > 0 else { continue }
      search: for extendsLeft in [false, true] {
        for row in 0..<max(0, rows) {
          let (top, bottom) = rowBox(row: row, dotY: item.dotY)
          let width = textOffset + item.textWidth
          let box = ChartRect(x: extendsLeft ? item.x - width : item.x, y: top, width: width, height: boxHeight)
          guard box.minX >= minX, box.maxX <= maxX else { continue }
          let label = TimelineLabel(
            event: item.event, text: item.text, box: box, row: row, extendsLeft: extendsLeft, leaderX: item.x,
            leaderTop: bottom, leaderBottom: item.dotY - dotRadius)
          if placed.allSatisfy({ !conflict(label, $0) }) {
            placed.append(label)
            result[item.event] = label
            break search
          }
        }
      }
    }
    return result
  }

  /// Whether two labels overlap, or the leader of one crosses the other's box.
  static func conflict(_ a: TimelineLabel, _ b: TimelineLabel) -> Bool {
    let spaced = a.box.insetBy(dx: -spacing / 2, dy: 0)
    if spaced.intersects(b.box.insetBy(dx: -spacing / 2, dy: 0)) { return true }
    return crosses(leaderOf: a, box: b.box) || crosses(leaderOf: b, box: a.box)
  }

  /// Whether a label's leader passes through a box (with a little room either side).
  static func crosses(leaderOf label: TimelineLabel, box: ChartRect) -> Bool {
    guard label.leaderBottom > label.leaderTop else { return false }
    return label.leaderX >= box.minX - 2 && label.leaderX <= box.maxX + 2 && label.leaderTop < box.maxY
      && box.minY < label.leaderBottom
  }
}
