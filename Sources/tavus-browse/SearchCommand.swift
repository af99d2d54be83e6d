import AccountIndex
import ArgumentParser
import BrowserCore
import Foundation
import TavusAPI

/// `tavus-browse search QUERY`: the index, searched; no request is made.
struct SearchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Search the local index: names, ids, persona and replica names, shutdown reasons and transcripts.",
        discussion: "Reads only the index (run `tavus-browse sync` first); no request is made. Exit status: 0 with or without hits, 2 for a usage error or no index."
    )

    @Argument(help: ArgumentHelp("Words to find, all of them; the last may be the start of a word. persona:ID or replica:ID keeps the conversations of one.", valueName: "query"))
    var words: [String]

    /// The words as one query.
    var query: String { words.joined(separator: " ") }

    func validate() throws {
        guard !query.allSatisfy(\.isWhitespace) else { throw ValidationError("search needs words to find") }
        _ = try collection
    }

    /// The browser's group, whose `--status` and `--limit` (the most hits, 20 by default) are
    /// the search's: the parser gives an option the bare command also has to that group.
    @OptionGroup var listing: ListingOptions

    @Option(name: .long, help: ArgumentHelp("table, json or tsv.", valueName: "format"))
    var format: OutputFormat = .table

    @Option(name: .long, help: ArgumentHelp("What to find: conversations (the default), or the personas, replicas, documents, guardrails, objectives or tools whose name or id holds every word.", valueName: "kind"),
            completion: .list(["conversations"] + ResourceRegistry.descriptors.map(\.title)))
    var kind: String = "conversations"

    /// The collection `--kind` names, nil for conversations.
    private var collection: String? {
        get throws {
            if kind.lowercased() == "conversations" { return nil }
            guard let named = ResourceRegistry.kind(named: kind) else {
                throw ValidationError("--kind is conversations or one of \(ResourceRegistry.descriptors.map(\.title).joined(separator: ", ")), not \(kind)")
            }
            return named.descriptor.collection
        }
    }

    func run() async throws {
        do {
            let local = try IndexCommand.openExisting(listing.connection)
            defer { local.close() }
            let index = local.index
            let (query, status, limit) = (query, listing.status?.rawValue, listing.limit ?? 20)
            if let collection = try collection {
                let items: [IndexedItem]
                do { items = try await index.items(matching: query, in: collection, limit: limit) } catch { throw Failure.usage("\(error)") }
                StandardOutput.write(ItemOutput.render(items, format: format))
                return
            }
            let hits: [SearchHit]
            do {
                hits = try await index.search(query, status: status, limit: limit)
            } catch {
                throw Failure.usage("\(error)")
            }
            if hits.isEmpty, (try? await index.extent())?.conversations == 0 {
                Settings.warn("tavus-browse: the index holds no conversations yet: run `tavus-browse sync` first")
            }
            let terminal = isatty(STDOUT_FILENO) == 1
            let color = terminal && (ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty
            StandardOutput.write(SearchOutput.render(hits, format: format, width: terminal ? TerminalWidth.current() : nil, color: color))
            // A table also names the account's items the words find, as a reader looks for them.
            if format == .table, let items = try? await index.items(matching: query, limit: limit), !items.isEmpty {
                StandardOutput.write("\nAlso in the account (--kind to list one kind):\n" + ItemOutput.render(items, format: .table))
            }
        } catch let failure as Failure {
            failure.exit()
        }
    }
}

/// Search hits as a table (each hit's matching transcript line under it), JSON or TSV.
enum SearchOutput {
    static func render(_ hits: [SearchHit], format: OutputFormat, width: Int?, color: Bool) -> String {
        switch format {
        case .json: json(hits)
        case .tsv: tsv(hits)
        case .table: table(hits, width: width, color: color)
        }
    }

    private static func table(_ hits: [SearchHit], width: Int?, color: Bool) -> String {
        let ids = hits.map { TerminalText.sanitize($0.id) }
        let names = hits.map { TerminalText.sanitize($0.name) }
        let personas = hits.map { TerminalText.sanitize($0.personaName ?? $0.personaID ?? "") }
        let idWidth = max(2, ids.map(TerminalText.width).max() ?? 0)
        let personaWidth = max(7, personas.map(TerminalText.width).max() ?? 0)
        let fixed = idWidth + 8 + 16 + personaWidth + 8
        let longest = max(4, names.map(TerminalText.width).max() ?? 0)
        let nameWidth = width.map { max(8, min(longest, $0 - fixed)) } ?? longest
        func row(_ cells: [(String, Int)]) -> String {
            cells.map { TerminalText.fit($0.0, to: $0.1) }.joined(separator: "  ").trimmingCharacters(in: .whitespaces) + "\n"
        }
        var out = row([("ID", idWidth), ("NAME", nameWidth), ("STATUS", 8), ("CREATED (UTC)", 16), ("PERSONA", personaWidth)])
        for (index, hit) in hits.enumerated() {
            out += row([(ids[index], idWidth), (names[index], nameWidth), (TerminalText.sanitize(hit.status), 8),
                        (TerminalText.sanitize(Timestamp(raw: hit.createdAt).shortUTC), 16), (personas[index], personaWidth)])
            if let snippet = hit.snippet {
                let line = TerminalText.sanitize(snippet)
                out += "    " + highlighted(width.map { TerminalText.truncate(line, to: max(8, $0 - 4)) } ?? line, color: color) + "\n"
            }
        }
        return out
    }

