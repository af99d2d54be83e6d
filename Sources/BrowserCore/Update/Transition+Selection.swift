extension Transition {
    /// The conversations' selection, moved; the list scrolls just enough to show it.
    mutating func moveSelection(by delta: Int) {
        state.cursor.move(by: delta, rows: state.visibleRows.count, height: Layout(state).visibleRowCount)
    }

    mutating func select(row: Int) {
        state.cursor.select(row, rows: state.visibleRows.count, height: Layout(state).visibleRowCount)
    }

    mutating func clampSelection() {
        state.cursor.clamp(rows: state.visibleRows.count, height: Layout(state).visibleRowCount)
    }

    mutating func scrollDetail(by delta: Int) {
        guard state.detail != nil else { return }
        let layout = Layout(state)
        let lines = DetailContent.lines(for: state, width: layout.detailBodyWidth).count
        state.detail?.viewport.scroll(by: delta, lines: lines, height: layout.detailBodyHeight)
    }

    mutating func clampDetailScroll() {
        guard state.detail != nil else { return }
        scrollDetail(by: 0)
    }
}
