import TavusModels

/// The top line: what is shown (source, filter, page, total) and the help key.
enum HeaderView {
    static func draw(_ state: BrowserState, into frame: inout Frame) {
        let width = frame.columns
        frame.clear(row: 0, column: 0, height: 1, width: width, style: .header)
        if let screen = state.views.last {
            drawView(screen, state: state, into: &frame)
            return
        }
        // Without a page of this filter yet, or without the server's count, the page count is unknown.
        let known = state.page.map { $0.status == state.filter && $0.totalIsExact } ?? false
        let pageText = known ? "page \(state.pageNumber)/\(state.pageCount)" : "page \(state.pageNumber)"
        let total = state.page.map { page in
            page.status != state.filter ? "" : page.totalIsExact ? "\(page.totalCount) total" : "total unknown"
        } ?? ""
        let source = state.options.isDemo ? "DEMO" : TerminalText.sanitize(state.options.sourceLabel)
        let help = "? help"

        let origin = origin(state)
        let full = [" Tavus conversations", source, origin, "filter: \(state.filter.rawValue)", pageText, total].filter { !$0.isEmpty }
        let compact = [" Tavus", state.options.isDemo ? "DEMO" : "", origin, state.filter.rawValue, pageText, total].filter { !$0.isEmpty }
        func fits(_ segments: [String]) -> Bool { TerminalText.width(segments.joined(separator: "  ")) + help.count + 2 <= width }
        let covered = full + [state.options.isOffline ? "" : coverage(state)].filter { !$0.isEmpty }
        let segments = fits(covered) ? covered : fits(full) ? full : compact
        drawSegments(segments, help: help, into: &frame)
    }

    /// Where the rows come from when it is not the API: `offline · synced 5 min ago` (with
    /// `--offline`, or when the API cannot be reached), `from the index · revalidating…` (at
    /// launch, until the API answers).
    static func origin(_ state: BrowserState) -> String {
        if state.options.isOffline || (state.pageFromIndex && state.unreachable != nil) {
            guard let synced = state.coverage?.syncedAt, let now = state.coverageTold else { return "offline · never synced" }
            return "offline · synced \(Format.ago(synced, now: now))"
        }
        return state.pageFromIndex ? "from the index · revalidating…" : ""
    }

    /// `indexed 9,812 of 10,000 · synced 5 min ago`: how much of the account the index holds, and
    /// `· 3 pages not stored (S)` when pages were fetched that it could not keep.
    static func coverage(_ state: BrowserState) -> String {
        guard state.options.hasIndex, let coverage = state.coverage else { return "" }
        var text = "indexed \(Format.count(coverage.indexed))"
        if let total = coverage.total { text += " of \(Format.count(max(total, coverage.indexed)))" }
        if let synced = coverage.syncedAt, let now = state.coverageTold {
            text += " · synced \(Format.ago(synced, now: now))"
        } else {
            text += " · never synced (S)"
        }
        if coverage.gaps > 0 { text += " · \(Format.count(coverage.gaps)) \(coverage.gaps == 1 ? "page" : "pages") not stored (S)" }
        return text
    }

    /// The segments two spaces apart, `DEMO` highlighted, and the help key at the right when it fits.
    static func drawSegments(_ segments: [String], help: String, into frame: inout Frame) {
        let width = frame.columns
        var column = 0
        for segment in segments {
            let style: Style = segment == "DEMO" ? .headerAccent : .header
            column = frame.put(segment, row: 0, column: column, style: style, limit: width - column)
            column = frame.put("  ", row: 0, column: column, style: .header, limit: width - column)
        }
        if column + help.count + 1 <= width {
            frame.put(help, row: 0, column: width - help.count - 1, style: .header)
        }
    }

    /// A screen above the conversations: the path that led to it, then its filter and page.
    static func drawView(_ screen: ResourceScreen, state: BrowserState, into frame: inout Frame) {
        var segments = [" Tavus", state.options.isDemo ? "DEMO" : TerminalText.sanitize(state.options.sourceLabel), path(state)]
        if !screen.isRecord {
            let known = screen.page.map { $0.filter == screen.filter && $0.totalIsExact } ?? false
            segments.append("filter: \(screen.filter)")
            segments.append(known ? "page \(screen.pageNumber)/\(screen.pageCount)" : "page \(screen.pageNumber)")
            if let page = screen.page, page.filter == screen.filter {
                segments.append(page.totalIsExact ? "\(page.totalCount) total" : "total unknown")
            }
        }
        drawSegments(segments.filter { !$0.isEmpty }, help: "? help", into: &frame)
    }

    /// `conversations › Sales practice › persona Sales Coach Rhea`: every screen of the stack,
    /// with the row whose pane a link was followed from.
    static func path(_ state: BrowserState) -> String {
        var parts = ["conversations"]
        if let detail = state.detail, state.views.first?.isRecord == true { parts.append(TerminalText.sanitize(detail.conversation.name)) }
        for (index, screen) in state.views.enumerated() {
            let descriptor = screen.descriptor
            if case .record(let id) = screen.content {
                let name = screen.pane?.row?.name ?? ""
                parts.append(descriptor.singular + " " + TerminalText.sanitize(name.isEmpty ? id : name))
            } else {
                if index == 0 { parts = [] }
                parts.append(descriptor.title + (screen.tag.map { " tagged " + TerminalText.sanitize($0) } ?? ""))
                if index < state.views.count - 1, let row = screen.pane?.row { parts.append(TerminalText.sanitize(row.name)) }
            }
        }
        return parts.joined(separator: " › ")
    }
}