    /// The matched words in bold on a terminal with colours; otherwise just the text.
    private static func highlighted(_ text: String, color: Bool) -> String {
        let start = String(SearchHit.highlightStart), end = String(SearchHit.highlightEnd)
        let marked = text.replacingOccurrences(of: start, with: color ? "\u{1B}[1m" : "")
            .replacingOccurrences(of: end, with: color ? "\u{1B}[22m" : "")
        // A line cut inside a match still ends in normal weight.
        let cutInside = text.filter { $0 == SearchHit.highlightStart }.count > text.filter { $0 == SearchHit.highlightEnd }.count
        return color && cutInside ? marked + "\u{1B}[22m" : marked
    }

    private static func tsv(_ hits: [SearchHit]) -> String {
        "id\tname\tstatus\tcreated_at\tpersona\treplica\tmatch\n" + hits.map { hit in
            [hit.id, hit.name, hit.status, hit.createdAt, hit.personaName ?? hit.personaID ?? "",
             hit.replicaName ?? hit.replicaID ?? "", hit.match ?? ""].map(TerminalText.sanitize).joined(separator: "\t") + "\n"
        }.joined()
    }

    private struct Named: Encodable {
        var id: String
        var name: String?
    }

    private struct Hit: Encodable {
        var id: String
        var name: String
        var status: String
        var createdAt: String
        var persona: Named?
        var replica: Named?
        /// Encoded as null when absent, so every object has the same keys.
        var match: String?

        enum CodingKeys: String, CodingKey {
            case id, name, status, createdAt = "created_at", persona, replica, match
        }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(id, forKey: .id)
            try c.encode(name, forKey: .name)
            try c.encode(status, forKey: .status)
            try c.encode(createdAt, forKey: .createdAt)
            try c.encode(persona, forKey: .persona)
            try c.encode(replica, forKey: .replica)
            try c.encode(match, forKey: .match)
        }
    }

    private static func json(_ hits: [SearchHit]) -> String {
        let objects = hits.map { hit in
            Hit(id: hit.id, name: hit.name, status: hit.status, createdAt: hit.createdAt,
                persona: hit.personaID.map { Named(id: $0, name: hit.personaName) },
                replica: hit.replicaID.map { Named(id: $0, name: hit.replicaName) }, match: hit.match)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(objects)) ?? Data("[]".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}

/// Items of the account's other kinds, as `search --kind` prints them.
enum ItemOutput {
    static func render(_ items: [IndexedItem], format: OutputFormat) -> String {
        switch format {
        case .json:
            // Each object as the index keeps it; a tool's holds no secret.
            "[" + items.map { item in
                #"{"kind":\#(quoted(singular(item))),"id":\#(quoted(item.id)),"name":\#(quoted(item.name)),"object":\#(item.json)}"#
            }.joined(separator: ",") + "]\n"
        case .tsv:
            "kind\tid\tname\n" + items.map { [singular($0), $0.id, $0.name].map(TerminalText.sanitize).joined(separator: "\t") + "\n" }.joined()
        case .table:
            table(items)
        }
    }

    private static func table(_ items: [IndexedItem]) -> String {
        let kinds = items.map(singular), ids = items.map { TerminalText.sanitize($0.id) }
        let kindWidth = max(4, kinds.map(TerminalText.width).max() ?? 0), idWidth = max(2, ids.map(TerminalText.width).max() ?? 0)
        var out = TerminalText.fit("KIND", to: kindWidth) + "  " + TerminalText.fit("ID", to: idWidth) + "  NAME\n"
        for (index, item) in items.enumerated() {
            out += TerminalText.fit(kinds[index], to: kindWidth) + "  " + TerminalText.fit(ids[index], to: idWidth) + "  " + TerminalText.sanitize(item.name) + "\n"
        }
        return out
    }

    private static func singular(_ item: IndexedItem) -> String {
        ResourceRegistry.descriptors.first { $0.collection == item.collection }?.singular ?? item.collection
    }

    private static func quoted(_ text: String) -> String {
        (try? String(decoding: JSONEncoder().encode(text), as: UTF8.self)) ?? "\"\""
    }
}
