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

        /// What the rows on screen need: the widest name, persona and replica among them.
        struct Needs {
            var name = 0
            var persona = 0
            var replica = 0
        }

        /// The widest a persona or replica column grows to when the name leaves room.
        static let widestPerson = 40

        /// `needs`: the room a name needs leaves the rest to the persona, then the replica,
        /// up to what theirs need, so a wide screen does not cut a persona's name beside a
        /// name column of blanks.
        init(width: Int, needs: Needs = Needs()) {
            self.init(width: width)
            guard persona > 0, name > needs.name else { return }
            var spare = name - max(needs.name, 4)
            let personaGrowth = min(spare, max(0, min(needs.persona, Self.widestPerson) - persona))
            spare -= personaGrowth
            let replicaGrowth = replica > 0 ? min(spare, max(0, min(needs.replica, Self.widestPerson) - replica)) : 0
            self.init(id: id, name: name - personaGrowth - replicaGrowth, persona: persona + personaGrowth,
                      replica: replica + replicaGrowth, status: status, created: created)
        }

        private init(id: Int, name: Int, persona: Int, replica: Int, status: Int, created: Int) {
            self.id = id
            self.name = name
            self.persona = persona
            self.replica = replica
            self.status = status
            self.created = created
        }

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
        let rows = state.visibleRows
        let columns = Columns(width: width, needs: needs(of: rows.dropFirst(state.scroll).prefix(layout.visibleRowCount), names: state.names))
        TableView.drawHeadings(columns.shown, width: width, into: &frame)

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

    /// The widest name, persona and replica of `rows`, as their cells show them.
    static func needs(of rows: ArraySlice<Conversation>, names: KnownNames) -> Columns.Needs {
        var needs = Columns.Needs()
        for conversation in rows {
            needs.name = max(needs.name, TerminalText.width(TerminalText.sanitize(conversation.name)))
            needs.persona = max(needs.persona, TerminalText.width(person(conversation.personaID, in: names.personas).0))
            needs.replica = max(needs.replica, TerminalText.width(person(conversation.replicaID, in: names.replicas).0))
        }
        return needs
    }

    /// A persona's or replica's name; its id, dimmed, until the name is known.
    static func person(_ id: String?, in known: [String: String]) -> (String, Style) {
        if let id, let name = known[id], !name.isEmpty { return (TerminalText.sanitize(name), .normal) }
        return (id.map(TerminalText.sanitize) ?? "—", .dim)
    }

    /// A conversation's cells for the shown columns.
    static func cells(_ conversation: Conversation, names: KnownNames, columns: Columns) -> [(text: String, style: Style)] {
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
