/// Where everything goes on a screen of a given size. Shared by `update` (scrolling, mouse)
/// and `render`, so both agree.
struct Layout {
    static let minimumRows = 6
    static let minimumColumns = 30
    /// The pane sits beside the list only when it gets this many columns and the list at least
    /// `listColumnsBeside`; otherwise it covers the list.
    static let paneColumnsBeside = 80
    static let listColumnsBeside = 60

    let rows: Int
    let columns: Int
    let detailOpen: Bool
    /// The pane is the whole screen: a record opened from a link has no list under it.
    let paneOnly: Bool
    /// Screen lines a list row takes: two for a search hit of the index, its matching line under it.
    let rowHeight: Int

    init(_ state: BrowserState) {
        rows = state.size.rows
        rowHeight = state.showsIndexHits ? 2 : 1
        columns = state.size.columns
        if let top = state.views.last {
            detailOpen = top.pane != nil
            paneOnly = top.isRecord
        } else {
            detailOpen = state.detail != nil
            paneOnly = false
        }
    }

    var isTooSmall: Bool { rows < Self.minimumRows || columns < Self.minimumColumns }

    var listTop: Int { 2 }
    var listHeight: Int { max(0, rows - 3) }
    var footerRow: Int { rows - 1 }
    /// How many list rows fit.
    var visibleRowCount: Int { max(1, listHeight / rowHeight) }

    var isSideBySide: Bool { detailOpen && !paneOnly && columns >= Self.paneColumnsBeside + Self.listColumnsBeside }

    /// The list's width: the whole screen, or what the pane leaves beside it.
    var listWidth: Int { isSideBySide ? columns - paneWidth : columns }

    var paneWidth: Int { isSideBySide ? max(Self.paneColumnsBeside, columns * 2 / 5) : columns }
    var paneLeft: Int { columns - paneWidth }
    var paneTop: Int { 1 }
    var paneHeight: Int { max(0, rows - 2) }

    /// The text area inside the pane's border and padding.
    var detailBodyWidth: Int { max(1, paneWidth - 4) }
    var detailBodyHeight: Int { max(1, paneHeight - 2) }

    func detailContains(row: Int, column: Int) -> Bool {
        detailOpen && row >= paneTop && row < paneTop + paneHeight && column >= paneLeft
    }

    /// The list row index under a screen position, if it is on a list row not under the pane.
    func rowIndex(atScreenRow row: Int, column: Int, scroll: Int) -> Int? {
        guard row >= listTop, row < listTop + listHeight, !detailContains(row: row, column: column) else { return nil }
        return scroll + (row - listTop) / rowHeight
    }
}
