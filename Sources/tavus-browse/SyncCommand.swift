import AccountIndex
import ArgumentParser
import BrowserCore
import Foundation
import TavusAPI

/// `tavus-browse sync`: the whole account into the index.
struct SyncCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract: "Fill the local index: every conversation, persona and replica, and the records not yet final.",
        discussion: "Exit status: 0 on success, 2 for a usage error, a missing key or an index that cannot be used, 3 for an API error (its message on stderr)."
    )

    @OptionGroup var connection: ConnectionOptions

    @Option(name: .long, help: ArgumentHelp("Requests at once, from 1 to 32.", valueName: "n"))
    var jobs: Int = 4

    func validate() throws {
        guard (1...32).contains(jobs) else { throw ValidationError("--jobs must be from 1 to 32") }
    }

    func run() async throws {
        do {
            let settings = try Settings.resolve(connection)
            let opened = try Connection.open(connection, settings)
            defer { opened.close() }
            guard opened.indexPlace != .none else { throw Failure.usage("sync fills the index: it cannot be used with --no-index") }
            let local: LocalIndex?
            do { local = try LocalIndex.open(opened.indexPlace, create: true) } catch { throw Failure.usage("\(error)") }
            guard let local else { return }
            defer { local.close() }
            let bar = ProgressBar(enabled: isatty(STDERR_FILENO) == 1)
            var client = opened.client
            client.pageBases = local.index.pageBasesForClient()
            let sync = IndexSync(client: client, index: local.index, kinds: ResourceRegistry.indexedKinds, jobs: jobs)
            let interrupted = Interruption()
            let outcome = await interrupted.cancelling { () async -> Result<IndexSync.Report, IndexSync.Failure> in
                do throws(IndexSync.Failure) { return .success(try await sync.run(progress: bar.show)) } catch { return .failure(error) }
            }
            bar.clear()
            switch outcome {
            case .success(let report):
                for kind in report.skipped { Settings.warn("tavus-browse: warning: skipped \(kind)") }
                let items = report.items.map { ", \($0.count) \($0.collection)" }.joined()
                Settings.warn("synced \(report.conversations) conversations, \(report.records) records\(items) in "
                    + String(format: "%.1f", report.seconds) + " s")
            case .failure where interrupted.happened:
                Settings.warn("tavus-browse: sync cancelled; what was stored is kept, and the next sync completes it")
                local.close()
                Foundation.exit(130)
            case .failure(.api(let error)):
                throw Failure.api(error.description)
            case .failure(.index(let error)):
                throw Failure.usage("\(error)")
            }
        } catch let failure as Failure {
            failure.exit()
        }
    }
}

/// Ctrl-C during a long command: the work is cancelled (so it ends between two transactions,
/// leaving a consistent index) instead of the process being killed.
final class Interruption: @unchecked Sendable {
    private let lock = NSLock()
    private var interrupted = false

    var happened: Bool { lock.withLock { interrupted } }

    /// Runs `work` to its end; SIGINT cancels it meanwhile.
    func cancelling<T: Sendable>(_ work: @escaping @Sendable () async -> T) async -> T {
        let task = Task { await work() }
        signal(SIGINT, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
        source.setEventHandler { [self] in
            lock.withLock { interrupted = true }
            task.cancel()
        }
        source.resume()
        let value = await task.value
        source.cancel()
        signal(SIGINT, SIG_DFL)
        return value
    }
}

/// The sync's progress on a terminal: one line, redrawn in place at most ten times a second,
/// with the count, the rate and the time left.
final class ProgressBar: @unchecked Sendable {
    private let enabled: Bool
    private let lock = NSLock()
    private var phaseStart: (IndexSync.Progress.Phase, Date)?
    private var lastDrawn = Date.distantPast
    private var drawn = false

    init(enabled: Bool) {
        self.enabled = enabled
    }

    @Sendable func show(_ progress: IndexSync.Progress) {
        guard enabled else { return }
        lock.withLock {
            let now = Date()
            if phaseStart?.0 != progress.phase { phaseStart = (progress.phase, now) }
            guard progress.done >= progress.total || now.timeIntervalSince(lastDrawn) >= 0.1 else { return }
            lastDrawn = now
            drawn = true
            let elapsed = now.timeIntervalSince(phaseStart?.1 ?? now)
            FileHandle.standardError.write(Data(("\r\u{1B}[K" + Self.line(progress, elapsed: elapsed, columns: TerminalWidth.current() ?? 80)).utf8))
        }
    }

    func clear() {
        lock.withLock {
            if drawn { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        }
    }

    /// `records 120/250 [#########-----------] 48/s, 3 s left`, cut to the terminal's width.
    static func line(_ progress: IndexSync.Progress, elapsed: Double, columns: Int) -> String {
        let total = max(progress.total, progress.done)
        let fraction = total > 0 ? Double(progress.done) / Double(total) : 1
        let filled = Int((fraction * 20).rounded(.down))
        let rate = elapsed > 0 ? Double(progress.done) / elapsed : 0
        let left = rate > 0 ? Double(total - progress.done) / rate : nil
        var text = "\(progress.phase.rawValue) \(progress.done)/\(total) [" + String(repeating: "#", count: filled)
            + String(repeating: "-", count: 20 - filled) + "] " + String(format: "%.0f/s", rate)
        if let left { text += String(format: ", %.0f s left", left) }
        return String(text.prefix(max(1, columns - 1)))
    }
}
