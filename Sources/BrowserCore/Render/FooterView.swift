import TavusModels

/// The bottom line: a prompt, a message or the key hints on the left; the load state on the right.
enum FooterView {
    static func draw(_ state: BrowserState, into frame: inout Frame) {
        let row = frame.rows - 1
        let width = frame.columns
        frame.clear(row: row, column: 0, height: 1, width: width, style: .normal)
        let right = stateText(state)
        let rightWidth = TerminalText.width(right)
        let leftLimit = width - (rightWidth > 0 ? rightWidth + 2 : 0) - 1

        if let prompt = state.prompt {
            let (label, text) = promptText(prompt)
            var column = frame.put(" " + label, row: row, column: 0, style: .key, limit: width)
            let available = max(0, width - column - 2)
            let shown = TerminalText.width(text) > available ? "…" + TerminalText.lastColumns(of: text, max(0, available - 1)) : text
            column = frame.put(shown, row: row, column: column, style: .normal, limit: width - column)
            if case .confirmEnd = prompt {} else { column = frame.put("█", row: row, column: column, style: .dim) }
            let count = searchCount(state)
            if !count.isEmpty, column + TerminalText.width(count) + 3 <= width {
                frame.put(count, row: row, column: width - TerminalText.width(count) - 1, style: .dim)
            }
            return
        }
        if let message = state.message {
            let style: Style = switch message.kind {
            case .info: .info
            case .warning: .warning
            case .error: .error
            }
            frame.put(" " + TerminalText.truncate(TerminalText.sanitize(message.text), to: max(0, leftLimit - 1)), row: row, column: 0, style: style, limit: max(0, leftLimit))
        } else {
            var column = 1
            // A view whose items have no URL has nothing for `o` to open, nor `c` to list when
            // conversations are not listed by its kind, nor Tab to select in a pane without links.
            var unavailable: Set<Action> = []
            if let screen = state.views.last {
                if screen.descriptor.urlName == nil { unavailable.insert(.openURL) }
                if screen.descriptor.conversationFilter == nil { unavailable.insert(.listItsConversations) }
                if screen.pane?.row?.links.isEmpty != false { unavailable.insert(.nextLink) }
            }
            for hint in KeyMap.hints(for: state.keyContext, unavailable: unavailable) {
                let hintWidth = TerminalText.width(hint)
                guard column + hintWidth <= leftLimit else { break }
                let split = hint.firstIndex(of: " ") ?? hint.endIndex
                column = frame.put(String(hint[..<split]), row: row, column: column, style: .key)
                column = frame.put(String(hint[split...]), row: row, column: column, style: .dim) + 2
            }
        }
        if rightWidth > 0, rightWidth + 1 <= width {
            let busy = state.views.last.map { $0.loading != nil } ?? (state.loading != nil)
            let style: Style = busy ? .warning : .dim
            frame.put(right, row: row, column: width - rightWidth - 1, style: style)
        }
    }

    /// `26 matches`, once the index has answered the text in the search prompt.
    static func searchCount(_ state: BrowserState) -> String {
        guard case .search(let text) = state.prompt, let results = state.indexResults, results.query == text else { return "" }
        switch results.hits.count {
        case 0: return "no matches"
        case IndexResults.limit...: return "the first \(Format.count(results.hits.count)) matches"
        case let count: return "\(Format.count(count)) \(count == 1 ? "match" : "matches")"
        }
    }

    static func promptText(_ prompt: Prompt) -> (String, String) {
        switch prompt {
        case .search(let text): ("/", text)
        case .command(let text): (":", text)
        case .confirmEnd(_, let name): ("End the call “\(name)”? y/n ", "")
        }
    }

    static func stateText(_ state: BrowserState) -> String {
        let sync = state.sync.map(syncText)
        if let screen = state.views.last { return [sync, viewStateText(screen)].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " · ") }
        var parts: [String] = sync.map { [$0] } ?? []
        if let loading = state.loading {
            if let retry = loading.retry {
                parts.append("retrying (\(retry.attempt)/\(retry.maxAttempts))…")
            } else {
                parts.append("loading page \(loading.key.number)…")
            }
        } else if let page = state.page, !state.pageFromIndex {
            parts.append(state.revalidating ? "cached · revalidating…" : state.pageFromCache ? "cached" : "loaded")
            parts.append(Format.clock(page.fetchedAt) + " UTC")
        }
        if let interval = state.options.watchInterval {
            parts.append(state.watchPaused ? "watch paused" : "watch \(Format.seconds(interval))")
        }
        return parts.joined(separator: " · ")
    }

    /// `syncing 1,200/10,000 conversations`.
    static func syncText(_ sync: SyncProgress) -> String {
        sync.total > 0 ? "syncing \(Format.count(sync.done))/\(Format.count(sync.total)) \(sync.phase)" : "syncing \(sync.phase)…"
    }

    static func viewStateText(_ screen: ResourceScreen) -> String {
        if let loading = screen.loading {
            if let retry = loading.retry { return "retrying (\(retry.attempt)/\(retry.maxAttempts))…" }
            return "loading \(screen.descriptor.title)…"
        }
        if screen.isRecord, let pane = screen.pane, pane.row == nil, pane.failure == nil { return "loading \(screen.descriptor.singular)…" }
        guard let page = screen.page, !screen.isRecord else { return "" }
        return (screen.pageFromCache ? "cached" : "loaded") + " · " + Format.clock(page.fetchedAt) + " UTC"
    }
}
