import TavusAPI

/// The top line: what is shown (source, filter, page, total) and the help key.
enum HeaderView {
    static func draw(_ state: BrowserState, into frame: inout Frame) {
        let width = frame.columns
        frame.clear(row: 0, column: 0, height: 1, width: width, style: .header)
        // Without a page of this filter yet, or without the server's count, the page count is unknown.
        let known = state.page.map { $0.status == state.filter && $0.totalIsExact } ?? false
        let pageText = known ? "page \(state.pageNumber)/\(state.pageCount)" : "page \(state.pageNumber)"
        let total = state.page.map { page in
            page.status != state.filter ? "" : page.totalIsExact ? "\(page.totalCount) total" : "total unknown"
        } ?? ""
        let source = state.options.isDemo ? "DEMO" : TerminalText.sanitize(state.options.sourceLabel)
        let help = "? help"

        let full = [" Tavus conversations", source, "filter: \(state.filter.rawValue)", pageText, total].filter { !$0.isEmpty }
        let compact = [" Tavus", state.options.isDemo ? "DEMO" : "", state.filter.rawValue, pageText, total].filter { !$0.isEmpty }
        var segments = full
        if TerminalText.width(full.joined(separator: "  ")) + help.count + 2 > width { segments = compact }
        var column = 0
        for (index, segment) in segments.enumerated() {
            let style: Style = segment == "DEMO" ? .headerAccent : .header
            column = frame.put(segment, row: 0, column: column, style: style, limit: width - column)
            column = frame.put("  ", row: 0, column: column, style: .header, limit: width - column)
        }
        if column + help.count + 1 <= width {
            frame.put(help, row: 0, column: width - help.count - 1, style: .header)
        }
    }
}
