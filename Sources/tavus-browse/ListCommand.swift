import ArgumentParser
import Foundation
import TavusAPI

/// `tavus-browse list`: conversations to standard output, for scripts.
struct ListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "Print conversations and exit.",
        discussion: "Exit status: 0 on success, 2 for a usage error or a missing key, 3 for an API error (its message on stderr)."
    )

    @OptionGroup var listing: ListingOptions

    @Option(name: .long, help: ArgumentHelp("The page to print (from 1).", valueName: "n"))
    var page: Int = 1

    @Flag(name: .long, help: "Walk every page and print each conversation once.")
    var all = false

    @Option(name: .long, help: ArgumentHelp("table, json (the API's objects unchanged, one array) or tsv.", valueName: "format"))
    var format: OutputFormat = .table

    @Flag(name: .long, help: "Print from the index with no network at all (sync it first).")
    var offline = false

    func validate() throws {
        guard page >= 1 else { throw ValidationError("--page must be at least 1") }
    }

    func run() async throws {
        do {
            let settings = try Settings.resolve(listing.connection)
            let (connection, local, _) = offline ? try Connection.offline(listing.connection, settings)
                : try Connection.online(listing.connection, settings)
            defer {
                local?.close()
                connection.close()
            }
            let width = isatty(STDOUT_FILENO) == 1 ? TerminalWidth.current() : nil
            let limit = listing.limit ?? settings.profile?.limit ?? (all ? 100 : 20)
            try await ListPrinter(client: connection.client, format: format, width: width, index: offline ? nil : local?.index)
                .print(page: page, limit: limit, status: listing.status(settings)?.filter ?? .all, all: all)
        } catch let failure as Failure {
            failure.exit()
        }
    }
}

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json, tsv
}

enum TerminalWidth {
    static func current() -> Int? {
        var size = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }
}
