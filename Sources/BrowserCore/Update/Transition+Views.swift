import TavusModels

/// The screens above the conversations: resource lists (`:personas`, `:replicas`) and
/// records opened from a link (`P`, `R`). Every change goes to the top screen.
extension Transition {
    /// The top screen, changed in place.
    var top: ResourceScreen? {
        get { state.views.last }
        set {
            guard let newValue, !state.views.isEmpty else { return }
            state.views[state.views.count - 1] = newValue
        }
    }

    /// `:personas` and the like: the kind's list replaces the screens above the conversations.
    mutating func showView(_ kind: ResourceKind) {
        if let current = top, current.kind == kind, !current.isRecord, current.tag == nil, state.views.count == 1 { return }
        state.searchReturn = nil
        state.views = [ResourceScreen(kind: kind)]
        requestViewPage(reload: false)
    }

    /// `:conversations`: back to the conversations, as they were left.
    mutating func showConversations() {
        guard !state.views.isEmpty else { return }
        state.views = []
        resumeDetail()
    }

    /// `P` or `R` in a conversation's pane: the record on a screen of its own.
    mutating func openLinked(_ kind: ResourceKind, id: String?) {
        guard let id, !id.isEmpty else {
            state.message = .info("This conversation names no \(kind.descriptor.singular)")
            return
        }
        state.views.append(ResourceScreen(kind: kind, content: .record(id: id)))
        effects.append(.loadRecord(kind, id: id))
    }

    /// Esc: the pane of a list closes; otherwise the screen goes and the one below is as it was.
    mutating func back() {
        guard var screen = top else { return }
        if screen.pane != nil, !screen.isRecord {
            screen.pane = nil
            top = screen
            return
        }
        state.views.removeLast()
        if state.views.isEmpty { resumeDetail() }
    }

    /// `c` in a persona's or replica's pane: the screens close and the conversations list shows
    /// the index's conversations of it (the search `persona:ID`, which `/` can add words to).
    mutating func listConversations(of screen: ResourceScreen) {
        guard let pane = screen.pane, let filter = screen.descriptor.conversationFilter else { return }
        guard state.options.hasIndex else {
            state.message = .warning("Listing its conversations needs the index (--no-index, or the index could not be opened)")
            return
        }
        let text = "\(filter):\(pane.id)"
        state.searchReturn = SearchReturn(views: state.views, detail: state.detail, cursor: state.cursor)
        state.views = []
        state.detail = nil
        state.prompt = nil
        state.search = text
        state.indexResults = nil
        state.cursor.reset()
        state.message = nil
        effects.append(.searchIndex(text, status: state.filter))
    }

    /// The conversation pane shows again: its record is read once more unless it is final, so
    /// a record that was completing goes on updating.
    mutating func resumeDetail() {
        if let detail = state.detail { effects.append(.loadDetail(id: detail.conversation.id)) }
    }

