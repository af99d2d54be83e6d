import TavusModels

extension Transition {
    mutating func handleKey(_ key: Key) {
        if case .mouse(let action, let row, let column) = key {
            handleMouse(action, row: row, column: column)
            return
        }
        if state.prompt != nil {
            handlePromptKey(key)
            return
        }
        state.message = nil
        if state.showHelp {
            switch KeyMap.action(for: key, in: state.keyContext) {
            case .quit: quit()
            case .interrupt: interrupt()
            default: state.showHelp = false
            }
            return
        }
        guard let action = KeyMap.action(for: key, in: state.keyContext) else { return }
        if state.views.isEmpty { perform(action) } else { performInView(action) }
    }

    /// An action on the conversations.
    mutating func perform(_ action: Action) {
        switch action {
        case .nextPage:
            guard state.page != nil else { return }
            if state.pageNumber < state.pageCount { go(toPage: state.pageNumber + 1) } else { state.message = .info("This is the last page") }
        case .previousPage:
            if state.pageNumber > 1 { go(toPage: state.pageNumber - 1) } else { state.message = .info("This is the first page") }
        case .firstPage:
            if state.pageNumber != 1 { go(toPage: 1) }
        case .lastPage:
            if state.page != nil, state.pageNumber != state.pageCount { go(toPage: state.pageCount) }
        case .command:
            state.prompt = .command("")
        case .cycleFilter:
            state.filter = state.filter.next
            state.loadedRows = [:]
            go(toPage: 1)
        case .moveDown: moveSelection(by: 1)
        case .moveUp: moveSelection(by: -1)
        case .moveToTop: moveSelection(by: -state.selection)
        case .moveToBottom: moveSelection(by: state.visibleRows.count)
        case .openDetail: openDetail()
        case .closeDetail: state.detail = nil
        case .scrollDown: scrollDetail(by: 1)
        case .scrollUp: scrollDetail(by: -1)
        case .scrollPageDown: scrollDetail(by: max(1, Layout(state).detailBodyHeight - 1))
        case .scrollPageUp: scrollDetail(by: -max(1, Layout(state).detailBodyHeight - 1))
        case .scrollTop: scrollDetail(by: -Int.max / 2)
        case .scrollBottom: scrollDetail(by: Int.max / 2)
        case .nextItem:
            moveSelection(by: 1)
            openDetail()
        case .previousItem:
            moveSelection(by: -1)
            openDetail()
        case .toggleExpand:
            state.detail?.expanded.toggle()
            clampDetailScroll()
        case .openURL: openURL()
        case .copyURL: copy(\.url, what: "URL")
        case .copyID: copy(\.id, what: "id")
        case .endConversation: askToEnd()
        case .openPersona:
            guard let detail = state.detail else { return }
            openLinked(.personas, id: detail.conversation.personaID)
        case .openReplica:
            guard let detail = state.detail else { return }
            openLinked(.replicas, id: detail.conversation.replicaID)
        case .back, .listItsConversations, .nextLink, .previousLink, .openLink: break
        case .reload:
            state.loadedRows = [:]
            clampSelection()
            effects.append(.invalidateCache)
            requestWantedPage(reload: true)
            if let detail = state.detail {
                state.detail?.verbose = .loading
                effects.append(.loadDetail(id: detail.conversation.id, fresh: true))
            }
        case .toggleWatch: toggleWatch()
        case .search: state.prompt = .search(state.search)
        case .sync: startSync()
        case .cancel: cancel()
        case .toggleHelp: state.showHelp.toggle()
        case .quit: quit()
        case .interrupt: interrupt()
        }
    }

    mutating func quit() {
        state.quitting = true
        effects.append(.quit)
    }

    /// Ctrl-C: a slow load is cancelled; with nothing under way the program quits as interrupted.
    mutating func interrupt() {
        if state.loading != nil {
            cancel()
        } else {
            state.interrupted = true
            quit()
        }
    }

    mutating func openDetail() {
        guard let conversation = state.selectedConversation else { return }
        if state.detail?.conversation.id == conversation.id { return }
        var detail = DetailState(conversation: conversation)
        detail.focus = state.indexHit(at: state.selection)?.match
        state.detail = detail
        effects.append(.loadDetail(id: conversation.id))
    }

