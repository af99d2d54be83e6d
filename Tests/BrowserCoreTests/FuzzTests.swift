import BrowserCore
import Foundation
import TavusAPI
import Testing

/// Random events from a seeded generator, as a runner gone mad would send them, with the
/// invariants checked after each one. A failure names the seed and the step, so it replays.
@Suite("Fuzz")
struct FuzzTests {
    static let seed: UInt64 = 0x7A5_0B0E5
    static let events = 100_000
    static let renderEvery = 10

    /// Async and yielding now and then: the run takes seconds, and the tests that talk to a
    /// sandbox in the same process need the shared threads too.
    @Test func randomEventsKeepTheInvariants() async {
        var fuzzer = Fuzzer(seed: Self.seed)
        var invariants = Invariants()
        var renders = 0
        for step in 0..<Self.events {
            if step % 500 == 0 { await Task.yield() }
            let event = fuzzer.nextEvent()
            let before = fuzzer.state
            fuzzer.apply(event)
            if let broken = invariants.broken(in: fuzzer.state) {
                Issue.record("seed \(Self.seed), step \(step): \(broken)\nafter \(event)\nstate before: \(summary(before))")
                return
            }
            if step % Self.renderEvery == 0 || fuzzer.justResized {
                let frame = render(fuzzer.state)
                renders += 1
                if let broken = Invariants.broken(in: frame, size: fuzzer.state.size, thoroughly: renders % 4 == 0) {
                    Issue.record("seed \(Self.seed), step \(step): \(broken)\nafter \(event)\nstate: \(summary(fuzzer.state))")
                    return
                }
            }
        }
        #expect(renders >= 10_000)
        #expect(fuzzer.counts.values.reduce(0, +) == Self.events)
        for kind in Fuzzer.Kind.allCases {
            #expect(fuzzer.counts[kind, default: 0] > 0, "never sent \(kind)")
        }
        #expect(fuzzer.pagesShown > 100, "pages were shown")
        #expect(fuzzer.detailsOpened > 100, "the pane was opened")
        #expect(fuzzer.searches > 10, "searches were kept")
        #expect(fuzzer.quits > 10, "quits were seen and checked")
    }

    func summary(_ state: BrowserState) -> String {
        "size \(state.size), filter \(state.filter), page \(state.pageNumber) (shown \(state.page.map { "\($0.page)/\($0.pageCount) of \($0.status)" } ?? "none")), "
            + "\(state.visibleRows.count) rows, selection \(state.selection), scroll \(state.scroll), search “\(state.activeSearch)”, "
            + "prompt \(String(describing: state.prompt)), detail \(state.detail.map { "\($0.conversation.id) scroll \($0.scroll)" } ?? "none"), "
            + "loading \(String(describing: state.loading?.key))"
    }
}

struct Invariants {
    /// With a search, the visible rows depend only on the search text and the loaded rows,
    /// which most events leave alone; their count is kept to spare matching them again.
    private var lastSearch: (text: String, rows: [Int: [Conversation]], count: Int)?

    mutating func visibleCount(of state: BrowserState) -> Int {
        let text = state.activeSearch
        guard !text.isEmpty else { return state.visibleRows.count }
        if let last = lastSearch, last.text == text, last.rows == state.loadedRows { return last.count }
        let count = state.visibleRows.count
        lastSearch = (text, state.loadedRows, count)
        return count
    }

    mutating func broken(in state: BrowserState) -> String? {
        let count = visibleCount(of: state)
        if count == 0, state.selection != 0 { return "selection \(state.selection) with no rows" }
        if count > 0, !(0..<count).contains(state.selection) { return "selection \(state.selection) outside \(count) rows" }
        if state.pageNumber < 1 { return "page number \(state.pageNumber)" }
        if state.scroll < 0 { return "scroll \(state.scroll)" }
        if let detail = state.detail, detail.scroll < 0 { return "detail scroll \(detail.scroll)" }
        return nil
    }

