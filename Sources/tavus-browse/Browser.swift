import ArgumentParser
import BrowseConfiguration
import Foundation
import BrowserCore
import BrowserRuntime
import TavusAPI
import TerminalUI

/// What the browser and `list` both take: how to reach the API, the filter and the page size.
/// One group in both commands, so that either command's parse fills it.
struct ListingOptions: ParsableArguments {
    @OptionGroup var connection: ConnectionOptions

    @Option(name: .long, help: ArgumentHelp("Only conversations with this status: active or ended (the browser starts with it).", valueName: "status"))
    var status: StartFilter?

    @Option(name: .long, help: ArgumentHelp("Conversations per page, at least 1 (default 20; 100 for list --all).", valueName: "n"))
    var limit: Int?

    /// `--status`, else the profile's.
    func status(_ settings: Settings) -> StartFilter? {
        status ?? settings.profile?.status.flatMap(StartFilter.init(rawValue:))
    }

    func validate() throws {
        if let limit, limit < 1 { throw ValidationError("--limit must be at least 1") }
    }
}

/// The browser's own options, beside the listing ones.
struct BrowseOptions: ParsableArguments {
    @OptionGroup var listing: ListingOptions

    @Option(name: .long, help: ArgumentHelp("Refresh the current page every so many seconds (w pauses).", valueName: "seconds"))
    var watch: Double?

    @Option(name: .long, help: ArgumentHelp("Pages kept in memory; the least recently used go first.", valueName: "n"))
    var cachePages: Int = 50

    @Option(name: .long, help: ArgumentHelp("A cached page older than this is shown and reloaded in the background.", valueName: "seconds"))
    var staleAfter: Double = 60

    @Flag(name: .long, help: "Do not use the mouse.")
    var noMouse = false

    @Flag(name: .long, help: "Sync the index in the background from the start (as S does).")
    var sync = false

    @Flag(name: .long, help: "Browse and search the index with no network at all (sync it first).")
    var offline = false

    func validate() throws {
        guard cachePages >= 1 else { throw ValidationError("--cache-pages must be at least 1") }
        let longest = Int(Profile.longestInterval)
        guard staleAfter > 0, staleAfter <= Profile.longestInterval else {
            throw ValidationError("--stale-after must be more than 0 and at most \(longest) seconds (24 hours)")
        }
        if let watch, !(watch >= 0.5 && watch <= Profile.longestInterval) {
            throw ValidationError("--watch must be at least 0.5 and at most \(longest) seconds (24 hours)")
        }
        if offline, sync { throw ValidationError("--offline and --sync cannot be used together: a sync needs the API") }
        if offline, watch != nil { throw ValidationError("--offline and --watch cannot be used together: nothing changes offline") }
    }
}

/// The interactive browser: the terminal taken over, the loop run, the terminal given back.
/// The loop runs on the main thread, which it holds until the browser ends; the account's work
/// runs on the others.
enum Browser {
    @MainActor
    static func run(_ options: BrowseOptions) async throws {
        let settings = try Settings.resolve(options.listing.connection)
        let filter = options.listing.status(settings)?.filter ?? .all
        let limit = options.listing.limit ?? settings.profile?.limit ?? 20
        guard isatty(STDOUT_FILENO) == 1, isatty(STDIN_FILENO) == 1 else {
            let (connection, local, _) = options.offline ? try Connection.offline(options.listing.connection, settings)
                : (try Connection.open(options.listing.connection, settings), nil, nil)
            defer {
                local?.close()
                connection.close()
            }
            try await ListPrinter(client: connection.client, format: .table, width: nil)
                .print(page: 1, limit: limit, status: filter, all: false)
            return
        }
        if let problem = TerminalCheck.problem(term: ProcessInfo.processInfo.environment["TERM"]) {
            throw Failure.usage(problem + " Set TERM to your terminal's type (e.g. TERM=xterm-256color), or print the list with `tavus-browse list`.")
        }
        let (connection, local, indexProblem) = options.offline ? try Connection.offline(options.listing.connection, settings)
            : try Connection.online(options.listing.connection, settings)
        if options.sync, local == nil { throw Failure.usage("--sync needs the index, and this run has none") }
        let browserOptions = BrowserState.Options(limit: limit, isDemo: connection.isDemo, sourceLabel: connection.label,
                                                  watchInterval: options.offline ? nil : options.watch ?? settings.profile?.watch,
                                                  hasIndex: local != nil, isOffline: options.offline)
        let state = BrowserState(options: browserOptions, filter: filter, size: TerminalSize(rows: 24, columns: 80))
        let mailbox = Mailbox()
        let (account, index) = OtherAccounts.account(connection.client, local: local, options: options, writeThrough: !options.offline)
        let terminal = Terminal(mouse: !options.noMouse)
        let others = OtherAccounts(options)
        let runner = EffectRunner(
            account: account, profile: settings.profile.map { ($0.name, browserOptions, filter) },
            openAccount: others.open, post: mailbox.post, emit: terminal.emit)
        runner.tellCoverage()
        if let indexProblem { mailbox.post(.indexFailed(indexProblem)) }
        let crashTest = ProcessInfo.processInfo.environment["TAVUS_BROWSE_TEST_CRASH"] == "1"
        let loop = EventLoop(terminal: terminal, mailbox: mailbox, crashAfterFirstFrame: crashTest)
        var sized = state
        sized.size = terminal.size
        let (initial, effects) = start(sized, sync: options.sync)
        let (_, exit) = loop.run(initial, initialEffects: effects, perform: runner.perform)
        terminal.stop()
        // Before any exit: Ctrl-C and signals end the process here, and what waits for the
        // index must be stored (or recorded as gaps) and the index closed (a demo's folder
        // removed) on those paths too.
        if let index { await index.finish() }
        connection.close()
        await others.closeAll()
        local?.close()
        switch exit {
        case .quit: break
        case .interrupted: Foundation.exit(130)
        case .signal(let number): Foundation.exit(128 + number)
        }
    }
}

