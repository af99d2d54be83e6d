extension Transition {
    mutating func handlePromptKey(_ key: Key) {
        guard let prompt = state.prompt else { return }
        switch prompt {
        case .search(let text):
            switch key {
            case .enter:
                state.search = text
                state.prompt = nil
                state.message = text.isEmpty ? nil : .info("\(state.visibleRows.count) matches for “\(text)” in \(state.loadedRows.count) loaded pages")
            case .escape, .control("c"):
                state.search = ""
                state.prompt = nil
            case .backspace:
                if text.isEmpty { state.prompt = nil } else { state.prompt = .search(String(text.dropLast())) }
            case .char(let character):
                state.prompt = .search(text + TerminalText.sanitize(String(character)))
            default:
                break
            }
            state.selection = 0
            state.scroll = 0
            state.detail = nil
        case .jump(let digits):
            switch key {
            case .enter:
                state.prompt = nil
                guard let number = Int(digits) else { return }
                guard number >= 1 else {
                    state.message = .warning("No page \(number): pages count from 1")
                    return
                }
                let target = min(number, state.pageCount)
                if target != number { state.message = .info("There are \(state.pageCount) pages; showing the last") }
                if target != state.pageNumber { go(toPage: target) }
            case .escape, .control("c"):
                state.prompt = nil
            case .backspace:
                state.prompt = digits.isEmpty ? nil : .jump(String(digits.dropLast()))
            case .char(let character) where character.isASCII && character.isNumber && digits.count < 9:
                state.prompt = .jump(digits + String(character))
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
}