    /// The frame's size and, in every line, no control character; with `thoroughly`, also
    /// every line exactly as wide as the terminal and no continuation cell without the first
    /// half of a wide character before it.
    static func broken(in frame: Frame, size: TerminalSize, thoroughly: Bool) -> String? {
        if frame.rows != size.rows || frame.columns != size.columns {
            return "frame is \(frame.columns)×\(frame.rows), terminal \(size)"
        }
        if frame.cells.count != size.rows * size.columns { return "frame has \(frame.cells.count) cells" }
        let lines = frame.lines
        for (row, line) in lines.enumerated() {
            // C0 and DEL are single bytes; C1 is 0xC2 followed by 0x80…0x9F.
            var afterC2 = false
            for byte in line.utf8 {
                if byte < 0x20 || byte == 0x7F || (afterC2 && byte < 0xA0) {
                    return "control character in row \(row): \(line.debugDescription)"
                }
                afterC2 = byte == 0xC2
            }
        }
        guard thoroughly else { return nil }
        for (row, line) in lines.enumerated() {
            let width = TerminalText.width(line)
            if width != frame.columns { return "row \(row) is \(width) columns wide: \(line)" }
        }
        let columns = frame.columns
        var previousIsContinuation = true
        var index = 0
        for cell in frame.cells {
            if cell.isContinuation, previousIsContinuation || index % columns == 0 {
                return "orphan continuation at row \(index / columns), column \(index % columns)"
            }
            previousIsContinuation = cell.isContinuation
            index += 1
        }
        return nil
    }
}

/// Plays the event loop and the runner at once, badly: answers come late, twice, for the
/// wrong page, or not at all.
struct Fuzzer {
    enum Kind: CaseIterable {
        case boundKey, char, otherKey, mouse, resize, pageLoaded, pageFailed, retrying, revalidating
        case detailLoaded, detailFailed, conversationEnded, endFailed, urlOpenResult, watchTick, quitKey
    }

    private(set) var state: BrowserState
    private var rng: SplitMix64
    /// Page requests asked for and not answered yet.
    private var outstanding: [(key: PageKey, id: Int)] = []
    private var askedDetails: [String] = []
    private let conversations: [Conversation]
    private let details: [ConversationDetail]
    private(set) var counts: [Kind: Int] = [:]
    private(set) var justResized = false
    private(set) var pagesShown = 0
    private(set) var detailsOpened = 0
    private(set) var searches = 0
    private(set) var quits = 0

    static let boundKeys: [Key] = BoundKey.all.map(\.key).filter { $0 != .char("q") && $0 != .control("c") }

    static let textPieces = [
        "a", "Z", "7", "東", "京", "😀", "🚀", "\u{1B}", "[2J", "\u{9B}", "\u{85}", "\u{202E}", "\u{2066}", "\u{200D}",
        "e\u{301}", "\n", "\r\n", "\t", " ", "  ", "Café", "한", "\u{7F}", "\u{0}", "…", "\u{FE0F}", "👍🏽", "ｱ", "Ω",
        "call", "sync", "\u{AD}", "\u{FEFF}", "%", "'", "\"",
    ]

    init(seed: UInt64) {
        rng = SplitMix64(seed: seed)
        var generator = SplitMix64(seed: seed ^ 0xDEAD_BEEF)
        conversations = (0..<600).map { index in
            Fuzzer.randomConversation(index, &generator)
        }
        details = (0..<12).map { index in
            Fuzzer.randomDetail(for: Sample.conversation(index), &generator)
        }
        state = BrowserState(options: .init(), size: TerminalSize(rows: 30, columns: 100))
        restart()
    }

    /// Up to `pieces` random pieces; one time in a thousand a long run of one piece.
    static func randomText(_ rng: inout SplitMix64, pieces: ClosedRange<Int> = 0...10) -> String {
        if rng.int(0...999) == 0 { return String(repeating: rng.pick(textPieces), count: rng.int(100...1_500)) }
        return (0..<rng.int(pieces)).map { _ in rng.pick(textPieces) }.joined()
    }

    static func randomConversation(_ index: Int, _ rng: inout SplitMix64) -> Conversation {
        let status: ConversationStatus = rng.pick([.active, .active, .ended, .ended, .ended, .other("error"), .other(""), .other("\u{1B}[5m")])
        let url = rng.pick(["https://tavus.daily.co/c\(index)", "javascript:alert(1)", "", "https://x.y/\u{1B}", "http://host/a b"])
        let id = rng.chance(95) ? Sample.id(index) : "c\(index)" + randomText(&rng, pieces: 0...3)
        let raw = rng.chance(90) ? Timestamp.format(Sample.fetchedAt.addingTimeInterval(-Double(index) * 977)) : randomText(&rng)
        return Conversation(id: id, name: randomText(&rng, pieces: 0...6), status: status, url: url,
                            callbackURL: rng.chance(50) ? nil : randomText(&rng), replicaID: randomText(&rng, pieces: 0...2),
                            personaID: nil, createdAt: Timestamp(raw: raw), updatedAt: Timestamp(raw: raw))
    }