/// The accounts of the other profiles `:profile NAME` opens in a run: the same flags, the
/// named profile's values under them, and an index of each one's own, written through like the
/// first one's. Their indexes and connections are closed when the browser ends.
final class OtherAccounts: @unchecked Sendable {
    private let options: BrowseOptions
    private let lock = NSLock()
    private var opened: [(connection: Connection, local: LocalIndex?, index: IndexForBrowser?)] = []

    /// An account on `client`, with `local` as its index (written through unless offline); its
    /// index tells the screen through the account's link.
    static func account(_ client: TavusClient, local: LocalIndex?, options: BrowseOptions,
                        writeThrough: Bool) -> (Account, IndexForBrowser?) {
        let link = AccountLink()
        var client = client
        if writeThrough, let local { client.pageBases = local.index.pageBasesForClient() }
        let index = local.map { IndexForBrowser(index: $0.index, client: client, post: link.post) }
        if writeThrough { client.received = index?.store }
        let fetcher = ConversationFetcher(client: client, capacity: options.cachePages, staleAfter: options.staleAfter,
                                          beforePrefetch: index?.room)
        return (Account(fetcher: fetcher, index: index, link: link), index)
    }

    init(_ options: BrowseOptions) {
        self.options = options
    }

    @Sendable func open(_ name: String) -> Result<(Account, BrowserState.Options, StatusFilter), AccountOpeningFailure> {
        guard !options.listing.connection.demo else { return .failure(AccountOpeningFailure("--demo has no profiles to switch to")) }
        guard !options.offline else { return .failure(AccountOpeningFailure("--offline browses one index; another profile needs the API")) }
        var connectionOptions = options.listing.connection
        connectionOptions.profile = name
        do {
            // Warnings would land on the screen; the first start of the browser showed them.
            let settings = try Settings.resolve(connectionOptions, warn: { _ in })
            let connection = try Connection.open(connectionOptions, settings, warn: { _ in })
            let local = LocalIndex.openOrWarn(connection.indexPlace, warn: { _ in }).local
            let (account, index) = Self.account(connection.client, local: local, options: options, writeThrough: true)
            lock.withLock { opened.append((connection, local, index)) }
            let browserOptions = BrowserState.Options(
                limit: options.listing.limit ?? settings.profile?.limit ?? 20, isDemo: false, sourceLabel: connection.label,
                watchInterval: options.watch ?? settings.profile?.watch, hasIndex: local != nil)
            let filter = options.listing.status(settings)?.filter ?? .all
            return .success((account, browserOptions, filter))
        } catch let failure as Failure {
            return .failure(AccountOpeningFailure(failure.message))
        } catch {
            return .failure(AccountOpeningFailure("\(error)"))
        }
    }

    /// What waits for their indexes is stored (or recorded as gaps) first.
    func closeAll() async {
        for (connection, local, index) in lock.withLock({ opened }) {
            if let index { await index.finish() }
            connection.close()
            local?.close()
        }
    }
}

/// The `--status` values.
enum StartFilter: String, ExpressibleByArgument, CaseIterable {
    case active, ended

    var filter: StatusFilter { self == .active ? .active : .ended }
}
