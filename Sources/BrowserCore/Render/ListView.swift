import Foundation
import TavusModels

/// The table of conversations: id, name, persona (and replica on a wide screen), status and
/// creation time, with the selection marked.
enum ListView {
    struct Columns {
        let id: Int
        let name: Int
        let persona: Int
        let replica: Int
        let status: Int
        let created: Int

        init(width: Int) {
            status = 8
            if width >= 78 {
                id = 16
                created = 16
            } else if width >= 50 {
                id = 8
                created = 16
            } else {
                id = 8
                created = 0
            }
            // The persona from 110 columns, the replica too from 150; the name keeps the rest.
            persona = width >= 110 ? 22 : 0
            replica = width >= 150 ? 20 : 0
            let fixed = 1 + id + 1 + 1 + status + (created > 0 ? 1 + created : 0)
                + (persona > 0 ? persona + 1 : 0) + (replica > 0 ? replica + 1 : 0)
            name = max(4, width - fixed)
        }

        /// The shown columns' headings and widths, in order.
        var shown: [(title: String, width: Int)] {
            [("ID", id), ("NAME", name), ("PERSONA", persona), ("REPLICA", replica), ("STATUS", status), ("CREATED (UTC)", created)]
                .filter { $0.1 > 0 }
        }
    }

    static func draw(_ state: BrowserState, layout: Layout, into frame: inout Frame) {
        let width = layout.listWidth
        let columns = Columns(width: width)
        TableView.drawHeadings(columns.shown, width: width, into: &frame)

        let rows = state.visibleRows
        if rows.isEmpty {
            TableView.drawEmpty(emptyText(state), layout: layout, into: &frame)
            return
        }
        let widths = columns.shown.map(\.width)
        for slot in 0..<layout.visibleRowCount {
            let index = state.scroll + slot
            guard index < rows.count else { break }
            let row = layout.listTop + slot * layout.rowHeight
            TableView.drawRow(cells(rows[index], names: state.names, columns: columns), widths: widths,
                              selected: index == state.selection, row: row, width: width, into: &frame)
            highlight(state.activeSearch, in: TerminalText.sanitize(rows[index].name), row: row,
                      column: 1 + columns.id + 1, width: columns.name, into: &frame)
            if layout.rowHeight == 2, let hit = state.indexHit(at: index) {
                drawMatch(hit, query: state.activeSearch, row: row + 1, width: width, into: &frame)
            }
        }
    }

    /// The transcript line a hit of the index matched, under its row, the matched words marked.
    static func drawMatch(_ hit: IndexHit, query: String, row: Int, width: Int, into frame: inout Frame) {
        var column = frame.put("    ↳ ", row: row, column: 0, style: .dim, limit: width)
        guard let snippet = hit.snippet else {
            frame.put(TerminalText.sanitize(hit.matchedField(for: query)), row: row, column: column, style: .dim, limit: width - column)
            return
        }
        for (number, part) in snippet.split(separator: IndexHit.highlightStart, omittingEmptySubsequences: false).enumerated() {
            let pieces = part.split(separator: IndexHit.highlightEnd, maxSplits: 1, omittingEmptySubsequences: false)
            for (index, piece) in pieces.enumerated() {
                let marked = number > 0 && index == 0 && pieces.count == 2
                let text = TerminalText.sanitize(String(piece))
                guard column < width - 1 else { return }
                column = frame.put(text, row: row, column: column, style: marked ? .match : .dim, limit: width - 1 - column)
            }
        }
    }

    /// A conversation's cells for the shown columns.
    static func cells(_ conversation: Conversation, names: KnownNames, columns: Columns) -> [(text: String, style: Style)] {
        /// A persona's or replica's name; its id, dimmed, until the name is known.
        func person(_ id: String?, in known: [String: String]) -> (String, Style) {
            if let id, let name = known[id], !name.isEmpty { return (TerminalText.sanitize(name), .normal) }
            return (id.map(TerminalText.sanitize) ?? "—", .dim)
        }
        var cells: [(text: String, style: Style)] = [(TerminalText.sanitize(conversation.id), .normal), (TerminalText.sanitize(conversation.name), .normal)]
        if columns.persona > 0 { cells.append(person(conversation.personaID, in: names.personas)) }
        if columns.replica > 0 { cells.append(person(conversation.replicaID, in: names.replicas)) }
        cells.append(statusLabel(conversation.status))
        if columns.created > 0 { cells.append((TerminalText.sanitize(conversation.createdAt.shortUTC), .dim)) }
        return cells
    }

    /// Marks where the search text stands in a shown name.
    static func highlight(_ query: String, in name: String, row: Int, column: Int, width: Int, into frame: inout Frame) {
        guard let range = SearchMatcher.range(of: query, in: name) else { return }
        let start = TerminalText.width(String(name[..<range.lowerBound]))
        guard start < width - 1 else { return }
        let length = TerminalText.width(String(name[range]))
        frame.paint(row: row, column: column + start, count: min(length, width - 1 - start), style: .match)
    }

    static func statusLabel(_ status: ConversationStatus) -> (String, Style) {
        switch status {
        case .active: ("● active", .statusActive)
        case .ended: ("ended", .statusEnded)
        case .other(let raw): (raw.isEmpty ? "?" : TerminalText.sanitize(raw), .statusOther)
        }
    }

    static func emptyText(_ state: BrowserState) -> String {
        if state.showsIndexHits {
            return state.indexResults == nil ? "Searching the index…"
                : "No matches for “\(TerminalText.sanitize(state.activeSearch))” in the index"
        } else if !state.activeSearch.isEmpty {
            return "No matches for “\(TerminalText.sanitize(state.activeSearch))” in \(state.loadedRows.count) loaded pages"
        } else if state.page == nil || state.page?.status != state.filter {
            return state.loading != nil ? "Loading conversations…" : "No conversations loaded"
        } else if state.filter == .all {
            return "No conversations yet"
        }
        return "No \(state.filter.rawValue) conversations"
    }
}