    static func randomDetail(for conversation: Conversation, _ rng: inout SplitMix64) -> ConversationDetail {
        if rng.chance(15) { return ConversationDetail(conversation: conversation, events: rng.chance(50) ? nil : []) }
        let turns: [JSONValue] = (0..<rng.int(0...30)).map { _ in
            .object(["role": .string(rng.pick(["user", "assistant", "system", "replica", randomText(&rng, pieces: 0...2)])),
                     "content": .string(randomText(&rng, pieces: 0...40)),
                     "seconds_from_start": rng.chance(80) ? .number(Double(rng.int(-10...100_000)) / 7) : .null])
        }
        return ConversationDetail(conversation: conversation, events: [
            Sample.event(ConversationEvent.replicaJoined, at: "2025-09-10T13:02:16Z"),
            Sample.event(ConversationEvent.shutdown, at: rng.chance(70) ? "2025-09-10T14:12:16Z" : randomText(&rng),
                         ["shutdown_reason": .string(randomText(&rng))]),
            Sample.event(ConversationEvent.transcriptionReady, at: "2025-09-10T14:12:20Z", ["transcript": .array(turns)]),
            Sample.event(ConversationEvent.perceptionAnalysis, at: "2025-09-10T14:12:30Z",
                         ["analysis": .string(randomText(&rng, pieces: 0...80))]),
            Sample.event(randomText(&rng, pieces: 1...3), at: ""),
        ])
    }

    /// A fresh browser with random options, as after starting the program again.
    mutating func restart() {
        let options = BrowserState.Options(limit: rng.pick([1, 3, 20, 20, 20, 50, 100]), isDemo: rng.chance(20),
                                           sourceLabel: rng.chance(80) ? "tavusapi.com" : Self.randomText(&rng),
                                           watchInterval: rng.pick([nil, 5, 0.5]))
        outstanding = []
        let filter = rng.pick(StatusFilter.allCases)
        let fresh = BrowserState(options: options, filter: filter, size: randomSize())
        let (started, effects) = start(fresh)
        state = started
        record(effects)
    }

    /// Any size from 1×1 to 300×100, mostly smaller ones so that rendering stays quick.
    mutating func randomSize() -> TerminalSize {
        switch rng.int(0...9) {
        case 0...4: TerminalSize(rows: rng.int(1...12), columns: rng.int(1...45))
        case 5...8: TerminalSize(rows: rng.int(1...40), columns: rng.int(1...130))
        default: TerminalSize(rows: rng.int(1...100), columns: rng.int(1...300))
        }
    }

    mutating func record(_ effects: [Effect]) {
        for effect in effects {
            switch effect {
            case .loadPage(let key, let id), .reloadPage(let key, let id):
                outstanding.append((key, id))
                if outstanding.count > 12 { outstanding.removeFirst() }
            case .loadDetail(let id, _):
                askedDetails.append(id)
                detailsOpened += 1
                if askedDetails.count > 8 { askedDetails.removeFirst() }
            default:
                break
            }
        }
    }

    mutating func apply(_ event: BrowserEvent) {
        justResized = false
        if case .resize = event { justResized = true }
        let hadSearch = !state.search.isEmpty
        let (next, effects) = update(state, event)
        if state.quitting {
            // A quit browser ignores everything; check, then start again.
            if next != state || !effects.isEmpty { Issue.record("an event changed a browser that had quit: \(event)") }
            quits += 1
            restart()
            return
        }
        if case .pageLoaded = event, next.page != state.page { pagesShown += 1 }
        if !hadSearch, !next.search.isEmpty { searches += 1 }
        state = next
        record(effects)
    }

    mutating func randomPage(for key: PageKey) -> ConversationPage {
        let size = switch rng.int(0...19) {
        case 0...1: 0
        case 2...10: rng.int(0...20)
        case 11...16: rng.int(0...60)
        default: rng.int(0...120)
        }
        let start = rng.int(0...(conversations.count - 121))
        let items = Array(conversations[start..<(start + size)])
        let consistent = max(size, (key.number - 1) * key.limit + size)
        let total = rng.pick([consistent, consistent, consistent, rng.int(0...5_000), 0, -3, size, Int(Int32.max)])
        let limit = rng.chance(95) ? key.limit : rng.int(-1...7)
        return ConversationPage(items: items, page: key.number, limit: limit, status: key.status, totalCount: total,
                                fetchedAt: Sample.fetchedAt.addingTimeInterval(Double(rng.int(0...86_400))))
    }

    mutating func randomKey() -> PageKey {
        PageKey(status: rng.chance(70) ? state.filter : rng.pick(StatusFilter.allCases), number: rng.chance(90) ? rng.int(1...5) : rng.int(1...60),
                limit: rng.chance(90) ? state.options.limit : rng.int(1...100))
    }

