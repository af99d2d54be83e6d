import AccountIndex
import Foundation
import BrowserCore
import BrowserRuntime
import TavusAPI

/// Fetches pages and prints them as a table, TSV or the API's own JSON objects. With `all`,
/// rows are printed as each page arrives (JSON as one array, streamed), each conversation once,
/// and the walk ends at the first page that brings nothing new, when the pages run out, or at
/// `total_count`, whichever comes first, so a server whose pages repeat cannot keep it going.
struct ListPrinter {
    let client: TavusClient
    let format: OutputFormat
    /// The terminal's width for tables; nil prints names in full.
    let width: Int?
    /// Where each page goes as it comes (one transaction a page); nil writes nothing.
    var index: AccountIndex? = nil

    func print(page: Int, limit: Int, status: StatusFilter, all: Bool) async throws {
        var seen = Set<String>()
        var number = all ? 1 : page
        var table: TableLayout?
        var printedAny = false
        var first = true
        var index = self.index
        // The array opens with the first page that came, so a failure before it prints nothing,
        // and closes however the walk ends, so what was printed is valid JSON.
        defer { if format == .json, !first { StandardOutput.write(printedAny ? "\n]\n" : "]\n") } }
        while true {
            let (page, objects) = try await fetch(page: number, limit: limit, status: status)
            if let open = index, await !Self.store(page, objects, in: open) { index = nil }
            if format == .json, first { StandardOutput.write("[") }
            var fresh: [(Conversation, Data)] = []
            for (conversation, object) in zip(page.items, objects) where seen.insert(conversation.id).inserted {
                fresh.append((conversation, object))
            }
            switch format {
            case .json:
                for (_, object) in fresh {
                    StandardOutput.write(printedAny ? ",\n  " : "\n  ")
                    StandardOutput.write(object)
                    printedAny = true
                }
            case .tsv:
                if first { StandardOutput.write(Self.tsvHeader) }
                StandardOutput.write(fresh.map { Self.tsvLine($0.0) }.joined())
            case .table:
                let layout = table ?? TableLayout(first: page.items, width: width, streaming: all)
                if table == nil { StandardOutput.write(layout.header) }
                table = layout
                StandardOutput.write(fresh.map { layout.line($0.0) }.joined())
            }
            if first, !all, page.items.isEmpty, page.page > 1 {
                let pages = page.pageCount
                FileHandle.standardError.write(Data(("tavus-browse: page \(page.page) is past the end: there "
                    + (pages == 1 ? "is 1 page" : "are \(pages) pages") + " of \(page.limit) (\(page.totalCount) conversations)\n").utf8))
            }
            first = false
            guard all, !fresh.isEmpty, number < page.pageCount else { break }
            number += 1
        }
    }

    /// Whether the page went into the index; if not, says once on stderr that the rest of the
    /// run goes without it.
    private static func store(_ page: ConversationPage, _ objects: [Data], in index: AccountIndex) async -> Bool {
        do {
            // Only an unfiltered list tells how many conversations the account has.
            let total = page.status == .all && page.totalIsExact ? page.totalCount : nil
            try await index.storeConversations(Array(zip(page.items, objects)), totalCount: total)
            return true
        } catch {
            Settings.warn("tavus-browse: going on without the index: \(error)")
            return false
        }
    }

    /// One page: decoded as the browser decodes it, with each conversation's bytes as they came.
    private func fetch(page number: Int, limit: Int, status: StatusFilter) async throws -> (ConversationPage, [Data]) {
        do {
            let data = try await client.listConversationsData(page: number, limit: limit, status: status)
            let page = try TavusClient.decodePage(data, page: number, limit: limit, status: status)
            guard let objects = RawJSON.elements(ofArray: "data", in: data), objects.count == page.items.count else {
                throw TavusError.undecodable(reason: "not a list of conversations", excerpt: Excerpt.of(data))
            }
            return (page, objects)
        } catch let error as TavusError {
            throw Failure.api(error.description)
        }
    }

    private static let tsvHeader = "id\tname\tstatus\turl\tcreated_at\tupdated_at\n"

    private static func tsvLine(_ c: Conversation) -> String {
        [c.id, c.name, c.status.rawValue, c.url, c.createdAt.raw, c.updatedAt.raw]
            .map(TerminalText.sanitize).joined(separator: "\t") + "\n"
    }
}

/// Column widths for the table, fixed by the first page so that later pages line up with it.
private struct TableLayout {
    let idWidth: Int
    let nameWidth: Int
    /// Whether names are cut to `nameWidth` (on a terminal) or only padded to it.
    let cutsNames: Bool
    let statusWidth = 8

    init(first: [Conversation], width: Int?, streaming: Bool) {
        idWidth = max(2, first.map { TerminalText.width(TerminalText.sanitize($0.id)) }.max() ?? 0)
        let fixed = idWidth + statusWidth + 16 + 6
        let longest = max(4, first.map { TerminalText.width(TerminalText.sanitize($0.name)) }.max() ?? 0)
        // Streaming, a later page may hold longer names: give them room up to the terminal's width.
        let wanted = streaming ? max(longest, 40) : longest
        nameWidth = width.map { max(8, min(wanted, $0 - fixed)) } ?? wanted
        cutsNames = width != nil
    }

    var header: String { row("ID", "NAME", "STATUS", "CREATED (UTC)") }

    func line(_ c: Conversation) -> String {
        row(TerminalText.sanitize(c.id), TerminalText.sanitize(c.name), TerminalText.sanitize(c.status.rawValue),
            TerminalText.sanitize(c.createdAt.shortUTC))
    }

    private func row(_ id: String, _ name: String, _ status: String, _ created: String) -> String {
        let shownName = cutsNames || TerminalText.width(name) <= nameWidth
            ? TerminalText.fit(name, to: nameWidth) : name
        return [TerminalText.fit(id, to: idWidth), shownName, TerminalText.fit(status, to: statusWidth), created]
            .joined(separator: "  ").trimmingCharacters(in: .whitespaces) + "\n"
    }
}

/// Standard output, written as it comes (no buffering, so a script sees each page at once).
enum StandardOutput {
    static func write(_ text: String) {
        write(Data(text.utf8))
    }

    static func write(_ data: Data) {
        data.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let written = Foundation.write(STDOUT_FILENO, raw.baseAddress! + offset, raw.count - offset)
                if written < 0, errno == EINTR { continue }
                if written <= 0 { exit(0) }
                offset += written
            }
        }
    }
}
