import Foundation

/// One capture of the pane: its lines as `tmux capture-pane -p` prints them.
struct Screen: Sendable, CustomStringConvertible {
    let lines: [String]

    init(_ text: String) {
        var lines = text.components(separatedBy: "\n")
        if lines.last == "" { lines.removeLast() }
        self.lines = lines
    }

    var text: String { lines.joined(separator: "\n") }

    /// The top line: title, source, filter, page and total.
    var header: String { lines.first ?? "" }

    func contains(_ text: String) -> Bool { self.text.contains(text) }

    /// Whether the regular expression matches somewhere; `^` and `$` match at each line.
    func matches(_ pattern: String) -> Bool {
        guard let regex = try? Regex(pattern) else { return false }
        return text.contains(regex.anchorsMatchLineEndings())
    }

    /// List rows: lines that start with the selection marker or a space and a conversation id.
    func listRows(ids: Set<String>) -> [String] {
        lines.dropFirst(2).filter { line in
            let body = line.drop { $0 == "▶" || $0 == " " }
            let id = body.prefix { $0.isLetter || $0.isNumber }
            return ids.contains(String(id))
        }
    }

    /// The screen framed with line numbers, for failure messages.
    var description: String {
        let width = max(lines.map(\.count).max() ?? 0, 10)
        let rule = "   +" + String(repeating: "-", count: width) + "+"
        var out = [rule]
        for (index, line) in lines.enumerated() {
            let number = String(index)
            out.append(String(repeating: " ", count: max(0, 3 - number.count)) + number + "|" + line)
        }
        out.append(rule)
        return out.joined(separator: "\n")
    }
}
