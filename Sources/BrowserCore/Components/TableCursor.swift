/// A table's place, as a component: the selected row and the first row shown, kept in bounds
/// whatever the rows and the screen's height do. The conversations and every resource list
/// move through the same one.
public struct TableCursor: Sendable, Hashable {
    public private(set) var selection = 0
    /// The first row shown.
    public private(set) var scroll = 0

    public init() {}

    /// Back to the first row, as a new page or search starts.
    public mutating func reset() {
        self = TableCursor()
    }

    /// The selection moved by `delta` rows, stopping at either end; nothing when there are none.
    public mutating func move(by delta: Int, rows: Int, height: Int) {
        guard rows > 0 else { return }
        let (moved, overflow) = selection.addingReportingOverflow(delta)
        select(overflow ? (delta > 0 ? Int.max : Int.min) : moved, rows: rows, height: height)
    }

    /// Row `row` selected (bounded), and scrolled into view.
    public mutating func select(_ row: Int, rows: Int, height: Int) {
        selection = rows == 0 ? 0 : min(rows - 1, max(0, row))
        keepVisible(rows: rows, height: height)
    }

    /// The selection and scroll brought back within `rows` (after a page came, or a resize).
    public mutating func clamp(rows: Int, height: Int) {
        select(selection, rows: rows, height: height)
    }

    /// Scrolls just enough that the selected row is among the `height` shown, and no further
    /// than the last row allows.
    private mutating func keepVisible(rows: Int, height: Int) {
        let height = max(1, height)
        if selection < scroll { scroll = selection }
        if selection >= scroll + height { scroll = selection - height + 1 }
        scroll = max(0, min(scroll, max(0, rows - height)))
    }
}
