/// The detail pane: beside the list on a wide screen, over it on a narrow one. The same box
/// shows a conversation and a persona or replica; only the lines and captions differ.
enum DetailView {
    static func draw(_ state: BrowserState, layout: Layout, into frame: inout Frame) {
        if let screen = state.views.last {
            guard let pane = screen.pane else { return }
            let lines = ResourcePaneContent.lines(for: pane, kind: screen.kind, names: state.names, width: layout.detailBodyWidth)
            let descriptor = screen.descriptor
            var captions = descriptor.urlName == nil ? [] : ["o open", "y copy URL"]
            if pane.row?.links.isEmpty == false { captions.append("Tab ⏎ links") }
            captions += ["Y copy id", "Esc back"]
            drawBox(lines, scroll: pane.scroll, title: descriptor.paneTitle, captions: captions, layout: layout, into: &frame)
            return
        }
        guard let detail = state.detail else { return }
        let lines = DetailContent.lines(for: state, width: layout.detailBodyWidth)
        drawBox(lines, scroll: detail.scroll, title: "Conversation",
                captions: ["o open", "y copy URL", "P persona", "R replica", "E end", "Esc close"], layout: layout, into: &frame)
    }

    private static func drawBox(_ lines: [StyledLine], scroll: Int, title: String, captions: [String], layout: Layout, into frame: inout Frame) {
        let scroll = min(scroll, max(0, lines.count - layout.detailBodyHeight))
        let more = lines.count > layout.detailBodyHeight
            ? "  \(scroll + 1)-\(min(lines.count, scroll + layout.detailBodyHeight))/\(lines.count)" : ""
        BoxDrawing.draw(into: &frame, top: layout.paneTop, left: layout.paneLeft, height: layout.paneHeight,
                        width: layout.paneWidth, title: title + more, captions: captions)
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
