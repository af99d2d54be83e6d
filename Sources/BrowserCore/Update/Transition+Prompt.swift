extension Transition {
    mutating func handlePromptKey(_ key: Key) {
        guard let prompt = state.prompt else { return }
        switch prompt {
        case .search(let text):
            switch key {
            case .enter:
                state.search = text
                state.prompt = nil
                if text.isEmpty {
                    state.message = nil
                } else if state.options.hasIndex {
                    state.message = .info(matchesText)
                } else {
                    state.message = .info("\(state.visibleRows.count) matches for “\(text)” in \(state.loadedRows.count) loaded pages (no index)")
                }
            case .escape, .control("c"):
                state.search = ""
                state.prompt = nil
                state.indexResults = nil
            case .backspace:
                if text.isEmpty { state.prompt = nil } else { state.prompt = .search(String(text.dropLast())) }
                searchTextChanged(String(text.dropLast()))
            case .char(let character):
                let typed = text + TerminalText.sanitize(String(character))
                state.prompt = .search(typed)
                searchTextChanged(typed)
            default:
                break
            }
            state.cursor.reset()
            state.detail = nil
        case .command(let text):
            switch key {
            case .enter:
                state.prompt = nil
                runCommand(text)
            case .escape, .control("c"):
                state.prompt = nil
            case .backspace:
                state.prompt = text.isEmpty ? nil : .command(String(text.dropLast()))
            case .char(let character) where text.count < Self.commandLength:
                state.prompt = .command(text + TerminalText.sanitize(String(character)))
            default:
                break
            }
        case .confirmEnd(let id, let name):
            state.prompt = nil
            if key == .char("y") || key == .char("Y") {
                state.message = .info("Ending “\(name)”…")
                effects.append(.endConversation(id: id))
            } else {
                state.message = .info("Not ended")
            }
        }
    }

    static let commandLength = 60

    /// A `:` command: a page number, a view by name, or `profile NAME`.
    mutating func runCommand(_ text: String) {
        let words = text.split(whereSeparator: \.isWhitespace).map(String.init)
        guard let first = words.first else { return }
        if first.allSatisfy({ $0.isASCII && $0.isNumber }) {
            jump(to: first)
        } else if let kind = ResourceRegistry.kind(named: first), words.count == 1 {
            showView(kind)
        } else if ["conversations", "conversation", "convs"].contains(first.lowercased()), words.count == 1 {
            showConversations()
        } else if first.lowercased() == "profile" {
            guard words.count == 2 else {
                state.message = .warning("Say which profile: :profile NAME")
                return
            }
            state.message = .info("Switching to profile \(words[1])…")
            effects.append(.switchProfile(words[1]))
        } else if ["q", "quit"].contains(first.lowercased()), words.count == 1 {
            quit()
        } else {
            state.message = .warning("Unknown command “\(TerminalText.sanitize(text))”: try :personas, :replicas, :conversations, :profile NAME or a page number")
        }
    }

    /// `:N`: page N of the list on screen.
    mutating func jump(to digits: String) {
        guard digits.count <= 9, let number = Int(digits) else {
            state.message = .warning("No page \(digits.prefix(12)): too far")
            return
        }
        guard number >= 1 else {
            state.message = .warning("No page \(number): pages count from 1")
            return
        }
        if let screen = top {
            guard !screen.isRecord else { return }
            let target = min(number, screen.pageCount)
            if target != number { state.message = .info("There are \(screen.pageCount) pages; showing the last") }
            if target != screen.pageNumber { goInView(toPage: target) }
            return
        }
        let target = min(number, state.pageCount)
        if target != number { state.message = .info("There are \(state.pageCount) pages; showing the last") }
        if target != state.pageNumber { go(toPage: target) }
    }
}