    mutating func openURL() {
        guard let conversation = state.detail?.conversation ?? state.selectedConversation else { return }
        switch URLSafety.check(conversation.url) {
        case .success(let url):
            state.message = .info("Opening \(url)")
            effects.append(.openURL(url))
        case .failure(let reason):
            state.message = .error("Not opened: \(reason)")
        }
    }

    mutating func copy(_ field: KeyPath<Conversation, String>, what: String) {
        guard let conversation = state.detail?.conversation ?? state.selectedConversation else { return }
        let text = TerminalText.sanitize(conversation[keyPath: field])
        guard !text.isEmpty else {
            state.message = .warning("This conversation has no \(what)")
            return
        }
        effects.append(.copyToClipboard(text))
        state.message = .info("Copied \(what) \(text) to the clipboard")
    }

    mutating func askToEnd() {
        guard let conversation = state.detail?.conversation ?? state.selectedConversation else { return }
        guard !state.options.isOffline else {
            state.message = .warning("Offline: ending a call needs the API (run without --offline)")
            return
        }
        guard conversation.status == .active else {
            state.message = .warning("Only an active call can be ended; this one is \(TerminalText.sanitize(conversation.status.rawValue))")
            return
        }
        state.prompt = .confirmEnd(id: conversation.id, name: TerminalText.sanitize(conversation.name))
    }

    mutating func toggleWatch() {
        guard let interval = state.options.watchInterval else {
            state.message = .info("Start with --watch SECONDS to refresh on an interval")
            return
        }
        state.watchPaused.toggle()
        state.message = .info(state.watchPaused ? "Watch paused" : "Watching: refresh every \(Format.seconds(interval))")
    }

    mutating func cancel() {
        if let loading = state.loading {
            effects.append(.cancelLoad(loading.key))
            state.loading = nil
            if let shown = state.page {
                state.filter = shown.status
                state.pageNumber = shown.page
            }
            clampSelection()
            state.message = .info("Load cancelled")
        } else if !state.search.isEmpty {
            state.search = ""
            state.indexResults = nil
            state.cursor = state.searchReturn?.cursor ?? TableCursor()
            clampSelection()
            // A search `c` started: Esc goes back one screen, to the pane it was started from.
            if let back = state.searchReturn {
                state.views = back.views
                state.detail = back.detail
                state.searchReturn = nil
            }
        } else if state.sync != nil {
            state.sync = nil
            state.message = .info("Sync cancelled: what it stored is kept, and the next sync (S) completes it")
            effects.append(.cancelSync)
        }
    }

    mutating func handleMouse(_ action: MouseAction, row: Int, column: Int) {
        let layout = Layout(state)
        if let screen = top {
            let inPane = screen.pane != nil && layout.detailContains(row: row, column: column)
            switch action {
            case .wheelDown: if inPane { scrollViewPane(by: 3) } else { moveViewSelection(by: 3) }
            case .wheelUp: if inPane { scrollViewPane(by: -3) } else { moveViewSelection(by: -3) }
            case .press, .doubleClick:
                guard !screen.isRecord, state.prompt == nil, !state.showHelp,
                      let index = layout.rowIndex(atScreenRow: row, column: column, scroll: screen.scroll), index < screen.rows.count else { return }
                selectInView(row: index)
                if action == .doubleClick || screen.pane != nil { openViewPane() }
            }
            return
        }
        switch action {
        case .wheelDown:
            if state.detail != nil, layout.detailContains(row: row, column: column) { scrollDetail(by: 3) } else { moveSelection(by: 3) }
        case .wheelUp:
            if state.detail != nil, layout.detailContains(row: row, column: column) { scrollDetail(by: -3) } else { moveSelection(by: -3) }
        case .press, .doubleClick:
            guard state.prompt == nil, !state.showHelp, let index = layout.rowIndex(atScreenRow: row, column: column, scroll: state.scroll),
                  index < state.visibleRows.count else { return }
            select(row: index)
            if action == .doubleClick || state.detail != nil { openDetail() }
        }
    }
}
