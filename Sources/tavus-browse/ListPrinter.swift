import Foundation
import BrowserCore
import TavusAPI

/// Fetches pages and prints them as a table, TSV or the API's own JSON objects.
struct ListPrinter {
    let client: TavusClient
    let format: OutputFormat
    /// The terminal's width for tables; nil prints names in full.
    let width: Int?

    func print(page: Int, limit: Int, status: StatusFilter, all: Bool) throws {
        var rows: [(Conversation, Data)] = []
        var seen = Set<String>()
        var number = all ? 1 : page
        while true {
            let pageNumber = number
            let data: Data
            do {
                data = try blocking { try await client.listConversationsData(page: pageNumber, limit: limit, status: status) }
            } catch let error as TavusError {
                throw Failure.api(error.description)
            }
            guard let body = try? JSONDecoder().decode(ConversationListBody.self, from: data),
                  let raw = RawJSON.elements(ofArray: "data", in: data), raw.count == body.data.count else {
                throw Failure.api(TavusError.undecodable(reason: "not a list of conversations", excerpt: "").description)
            }
            for (conversation, object) in zip(body.data, raw) where seen.insert(conversation.id).inserted {
                rows.append((conversation, object))
            }
            let pageCount = ConversationPage.pageCount(total: body.totalCount ?? 0, limit: limit)
            guard all, !body.data.isEmpty, pageNumber < pageCount else { break }
            number += 1
        }
        write(rows)
    }

    private func write(_ rows: [(Conversation, Data)]) {
        var out = Data()
        switch format {
        case .json:
            out.append(Data("[".utf8))
            for (index, row) in rows.enumerated() {
                out.append(Data((index == 0 ? "\n  " : ",\n  ").utf8))
                out.append(row.1)
            }
            out.append(Data((rows.isEmpty ? "]\n" : "\n]\n").utf8))
        case .tsv:
            var text = "id\tname\tstatus\turl\tcreated_at\tupdated_at\n"
            for (c, _) in rows {
                text += [c.id, c.name, c.status.rawValue, c.url, c.createdAt.raw, c.updatedAt.raw]
                    .map(TerminalText.sanitize).joined(separator: "\t") + "\n"
            }
            out.append(Data(text.utf8))
        case .table:
            out.append(Data(table(rows.map(\.0)).utf8))
        }
        FileHandle.standardOutput.write(out)
    }

    private func table(_ conversations: [Conversation]) -> String {
        let ids = conversations.map { TerminalText.sanitize($0.id) }
        let names = conversations.map { TerminalText.sanitize($0.name) }
        let idWidth = max(2, ids.map(TerminalText.width).max() ?? 0)
        let statusWidth = max(6, conversations.map { TerminalText.width(TerminalText.sanitize($0.status.rawValue)) }.max() ?? 0)
        let fixed = idWidth + statusWidth + 16 + 6
        let longest = max(4, names.map(TerminalText.width).max() ?? 0)
        let nameWidth = width.map { max(8, min(longest, $0 - fixed)) } ?? longest
        func line(_ id: String, _ name: String, _ status: String, _ created: String) -> String {
            [TerminalText.fit(id, to: idWidth), TerminalText.fit(name, to: nameWidth), TerminalText.fit(status, to: statusWidth), created]
                .joined(separator: "  ").trimmingCharacters(in: .whitespaces) + "\n"
        }
        var text = line("ID", "NAME", "STATUS", "CREATED (UTC)")
        for (index, c) in conversations.enumerated() {
            text += line(ids[index], names[index], TerminalText.sanitize(c.status.rawValue), TerminalText.sanitize(c.createdAt.shortUTC))
        }
        return text
    }
}
