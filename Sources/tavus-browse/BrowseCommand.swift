import ArgumentParser
import Foundation
import BrowserCore
import TavusAPI
import TerminalUI

/// The interactive browser (the default command).
struct BrowseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "browse",
        abstract: "Browse conversations on screen (the default)."
    )

    @OptionGroup var connection: ConnectionOptions

    @Option(name: .long, help: ArgumentHelp("Conversations per page (at least 1).", valueName: "n"))
    var limit: Int = 20

    @Option(name: .long, help: ArgumentHelp("Start with this filter: active or ended.", valueName: "status"))
    var status: StartFilter?

    @Option(name: .long, help: ArgumentHelp("Refresh the current page every so many seconds (w pauses).", valueName: "seconds"))
    var watch: Double?

    @Option(name: .long, help: ArgumentHelp("Pages kept in memory; the least recently used go first.", valueName: "n"))
    var cachePages: Int = 50

    @Option(name: .long, help: ArgumentHelp("A cached page older than this is shown and reloaded in the background.", valueName: "seconds"))
    var staleAfter: Double = 60

    @Flag(name: .long, help: "Do not use the mouse.")
    var noMouse = false

    func validate() throws {
        guard limit >= 1 else { throw ValidationError("--limit must be at least 1") }
        guard cachePages >= 1 else { throw ValidationError("--cache-pages must be at least 1") }
        guard staleAfter > 0 else { throw ValidationError("--stale-after must be more than 0") }
        if let watch, watch < 0.5 { throw ValidationError("--watch must be at least 0.5 seconds") }
    }

    func run() throws {
        do {
            try browse()
        } catch let failure as Failure {
            failure.exit()
        }
    }

    private func browse() throws {
        let connection = try Connection.open(connection)
        let filter = status?.filter ?? .all
        guard isatty(STDOUT_FILENO) == 1, isatty(STDIN_FILENO) == 1 else {
            try ListPrinter(client: connection.client, format: .table, width: nil)
                .print(page: 1, limit: limit, status: filter, all: false)
            return
        }
        let options = BrowserState.Options(limit: limit, isDemo: connection.isDemo, sourceLabel: connection.label, watchInterval: watch)
        let fetcher = ConversationFetcher(client: connection.client, capacity: cachePages, staleAfter: staleAfter)
        let mailbox = Mailbox()
        let terminal = Terminal(mouse: !noMouse)
        let runner = EffectRunner(fetcher: fetcher, mailbox: mailbox, terminal: terminal)
        let crashTest = ProcessInfo.processInfo.environment["TAVUS_BROWSE_TEST_CRASH"] == "1"
        let loop = EventLoop(terminal: terminal, mailbox: mailbox, crashAfterFirstFrame: crashTest)
        let (state, effects) = start(BrowserState(options: options, filter: filter, size: terminal.size))
        let (_, exit) = loop.run(state, initialEffects: effects, perform: runner.perform)
        terminal.stop()
        connection.close()
        if case .signal(let number) = exit { Foundation.exit(128 + number) }
    }
}

/// The `--status` values.
enum StartFilter: String, ExpressibleByArgument, CaseIterable {
    case active, ended

    var filter: StatusFilter { self == .active ? .active : .ended }
}