    /// A request to answer: usually one asked for, sometimes made up with a stale or future id.
    mutating func someRequest() -> (key: PageKey, id: Int) {
        if !outstanding.isEmpty, rng.chance(75) {
            let index = rng.int(0...(outstanding.count - 1))
            let request = outstanding[index]
            if rng.chance(80) { outstanding.remove(at: index) }
            return request
        }
        return (randomKey(), rng.int(0...(state.nextRequestID + 2)))
    }

    mutating func randomError() -> TavusError {
        switch rng.int(0...6) {
        case 0: .unauthorized(message: rng.pick(["Invalid access token", Self.randomText(&rng)]))
        case 1: .http(status: rng.pick([400, 404, 429, 500, 502, 503, 999]), message: rng.chance(50) ? nil : Self.randomText(&rng),
                      retryAfter: rng.chance(20) ? 3 : nil)
        case 2: .transport(rng.pick([.timeout, .connectionRefused, .nameResolution, .connectionLost, .other]), detail: Self.randomText(&rng))
        case 3: .undecodable(reason: Self.randomText(&rng), excerpt: Self.randomText(&rng))
        case 4: .invalidArgument(Self.randomText(&rng))
        default: .cancelled
        }
    }

    mutating func someConversationID() -> String {
        if let id = state.detail?.conversation.id, rng.chance(60) { return id }
        if let id = state.selectedConversation?.id, rng.chance(50) { return id }
        if !askedDetails.isEmpty, rng.chance(50) { return rng.pick(askedDetails) }
        return rng.pick(conversations).id
    }

    mutating func nextEvent() -> BrowserEvent {
        let roll = rng.int(0...999)
        let kind: Kind = switch roll {
        case 0..<300: .boundKey
        case 300..<420: .char
        case 420..<460: .otherKey
        case 460..<540: .mouse
        case 540..<570: .resize
        case 570..<760: .pageLoaded
        case 760..<820: .pageFailed
        case 820..<850: .retrying
        case 850..<860: .revalidating
        case 860..<910: .detailLoaded
        case 910..<925: .detailFailed
        case 925..<935: .conversationEnded
        case 935..<945: .endFailed
        case 945..<960: .urlOpenResult
        case 960..<997: .watchTick
        default: .quitKey
        }
        counts[kind, default: 0] += 1
        switch kind {
        case .boundKey:
            return .key(rng.pick(Self.boundKeys))
        case .char:
            let piece = rng.pick(Self.textPieces + ["0", "1", "5", "9", "y", "Y", "/", ":", "?", "n", "j", "G"])
            return .key(.char(piece.first ?? "x"))
        case .otherKey:
            return .key(rng.pick([.tab, .backspace, .backspace, .control("a"), .control("z"), .control("l"), .enter, .escape]))
        case .mouse:
            let action: MouseAction = rng.pick([.press, .press, .doubleClick, .wheelUp, .wheelDown])
            return .key(.mouse(action, row: rng.int(-2...(state.size.rows + 2)), column: rng.int(-2...(state.size.columns + 2))))
        case .resize:
            return .resize(randomSize())
        case .pageLoaded:
            let request = someRequest()
            return .pageLoaded(request.key, randomPage(for: request.key), fromCache: rng.chance(30), requestID: request.id)
        case .pageFailed:
            let request = someRequest()
            return .pageFailed(request.key, randomError(), requestID: request.id)
        case .retrying:
            let current: (key: PageKey, id: Int)? = state.loading.map { (key: $0.key, id: $0.requestID) }
            let request = rng.chance(70) ? (current ?? someRequest()) : someRequest()
            let attempt = rng.int(1...6)
            return .retrying(request.key, RetryNotice(attempt: attempt, maxAttempts: rng.int(1...6), delay: 0.3, error: randomError()),
                             requestID: request.id)
        case .revalidating:
            return .revalidating(rng.chance(70) ? state.wantedKey : randomKey())
        case .detailLoaded:
            let id = someConversationID()
            var detail = rng.pick(details)
            detail.conversation.id = id
            return .detailLoaded(id: id, detail)
        case .detailFailed:
            return .detailFailed(id: someConversationID(), randomError())
        case .conversationEnded:
            return .conversationEnded(id: someConversationID())
        case .endFailed:
            return .endFailed(id: someConversationID(), randomError())
        case .urlOpenResult:
            return .urlOpenResult(url: Self.randomText(&rng), failure: rng.chance(50) ? nil : Self.randomText(&rng))
        case .watchTick:
            return .watchTick
        case .quitKey:
            return .key(rng.pick([.char("q"), .control("c")]))
        }
    }
}
