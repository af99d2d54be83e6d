/// Draws the whole screen for a state. Pure: the same state always gives the same frame.
public func render(_ state: BrowserState) -> Frame {
    var frame = Frame(rows: state.size.rows, columns: state.size.columns)
    let layout = Layout(state)
    if layout.isTooSmall {
        TooSmallView.draw(into: &frame, size: state.size)
        return frame
    }
    HeaderView.draw(state, into: &frame)
    if let screen = state.views.last {
        if !screen.isRecord { TableView.draw(screen, names: state.names, isLoading: screen.loading != nil, layout: layout, into: &frame) }
    } else {
        ListView.draw(state, layout: layout, into: &frame)
    }
    if layout.detailOpen { DetailView.draw(state, layout: layout, into: &frame) }
    FooterView.draw(state, into: &frame)
    if state.showHelp { HelpView.draw(state, into: &frame) }
    return frame
}

enum TooSmallView {
    static func draw(into frame: inout Frame, size: TerminalSize) {
        let lines = [frame.columns >= 18 ? "Terminal too small" : "Too small", "\(size.columns)×\(size.rows); need \(Layout.minimumColumns)×\(Layout.minimumRows)", "q quits"]
        for (row, line) in lines.enumerated() where row < frame.rows {
            frame.put(TerminalText.truncate(line, to: frame.columns), row: row, column: 0, style: row == 0 ? .warning : .dim)
        }
    }
}
