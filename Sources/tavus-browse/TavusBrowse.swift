import ArgumentParser
import BrowseConfiguration
import CProcessMemory
import Foundation
import TavusAPI

/// The command line. The bare command is the browser, so its options are on `--help` and in
/// the completion scripts; `list`, `sync`, `search` and `index` are the subcommands.
@main
struct TavusBrowse: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tavus-browse",
        abstract: "A fast terminal browser for the conversations of a Tavus account.",
        discussion: """
            ENVIRONMENT
              TAVUS_API_KEY   the API key (or use --api-key-file)
              TAVUS_PROFILE   the profile to use (or use --profile)
              XDG_CONFIG_HOME where tavus-browse/config.toml is (else ~/.config)
              XDG_CACHE_HOME  where the index is kept, in tavus-browse/ (else ~/.cache)
              BROWSER         the program that opens a conversation URL (else xdg-open)
              NO_COLOR        set and non-empty: no colours
              HTTPS_PROXY, HTTP_PROXY, NO_PROXY   proxies, as curl reads them

            EXIT STATUS
              0    success
              1    an unexpected failure inside the program
              2    a usage error, a missing key, an unreadable key file, a
                   terminal that cannot draw the browser (see TERM), an index
                   that sync cannot use, or no index for search
              3    an API error, its message on stderr
              130  Ctrl-C with nothing to cancel; 128 + N for signal N

            KEYS
            \(KeyHelp.text)
            With standard output not a terminal, the bare command prints the list instead.
            """,
        version: "tavus-browse \(ClientConfiguration.version)",
        subcommands: [ListCommand.self, SyncCommand.self, SearchCommand.self, IndexCommand.self]
    )

    @OptionGroup var browse: BrowseOptions

    func validate() throws {
        try browse.validate()
    }

    func run() async throws {
        do {
            try await Browser.run(browse)
        } catch let failure as Failure {
            failure.exit()
        }
    }

    /// Parses and runs, with one exit-code scheme: every usage error the parser finds exits 2,
    /// its message on stderr, like the program's own usage errors.
    static func main() async {
        // One malloc arena: with one per thread, each of the runtime's, the network's and the
        // index's threads keeps the memory it freed, and the browser's peak grows with the pages
        // turned. Set before the first of those threads starts.
        tb_limit_malloc_arenas(1)
        do {
            var command = try parseAsRoot()
            let arguments = Array(CommandLine.arguments.dropFirst())
            if !(command is TavusBrowse) {
                try BrowserOnlyOptions.refuse(in: type(of: command), arguments: arguments)
            }
            // The parser gives `--offline` to the bare command's group even after `list`.
            if var list = command as? ListCommand, BrowserOnlyOptions.given("--offline", to: "list", in: arguments) {
                list.offline = true
                command = list
            }
            if var command = command as? any AsyncParsableCommand {
                try await command.run()
            } else {
                try command.run()
            }
        } catch {
            guard exitCode(for: error) == .validationFailure else { exit(withError: error) }
            FileHandle.standardError.write(Data(((mistypedCommand() ?? fullMessage(for: error)) + "\n").utf8))
            Foundation.exit(Failure.usage("").exitCode)
        }
    }
}

extension TavusBrowse {
    /// For a first argument that is no option and no command but near one: which was meant.
    /// (The bare command takes no arguments, so a word there is a command mistyped.)
    static func mistypedCommand(_ arguments: [String] = Array(CommandLine.arguments.dropFirst())) -> String? {
        guard let typed = arguments.first, !typed.hasPrefix("-") else { return nil }
        let commands = configuration.subcommands.compactMap { $0.configuration.commandName }
        guard let meant = NearestName.to(typed, among: commands) else { return nil }
        return "Error: \(typed) is not a command; did you mean \(meant)? (the commands: \(commands.joined(separator: ", ")))"
    }
}

/// The browser's own options, which the parser also takes after a subcommand's name (it gives
/// the bare command's options to any command below it): a subcommand that does not honour one
/// refuses it instead of ignoring it.
enum BrowserOnlyOptions {
    static let names = ["--watch", "--cache-pages", "--stale-after", "--no-mouse", "--sync", "--offline"]

    static func refuse(in command: any ParsableCommand.Type, arguments: [String]) throws {
        let name = command.configuration.commandName ?? ""
        let honoured: Set<String> = command == ListCommand.self || command == SearchCommand.self ? ["--offline"] : []
        for option in options(after: name, in: arguments) where names.contains(option) && !honoured.contains(option) {
            throw ValidationError("\(option) is an option of the browser; \(name) does not take it")
        }
    }

    static func given(_ option: String, to command: String, in arguments: [String]) -> Bool {
        options(after: command, in: arguments).contains(option)
    }

    /// The options named after the subcommand's name, up to `--`.
    private static func options(after command: String, in arguments: [String]) -> [String] {
        guard let start = arguments.firstIndex(of: command) else { return [] }
        return arguments[(start + 1)...].prefix(while: { $0 != "--" }).map { String($0.split(separator: "=", maxSplits: 1).first ?? "") }
    }
}
