import Foundation
import TavusAPI

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
    }

    static func draw(_ state: BrowserState, layout: Layout, into frame: inout Frame) {
        let width = layout.listWidth
        let columns = Columns(width: width)
        var headings = " " + TerminalText.fit("ID", to: columns.id) + " " + TerminalText.fit("NAME", to: columns.name)
            + (columns.persona > 0 ? " " + TerminalText.fit("PERSONA", to: columns.persona) : "")
            + (columns.replica > 0 ? " " + TerminalText.fit("REPLICA", to: columns.replica) : "")
            + " " + TerminalText.fit("STATUS", to: columns.status)
        if columns.created > 0 { headings += " " + TerminalText.fit("CREATED (UTC)", to: columns.created) }
        frame.put(TerminalText.fit(headings, to: width), row: 1, column: 0, style: .columnHeader, limit: width)

        let rows = state.visibleRows
        if rows.isEmpty {
            drawEmpty(state, layout: layout, into: &frame)
            return
        }
        for line in 0..<layout.listHeight {
            let index = state.scroll + line
            guard index < rows.count else { break }
            drawRow(rows[index], names: state.names, selected: index == state.selection, row: layout.listTop + line,
                    columns: columns, width: width, into: &frame)
            highlight(state.activeSearch, in: TerminalText.sanitize(rows[index].name), row: layout.listTop + line,
                      column: 1 + columns.id + 1, width: columns.name, into: &frame)
        }
    }

    static func drawRow(
        _ conversation: Conversation, names: NameDirectory.Names, selected: Bool, row: Int, columns: Columns, width: Int,
        into frame: inout Frame
    ) {
        let base: Style = selected ? .selected : .normal
        frame.clear(row: row, column: 0, height: 1, width: width, style: base)
        frame.put(selected ? "▶" : " ", row: row, column: 0, style: base)
        var column = 1
        func field(_ text: String, _ width: Int, _ style: Style) {
            frame.put(TerminalText.truncate(text, to: width), row: row, column: column, style: style, limit: width)
            column += width + 1
        }
        field(TerminalText.sanitize(conversation.id), columns.id, base)
        field(TerminalText.sanitize(conversation.name), columns.name, base)
        /// A persona's or replica's name; its id, dimmed, until the name is known.
        func person(_ id: String?, in known: [String: String], _ width: Int) {
            if let id, let name = known[id], !name.isEmpty {
                field(TerminalText.sanitize(name), width, base)
            } else {
                field(id.map(TerminalText.sanitize) ?? "—", width, selected ? .selected : .dim)
            }
        }
        if columns.persona > 0 { person(conversation.personaID, in: names.personas, columns.persona) }
        if columns.replica > 0 { person(conversation.replicaID, in: names.replicas, columns.replica) }
        let (label, statusStyle) = statusLabel(conversation.status)
        field(label, columns.status, selected ? .selected : statusStyle)
        if columns.created > 0 {
            field(TerminalText.sanitize(conversation.createdAt.shortUTC), columns.created, selected ? .selected : .dim)
        }
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

    static func drawEmpty(_ state: BrowserState, layout: Layout, into frame: inout Frame) {
        let text: String
        if !state.activeSearch.isEmpty {
            text = "No matches for “\(TerminalText.sanitize(state.activeSearch))” in \(state.loadedRows.count) loaded pages"
        } else if state.page == nil || state.page?.status != state.filter {
            text = state.loading != nil ? "Loading conversations…" : "No conversations loaded"
        } else if state.filter == .all {
            text = "No conversations yet"
        } else {
            text = "No \(state.filter.rawValue) conversations"
        }
        let row = layout.listTop + max(0, layout.listHeight / 2 - 1)
        let cut = TerminalText.truncate(text, to: layout.listWidth - 2)
        frame.put(cut, row: row, column: max(1, (layout.listWidth - TerminalText.width(cut)) / 2), style: .dim)
    }
}
