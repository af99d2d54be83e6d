/// The detail pane: beside the list on a wide screen, over it on a narrow one.
enum DetailView {
    static func draw(_ state: BrowserState, layout: Layout, into frame: inout Frame) {
        guard let detail = state.detail else { return }
        let lines = DetailContent.lines(for: state, width: layout.detailBodyWidth)
        let scroll = min(detail.scroll, max(0, lines.count - layout.detailBodyHeight))
        let more = lines.count > layout.detailBodyHeight
            ? "  \(scroll + 1)-\(min(lines.count, scroll + layout.detailBodyHeight))/\(lines.count)" : ""
        BoxDrawing.draw(into: &frame, top: layout.paneTop, left: layout.paneLeft, height: layout.paneHeight,
                        width: layout.paneWidth, title: "Conversation" + more,
                        captions: ["o open", "y copy URL", "Y copy id", "E end", "Esc close"])
        for index in 0..<layout.detailBodyHeight {
            let lineIndex = scroll + index
            guard lineIndex < lines.count else { break }
            var column = layout.paneLeft + 2
            let limit = layout.paneLeft + 2 + layout.detailBodyWidth
            for piece in lines[lineIndex].pieces {
                column = frame.put(piece.text, row: layout.paneTop + 1 + index, column: column, style: piece.style, limit: max(0, limit - column))
            }
        }
    }
}
