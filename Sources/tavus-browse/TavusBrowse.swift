import ArgumentParser

@main
struct TavusBrowse: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tavus-browse",
        abstract: "A fast terminal browser for the conversations of a Tavus account.",
        discussion: """
            ENVIRONMENT
              TAVUS_API_KEY   the API key (or use --api-key-file)
              BROWSER         the program that opens a conversation URL (else xdg-open)
              NO_COLOR        set and non-empty: no colours

            KEYS
            \(KeyHelp.text)
            With standard output not a terminal, the bare command prints the list instead.
            """,
        version: "tavus-browse 0.1.0",
        subcommands: [BrowseCommand.self, ListCommand.self],
        defaultSubcommand: BrowseCommand.self
    )
}
