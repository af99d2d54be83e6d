import AccountIndex
import ArgumentParser
import Foundation
import TavusAPI

/// `tavus-browse index`: where this account's index is and what it holds; `--forget` deletes it.
struct IndexCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "index",
        abstract: "Print where the local index is and what it holds; --forget deletes it.",
        discussion: "Exit status: 0 on success (also when there is no index), 2 for a usage error or a missing key."
    )

    @OptionGroup var connection: ConnectionOptions

    @Flag(name: .long, help: "Delete this account's index (the file and its -wal and -shm files).")
    var forget = false

    func run() async throws {
        do {
            let place = try Self.place(connection)
            guard case .file(let path, _) = place else { throw Failure.usage("--demo and --no-index keep no index on disk") }
            if forget {
                let found: Bool
                do { found = try AccountIndex.forget(at: path) } catch { throw Failure.usage("\(error)") }
                StandardOutput.write(found ? "forgot \(path)\n" : "no index at \(path)\n")
                return
            }
            guard FileManager.default.fileExists(atPath: path) else {
                StandardOutput.write("no index at \(path) (run `tavus-browse sync` to make one)\n")
                return
            }
            let local = try Self.openExisting(connection)
            defer { local.close() }
            let index = local.index
            let summary: IndexSummary
            do { summary = try await index.summary() } catch { throw Failure.usage("\(error)") }
            StandardOutput.write(Self.describe(summary, path: path))
        } catch let failure as Failure {
            failure.exit()
        }
    }

    /// The index file the options name; the default one needs the key's hash, so the key is
    /// read the usual way (not with `--index-path`).
    static func place(_ connection: ConnectionOptions) throws -> IndexPlace {
        let settings = try Settings.resolve(connection)
        return try IndexPlace.of(connection) { (try settings.checkedBaseURL(insecureHTTP: connection.insecureHttp), try settings.apiKey()) }
    }

    /// The index the options name, which must be there: else exit 2, saying to sync first.
    static func openExisting(_ connection: ConnectionOptions) throws -> LocalIndex {
        let place = try place(connection)
        guard case .file = place else { throw Failure.usage("--demo and --no-index keep no index to read; give --index-path") }
        let local: LocalIndex?
        do {
            local = try LocalIndex.open(place, create: false)
        } catch {
            if case .missing(let path) = error { throw Failure.usage("no index at \(path): run `tavus-browse sync` first") }
            throw Failure.usage("\(error)")
        }
        guard let local else { throw Failure.usage("no index to read") }
        return local
    }

    static func describe(_ summary: IndexSummary, path: String, now: Date = Date()) -> String {
        let size = ["", "-wal"].compactMap { try? FileManager.default.attributesOfItem(atPath: path + $0)[.size] as? Int }.reduce(0, +)
        let synced = summary.lastSyncedAt.map { "\(Timestamp(date: $0).shortUTC) UTC (\(Self.ago($0, now: now)))" } ?? "never"
        let of = summary.totalCount.map { " of \($0)" } ?? ""
        return """
            index          \(path)
            size           \(ByteCountFormatter.string(fromByteCount: Int64(size), countStyle: .file))
            conversations  \(summary.conversations)\(of)
            records        \(summary.records)
            transcripts    \(summary.transcripts)
            personas       \(summary.personas)
            replicas       \(summary.replicas)
            last sync      \(synced)

            """
    }

    private static func ago(_ date: Date, now: Date) -> String {
        let seconds = max(0, Int(now.timeIntervalSince(date)))
        switch seconds {
        case ..<60: return "\(seconds) s ago"
        case ..<3_600: return "\(seconds / 60) min ago"
        case ..<86_400: return "\(seconds / 3_600) h ago"
        default: return "\(seconds / 86_400) days ago"
        }
    }
}
