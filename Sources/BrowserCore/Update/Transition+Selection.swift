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
        guard let detail = state.detail else { return }
        let maxScroll = maxDetailScroll()
        state.detail?.scroll = min(maxScroll, max(0, detail.scroll &+ delta))
    }

    mutating func clampDetailScroll() {
        guard state.detail != nil else { return }
        scrollDetail(by: 0)
    }

    func maxDetailScroll() -> Int {
        let layout = Layout(state)
        let lines = DetailContent.lines(for: state, width: layout.detailBodyWidth).count
        return max(0, lines - layout.detailBodyHeight)
    }
}
