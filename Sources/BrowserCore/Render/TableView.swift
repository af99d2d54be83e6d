import TavusAPI

/// The table of a resource view, drawn from its kind's columns: the columns that fit the
/// width, the flexible one taking what they leave, the selection marked.
enum TableView {
    /// The columns shown at a width, with the width each gets.
    static func fitted(_ columns: [ResourceDescriptor.Column], width: Int) -> [(index: Int, column: ResourceDescriptor.Column, width: Int)] {
        let shown = columns.enumerated().filter { width >= $0.element.shownFrom }
        let fixed = shown.reduce(1) { $0 + ($1.element.width > 0 ? $1.element.width + 1 : 1) }
        let flexible = max(10, width - fixed)
        return shown.map { (index: $0.offset, column: $0.element, width: $0.element.width > 0 ? $0.element.width : flexible) }
    }

    static func draw(_ screen: ResourceScreen, names: NameDirectory.Names, isLoading: Bool, layout: Layout, into frame: inout Frame) {
        let width = layout.listWidth
        let columns = fitted(screen.descriptor.columns, width: width)
        let headings = " " + columns.map { TerminalText.fit($0.column.title, to: $0.width) }.joined(separator: " ")
        frame.put(TerminalText.fit(headings, to: width), row: 1, column: 0, style: .columnHeader, limit: width)

        let rows = screen.rows
        guard !rows.isEmpty else {
            let title = screen.descriptor.title
            let text = screen.page == nil || screen.page?.filter != screen.filter
                ? (isLoading ? "Loading \(title)…" : "No \(title) loaded")
                : screen.filter == "all" ? "No \(title) yet" : "No \(screen.filter) \(title)"
            let row = layout.listTop + max(0, layout.listHeight / 2 - 1)
            let cut = TerminalText.truncate(text, to: width - 2)
            frame.put(cut, row: row, column: max(1, (width - TerminalText.width(cut)) / 2), style: .dim)
            return
        }
        for line in 0..<layout.listHeight {
            let index = screen.scroll + line
            guard index < rows.count else { break }
            let selected = index == screen.selection
            let row = layout.listTop + line
            let base: Style = selected ? .selected : .normal
            frame.clear(row: row, column: 0, height: 1, width: width, style: base)
            frame.put(selected ? "▶" : " ", row: row, column: 0, style: base)
            var column = 1
            for fitted in columns {
                let cell = rows[index].cells.indices.contains(fitted.index) ? rows[index].cells[fitted.index] : .text("")
                let (text, style) = CellText.show(cell, names: names)
                frame.put(TerminalText.truncate(text, to: fitted.width), row: row, column: column,
                          style: selected ? .selected : style, limit: fitted.width)
                column += fitted.width + 1
            }
        }
    }
}

/// How a cell reads and looks, in the table and the pane alike.
enum CellText {
    static func show(_ cell: ResourceCell, names: NameDirectory.Names) -> (String, Style) {
        switch cell {
        case .text(let text):
            let clean = TerminalText.sanitize(text)
            return clean.isEmpty ? ("—", .dim) : (clean, .normal)
        case .replica(let id):
            guard let id, !id.isEmpty else { return ("—", .dim) }
            if let name = names.replicas[id], !name.isEmpty { return (TerminalText.sanitize(name), .normal) }
            return (TerminalText.sanitize(id), .dim)
        case .state(let text, let isFailure):
            let clean = TerminalText.sanitize(text)
            return clean.isEmpty ? ("—", .dim) : (clean, isFailure ? .error : .normal)
        case .time(let timestamp):
            let text = TerminalText.sanitize(timestamp.shortUTC)
            return text.isEmpty ? ("—", .dim) : (text, .dim)
        case .link(let url):
            let clean = TerminalText.sanitize(url ?? "")
            return clean.isEmpty ? ("—", .dim) : (clean, .link)
        }
    }
}
