import TavusModels

/// The pane's lines for one transcript turn: time, role and text; tool calls as
/// `→ name {args}` and tool answers as `← {…}`, each on one line, and the long system prompt
/// that usually opens a transcript folded to one line, until `x` expands them.
enum TurnLines {
    /// Columns before a turn's text: `mm:ss ` and the role.
    static let indent = 6 + 10

    static func lines(_ turn: TranscriptTurn, isFirst: Bool, expanded: Bool, width: Int) -> [StyledLine] {
        let offset = turn.secondsFromStart.map(Format.offset) ?? "     "
        let role = TerminalText.sanitize(turn.role)
        let roleStyle: Style = switch role {
        case "user": .roleUser
        case "assistant", "replica": .roleAssistant
        default: .roleSystem
        }
        let textWidth = max(1, width - indent)
        var pieces: [(text: String, style: Style, foldable: Bool)] = []
        if turn.isToolResult {
            pieces.append(("← " + TerminalText.sanitize(turn.content), .dim, true))
        } else if !turn.content.isEmpty {
            let folds = isFirst && role == "system" && TerminalText.width(turn.content) > textWidth
            pieces.append((TerminalText.sanitize(turn.content), .normal, folds))
        }
        for call in turn.toolCalls {
            let arguments = call.arguments.isEmpty ? "" : " " + TerminalText.sanitize(call.arguments)
            pieces.append(("→ " + TerminalText.sanitize(call.name) + arguments, .link, true))
        }
        if pieces.isEmpty { pieces.append(("(empty)", .dim, false)) }

        var lines: [StyledLine] = []
        for piece in pieces {
            let body: [String]
            if piece.foldable, !expanded, TerminalText.width(piece.text) > textWidth {
                body = [TerminalText.truncate(piece.text, to: textWidth)]
            } else {
                body = TerminalText.wrap(piece.text, to: textWidth)
            }
            for part in body {
                if lines.isEmpty {
                    lines.append(StyledLine([(offset + " ", .dim), (TerminalText.fit(role, to: 9) + " ", roleStyle), (part, piece.style)]))
                } else {
                    lines.append(StyledLine([(String(repeating: " ", count: indent), .normal), (part, piece.style)]))
                }
            }
        }
        return lines
    }
}
