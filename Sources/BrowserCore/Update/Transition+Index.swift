import TavusModels

/// The local index in the browser: `/` searching it as the user types, and `S` syncing it.
extension Transition {
    /// The search text changed: the index is asked again (while the answer to the last text
    /// stays on screen), or, with no text, its answer is dropped.
    mutating func searchTextChanged(_ text: String) {
        guard state.options.hasIndex else { return }
        if text.isEmpty {
            state.indexResults = nil
        } else {
            effects.append(.searchIndex(text, status: state.filter))
        }
    }

    /// An answer for a text no longer typed is dropped; one for the current text replaces the
    /// rows, and the selection goes back to the best hit.
    mutating func indexResultsCame(_ results: IndexResults) {
        guard state.options.hasIndex, results.query == state.activeSearch, !results.query.isEmpty else { return }
        state.indexResults = results
        for hit in results.hits {
            if let id = hit.conversation.personaID, let name = hit.personaName, state.names.personas[id] == nil { state.names.personas[id] = name }
            if let id = hit.conversation.replicaID, let name = hit.replicaName, state.names.replicas[id] == nil { state.names.replicas[id] = name }
        }
        state.cursor.reset()
        if case .search = state.prompt {} else { state.message = .info(matchesText) }
    }

    /// `12 matches for “refund” in the index`.
    var matchesText: String {
        let count = state.indexResults?.hits.count ?? 0
        let counted = count >= IndexResults.limit ? "the first \(count) matches" : count == 1 ? "1 match" : "\(count) matches"
        return "\(counted) for “\(state.activeSearch)” in the index"
    }

    mutating func indexFailed(_ reason: String) {
        let wasSearching = state.showsIndexHits
        state.options.hasIndex = false
        state.indexResults = nil
        state.coverage = nil
        state.sync = nil
        state.message = StatusMessage(.warning, "Going on without the index: \(reason)", outlastsAnswers: true)
        if wasSearching { clampSelection() }
    }

    /// The index's copy of a page: shown while nothing of the API's is (before it answers, or
    /// when it cannot be reached); the API's page replaces it when it comes.
    mutating func indexPageLoaded(_ key: PageKey, _ page: ConversationPage?) {
        guard key == state.wantedKey else { return }
        guard let page, !page.items.isEmpty else {
            if state.unreachable != nil, state.loading == nil { keepShownPage(instead: key) }
            return
        }
        let apiShown = state.page.map { $0.page == key.number && $0.status == key.status && !state.pageFromIndex } ?? false
        guard !apiShown else { return }
        state.page = page
        state.pageFromIndex = true
        state.pageFromCache = false
        state.revalidating = false
        clampSelection()
        if let reason = state.unreachable {
            state.message = .warning("The API cannot be reached (\(reason)): showing the index; r tries again")
        }
    }

    /// `S`: one sync at a time, and only with an index.
    mutating func startSync() {
        guard state.options.hasIndex else {
            state.message = .warning("No index to sync in this run (--no-index, or the index could not be opened)")
            return
        }
        guard !state.options.isOffline else {
            state.message = .warning("Offline: a sync needs the API (run without --offline)")
            return
        }
        guard state.sync == nil else {
            state.message = .info("A sync is under way")
            return
        }
        state.sync = SyncProgress(phase: "conversations", done: 0, total: 0)
        state.message = .info("Syncing the index in the background…")
        effects.append(.startSync)
    }

    mutating func syncFinished(_ summary: String, failed: Bool) {
        state.sync = nil
        state.message = failed ? .error(summary) : .info(summary)
        if !state.activeSearch.isEmpty { searchTextChanged(state.activeSearch) }
    }
}

extension Transition {
    /// A pane opened from a hit of the index, once its record came: scrolled to the matched turn.
    mutating func scrollToFocus() {
        guard let focus = state.detail?.focus else { return }
        state.detail?.focus = nil
        let layout = Layout(state)
        let lines = DetailContent.lines(for: state, width: layout.detailBodyWidth)
        guard let line = DetailContent.line(ofTurn: focus, in: lines) else { return }
        state.detail?.viewport.scroll(to: line, lines: lines.count, height: layout.detailBodyHeight)
    }
}
