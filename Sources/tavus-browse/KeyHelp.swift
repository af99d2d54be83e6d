import BrowserCore

/// The keys for `--help`, from the same table the app reads.
enum KeyHelp {
    static var text: String {
        var lines: [String] = []
        for context in KeyContext.allCases {
            lines.append("  \(context.title):")
            for binding in KeyMap.bindings where binding.contexts.contains(context) {
                lines.append("    " + binding.label.padding(toLength: 10, withPad: " ", startingAt: 0) + " " + binding.summary)
            }
        }
        return lines.joined(separator: "\n")
    }
}