    mutating func performInView(_ action: Action) {
        guard var screen = top else { return }
        switch action {
        case .nextPage:
            guard screen.page != nil, !screen.isRecord else { return }
            if screen.pageNumber < screen.pageCount { goInView(toPage: screen.pageNumber + 1) } else { state.message = .info("This is the last page") }
        case .previousPage:
            guard !screen.isRecord else { return }
            if screen.pageNumber > 1 { goInView(toPage: screen.pageNumber - 1) } else { state.message = .info("This is the first page") }
        case .firstPage:
            if !screen.isRecord, screen.pageNumber != 1 { goInView(toPage: 1) }
        case .lastPage:
            if !screen.isRecord, screen.page != nil, screen.pageNumber != screen.pageCount { goInView(toPage: screen.pageCount) }
        case .command: state.prompt = .command("")
        case .cycleFilter:
            guard !screen.isRecord else { return }
            let filters = screen.descriptor.filters
            let index = filters.firstIndex(of: screen.filter) ?? 0
            screen.filter = filters[(index + 1) % filters.count]
            top = screen
            goInView(toPage: 1)
        case .moveDown: moveViewSelection(by: 1)
        case .moveUp: moveViewSelection(by: -1)
        case .moveToTop: moveViewSelection(by: -screen.selection)
        case .moveToBottom: moveViewSelection(by: screen.rows.count)
        case .openDetail: openViewPane()
        case .nextItem:
            guard !screen.isRecord else { return }
            moveViewSelection(by: 1)
            openViewPane()
        case .previousItem:
            guard !screen.isRecord else { return }
            moveViewSelection(by: -1)
            openViewPane()
        case .scrollDown: scrollViewPane(by: 1)
        case .scrollUp: scrollViewPane(by: -1)
        case .scrollPageDown: scrollViewPane(by: max(1, Layout(state).detailBodyHeight - 1))
        case .scrollPageUp: scrollViewPane(by: -max(1, Layout(state).detailBodyHeight - 1))
        case .scrollTop: scrollViewPane(by: -Int.max / 2)
        case .scrollBottom: scrollViewPane(by: Int.max / 2)
        case .openURL: openViewURL()
        case .copyURL: copyInView(url: true)
        case .copyID: copyInView(url: false)
        case .reload:
            if case .record(let id) = screen.content {
                screen.pane = ResourceScreen.Pane(id: id)
                top = screen
                effects.append(.loadRecord(screen.kind, id: id))
            } else {
                requestViewPage(reload: true)
            }
        case .back: back()
        case .listItsConversations: listConversations(of: screen)
        case .nextLink: moveLink(by: 1)
        case .previousLink: moveLink(by: -1)
        case .openLink: openSelectedLink()
        case .openReplica: openFirstLink(to: .replicas)
        case .sync: startSync()
        case .toggleHelp: state.showHelp.toggle()
        case .quit: quit()
        case .interrupt:
            if let loading = screen.loading {
                screen.loading = nil
                top = screen
                effects.append(.cancelResourceLoad(loading.key))
                state.message = .info("Load cancelled")
            } else {
                interrupt()
            }
        case .search, .toggleExpand, .endConversation, .toggleWatch, .openPersona, .cancel, .closeDetail:
            break
        }
    }

    mutating func goInView(toPage number: Int) {
        guard var screen = top else { return }
        screen.pageNumber = max(1, number)
        screen.cursor.reset()
        top = screen
        requestViewPage(reload: false)
    }

    mutating func requestViewPage(reload: Bool) {
        guard var screen = top, !screen.isRecord else { return }
        let key = screen.wantedKey(limit: state.options.limit)
        let requestID = takeRequestID()
        screen.loading = PageLoading(key: key, requestID: requestID)
        top = screen
        effects.append(.loadResourcePage(key, requestID: requestID, reload: reload))
    }

    mutating func resourcePageLoaded(_ key: ResourceKey, _ page: ResourcePage, fromCache: Bool, requestID: Int) {
        guard let index = state.views.lastIndex(where: { !$0.isRecord && $0.wantedKey(limit: state.options.limit) == key }) else { return }
        var screen = state.views[index]
        if screen.loading?.requestID == requestID || screen.loading?.key == key { screen.loading = nil }
        if page.items.isEmpty, page.totalCount > 0, key.number > page.pageCount {
            state.views[index] = screen
            state.message = .info("Page \(key.number) no longer exists; showing page \(page.pageCount), the last")
            if index == state.views.count - 1 { goInView(toPage: page.pageCount) }
            return
        }
        let selectedID = screen.page?.page == key.number ? screen.selectedRow?.id : nil
        screen.page = page
        screen.pageFromCache = fromCache
        if let selectedID, let row = page.items.firstIndex(where: { $0.id == selectedID }) {
            screen.cursor.select(row, rows: page.items.count, height: Layout(state).listHeight)
        }
        if let pane = screen.pane, let fresh = page.items.first(where: { $0.id == pane.id }) { screen.pane?.row = fresh }
        state.views[index] = screen
        if index == state.views.count - 1 { clampViewSelection() }
        if state.message?.clearedByAnswers == true { state.message = nil }
        if key.number < page.pageCount {
            effects.append(.prefetchResource(key.page(key.number + 1)))
        }
    }

