import TavusModels

/// The one table renderer: headings, rows of styled cells cut to their columns, the selection
/// marked. A resource view's columns come from its kind's registry entry (those that fit the
/// width, the flexible one taking what they leave); the conversations' from `ListView`.
enum TableView {
    /// The columns shown at a width, with the width each gets.
    static func fitted(_ columns: [ResourceDescriptor.Column], width: Int) -> [(index: Int, column: ResourceDescriptor.Column, width: Int)] {
        let shown = columns.enumerated().filter { width >= $0.element.shownFrom }
        let fixed = shown.reduce(1) { $0 + ($1.element.width > 0 ? $1.element.width + 1 : 1) }
        let flexible = max(10, width - fixed)
        return shown.map { (index: $0.offset, column: $0.element, width: $0.element.width > 0 ? $0.element.width : flexible) }
    }

    static func draw(_ screen: ResourceScreen, names: KnownNames, isLoading: Bool, layout: Layout, into frame: inout Frame) {
        let width = layout.listWidth
        let columns = fitted(screen.descriptor.columns, width: width)
        drawHeadings(columns.map { ($0.column.title, $0.width) }, width: width, into: &frame)

        let rows = screen.rows
        guard !rows.isEmpty else {
            let title = screen.descriptor.title
            let text = screen.page == nil || screen.page?.filter != screen.filter
                ? (isLoading ? "Loading \(title)…" : "No \(title) loaded")
                : screen.filter == "all" ? "No \(title) yet" : "No \(screen.filter) \(title)"
            drawEmpty(text, layout: layout, into: &frame)
            return
        }
        for line in 0..<layout.listHeight {
            let index = screen.scroll + line
            guard index < rows.count else { break }
            let cells = columns.map { fitted in
                rows[index].cells.indices.contains(fitted.index) ? CellText.show(rows[index].cells[fitted.index], names: names) : ("", .normal)
            }
            drawRow(cells, widths: columns.map(\.width), selected: index == screen.selection, row: layout.listTop + line,
                    width: width, into: &frame)
        }
    }

    /// The column headings on the row under the header.
    static func drawHeadings(_ columns: [(title: String, width: Int)], width: Int, into frame: inout Frame) {
        let headings = " " + columns.map { TerminalText.fit($0.title, to: $0.width) }.joined(separator: " ")
        frame.put(TerminalText.fit(headings, to: width), row: 1, column: 0, style: .columnHeader, limit: width)
    }

    /// One row: its cells cut to their columns, one space apart, after the selection mark.
    static func drawRow(_ cells: [(text: String, style: Style)], widths: [Int], selected: Bool, row: Int, width: Int, into frame: inout Frame) {
        let base: Style = selected ? .selected : .normal
        frame.clear(row: row, column: 0, height: 1, width: width, style: base)
        frame.put(selected ? "▶" : " ", row: row, column: 0, style: base)
        var column = 1
        for (cell, cellWidth) in zip(cells, widths) {
            frame.put(TerminalText.truncate(cell.text, to: cellWidth), row: row, column: column,
                      style: selected ? .selected : cell.style, limit: cellWidth)
            column += cellWidth + 1
        }
    }

    /// A line in the middle of an empty list saying why it is empty.
    static func drawEmpty(_ text: String, layout: Layout, into frame: inout Frame) {
        let row = layout.listTop + max(0, layout.listHeight / 2 - 1)
        let cut = TerminalText.truncate(text, to: layout.listWidth - 2)
        frame.put(cut, row: row, column: max(1, (layout.listWidth - TerminalText.width(cut)) / 2), style: .dim)
    }
}

/// How a cell reads and looks, in the table and the pane alike.
enum CellText {
    static func show(_ cell: ResourceCell, names: KnownNames) -> (String, Style) {
        switch cell {
        case .text(let text):
            let clean = TerminalText.sanitize(text)
            return clean.isEmpty ? ("—", .dim) : (clean, .normal)
        case .reference(let kind, let id):
            guard let id, !id.isEmpty else { return ("—", .dim) }
            if let name = names[kind.descriptor.collection][id], !name.isEmpty { return (TerminalText.sanitize(name), .normal) }
            return (TerminalText.sanitize(id), .dim)
        case .tag(_, let tag):
            let clean = TerminalText.sanitize(tag)
            return clean.isEmpty ? ("—", .dim) : (clean, .normal)
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
