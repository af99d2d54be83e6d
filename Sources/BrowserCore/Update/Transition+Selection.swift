extension Transition {
    mutating func moveSelection(by delta: Int) {
        let count = state.visibleRows.count
        guard count > 0 else { return }
        state.selection = min(count - 1, max(0, state.selection + delta))
        keepSelectionVisible()
    }

    mutating func clampSelection() {
        let count = state.visibleRows.count
        state.selection = count == 0 ? 0 : min(count - 1, max(0, state.selection))
        keepSelectionVisible()
    }

    /// Scrolls the list just enough that the selected row is on screen.
    mutating func keepSelectionVisible() {
        let height = Layout(state).visibleRowCount
        let count = state.visibleRows.count
        if state.selection < state.scroll { state.scroll = state.selection }
        if state.selection >= state.scroll + height { state.scroll = state.selection - height + 1 }
        state.scroll = max(0, min(state.scroll, max(0, count - height)))
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