    mutating func resourcePageFailed(_ key: ResourceKey, _ error: TavusError, requestID: Int) {
        guard let index = state.views.lastIndex(where: { $0.loading?.requestID == requestID }) else { return }
        state.views[index].loading = nil
        if error != .cancelled { state.message = .error(error.description) }
        if let shown = state.views[index].page {
            state.views[index].filter = shown.filter
            state.views[index].pageNumber = shown.page
        }
    }

    mutating func resourceRetrying(_ notice: RetryNotice, requestID: Int) {
        guard let index = state.views.lastIndex(where: { $0.loading?.requestID == requestID }) else { return }
        state.views[index].loading?.retry = notice
        state.message = .warning(notice.error.description)
    }

    mutating func recordLoaded(_ kind: ResourceKind, id: String, _ row: ResourceRow) {
        for index in state.views.indices where state.views[index].kind == kind && state.views[index].pane?.id == id {
            state.views[index].pane?.row = row
            state.views[index].pane?.failure = nil
        }
        if kind == .personas, !row.name.isEmpty { state.names.personas[id] = row.name }
        if kind == .replicas, !row.name.isEmpty { state.names.replicas[id] = row.name }
    }

    mutating func recordFailed(_ kind: ResourceKind, id: String, _ error: TavusError) {
        guard error != .cancelled else { return }
        for index in state.views.indices where state.views[index].kind == kind && state.views[index].pane?.id == id {
            state.views[index].pane?.failure = error.description
        }
    }

    mutating func openViewPane() {
        guard var screen = top, !screen.isRecord, let row = screen.selectedRow else { return }
        if screen.pane?.id == row.id { return }
        screen.pane = ResourceScreen.Pane(id: row.id, row: row)
        top = screen
        if screen.descriptor.paneFetchesRecord {
            effects.append(.loadRecord(screen.kind, id: row.id))
        } else if !row.referencedIDs.isEmpty {
            effects.append(.lookUpNames(row.referencedIDs))
        }
    }

    /// The top list's selection, moved as the conversations' is.
    mutating func moveViewSelection(by delta: Int) {
        guard var screen = top, !screen.isRecord else { return }
        screen.cursor.move(by: delta, rows: screen.rows.count, height: Layout(state).listHeight)
        top = screen
    }

    mutating func selectInView(row: Int) {
        guard var screen = top else { return }
        screen.cursor.select(row, rows: screen.rows.count, height: Layout(state).listHeight)
        top = screen
    }

    mutating func clampViewSelection() {
        guard var screen = top else { return }
        screen.cursor.clamp(rows: screen.rows.count, height: Layout(state).listHeight)
        top = screen
    }

    mutating func scrollViewPane(by delta: Int) {
        guard var screen = top, let pane = screen.pane else { return }
        let layout = Layout(state)
        let lines = ResourcePaneContent.lines(for: pane, kind: screen.kind, names: state.names, width: layout.detailBodyWidth).count
        screen.pane?.viewport.scroll(by: delta, lines: lines, height: layout.detailBodyHeight)
        top = screen
    }

    /// The row whose URL or id `o`, `y` and `Y` use: the pane's, or the selected one.
    var viewTarget: ResourceRow? {
        guard let screen = top else { return nil }
        return screen.pane?.row ?? (screen.pane == nil ? screen.selectedRow : nil)
    }

    mutating func openViewURL() {
        guard let row = viewTarget else { return }
        let descriptor = top!.descriptor
        guard let url = row.url, !url.isEmpty else {
            state.message = .warning("This \(descriptor.singular) has no \(descriptor.urlName ?? "URL")")
            return
        }
        switch URLSafety.check(url) {
        case .success(let url):
            state.message = .info("Opening \(url)")
            effects.append(.openURL(url))
        case .failure(let reason):
            state.message = .error("Not opened: \(reason)")
        }
    }

    mutating func copyInView(url: Bool) {
        guard let row = viewTarget else { return }
        let descriptor = top!.descriptor
        let what = url ? descriptor.urlName ?? "URL" : "id"
        let text = TerminalText.sanitize((url ? row.url : row.id) ?? "")
        guard !text.isEmpty else {
            state.message = .warning("This \(descriptor.singular) has no \(what)")
            return
        }
        effects.append(.copyToClipboard(text))
        state.message = .info("Copied \(what) \(text) to the clipboard")
    }
}
