import Foundation
import TavusModels

/// One line of the detail pane as styled pieces.
struct StyledLine: Hashable {
    var pieces: [(text: String, style: Style)]

    init(_ pieces: [(String, Style)]) { self.pieces = pieces.map { (text: $0.0, style: $0.1) } }

    static func == (lhs: StyledLine, rhs: StyledLine) -> Bool {
        lhs.pieces.map(\.text) == rhs.pieces.map(\.text) && lhs.pieces.map(\.style) == rhs.pieces.map(\.style)
    }

    func hash(into hasher: inout Hasher) {
        for piece in pieces { hasher.combine(piece.text); hasher.combine(piece.style) }
    }
}

/// The detail pane's text: every field, then what the verbose answer tells, wrapped to a width.
enum DetailContent {
    static let labelWidth = 11

    /// A labelled value, wrapped under its label; `—` when empty.
    static func field(_ label: String, _ value: String?, style: Style = .normal, width: Int) -> [StyledLine] {
        let text = value.map(TerminalText.sanitize) ?? ""
        let wrapped = text.isEmpty ? ["—"] : TerminalText.wrap(text, to: max(1, width - labelWidth))
        return wrapped.enumerated().map { index, part in
            StyledLine([(TerminalText.fit(index == 0 ? label : "", to: labelWidth), .label), (part, text.isEmpty ? .dim : style)])
        }
    }

    /// The pane's lines at a width, kept by its viewport; the check that they still fit is cheap
    /// because a record that did not change shares its storage.
    static func lines(for state: BrowserState, width: Int) -> [StyledLine] {
        guard let detail = state.detail else { return [] }
        let people = People(
            persona: named(detail.conversation.personaID, in: state.names.personas),
            replica: named(detail.conversation.replicaID, in: state.names.replicas))
        let key = WrapKey(width: width, people: people, conversation: detail.conversation, verbose: detail.verbose,
                          expanded: detail.expanded, completing: detail.completing)
        return detail.viewport.wrapped.value(for: key) { wrap(detail, people: people, width: width) }
    }

    /// `Sales Coach Rhea (p5317866)` when the name is known, the id alone otherwise.
    static func named(_ id: String?, in names: [String: String]) -> String? {
        guard let id else { return nil }
        guard let name = names[id], !name.isEmpty else { return id }
        return "\(name) (\(id))"
    }

    /// The persona and replica as the pane names them.
    struct People: Hashable {
        var persona: String?
        var replica: String?
    }

    /// What the pane's lines are made from.
    private struct WrapKey: Hashable {
        var width: Int
        var people: People
        var conversation: Conversation
        var verbose: DetailState.Verbose
        var expanded: Bool
        var completing: Bool
    }

    private static func wrap(_ detail: DetailState, people: People, width: Int) -> [StyledLine] {
        var lines: [StyledLine] = []
        let conversation = detail.conversation
        func field(_ label: String, _ value: String?, style: Style = .normal) {
            lines += Self.field(label, value, style: style, width: width)
        }
        let (statusText, statusStyle) = ListView.statusLabel(conversation.status)
        field("Name", conversation.name, style: .bold)
        field("ID", conversation.id)
        field("Status", statusText, style: statusStyle)
        field("URL", conversation.url, style: .link)
        field("Callback", conversation.callbackURL)
        field("Persona", people.persona)
        field("Replica", people.replica)
        field("Created", conversation.createdAt.longUTC)
        field("Updated", conversation.updatedAt.longUTC)
        lines.append(StyledLine([]))
        if detail.completing {
            lines.append(StyledLine([("Still being processed: read again every 10 s until complete", .warning)]))
        }

        switch detail.verbose {
        case .loading:
            lines.append(StyledLine([("Loading events…", .dim)]))
        case .failed(let message):
            for part in TerminalText.wrap("Events could not be loaded: " + TerminalText.sanitize(message), to: width) {
                lines.append(StyledLine([(part, .error)]))
            }
        case .loaded(let verbose):
            lines += verboseLines(verbose, expanded: detail.expanded, width: width)
        }
        return lines
    }

    private static func verboseLines(_ verbose: ConversationDetail, expanded: Bool, width: Int) -> [StyledLine] {
        guard let events = verbose.events, !events.isEmpty else {
            return [StyledLine([("No events recorded for this conversation", .dim)])]
        }
        var lines: [StyledLine] = []
        func field(_ label: String, _ value: String?, _ style: Style) {
            lines += Self.field(label, value, style: style, width: width)
        }
        field("Shutdown", verbose.shutdownReason, .normal)
        field("Joined", verbose.replicaJoinedAt?.longUTC, .normal)
        field("Ended", verbose.endedAt?.longUTC, .normal)
        field("Duration", verbose.duration.map(Format.duration), .normal)
        for event in events {
            if let line = EventLine.describe(event) { field(line.label, line.text, line.style) }
        }

        if let analysis = verbose.perceptionAnalysis {
            lines.append(StyledLine([]))
            lines.append(StyledLine([("Perception analysis", .title)]))
            for part in TerminalText.wrap(TerminalText.sanitizeKeepingNewlines(analysis), to: width) {
                lines.append(StyledLine([(part, .normal)]))
            }
        }
        let transcript = verbose.transcript
        lines.append(StyledLine([]))
        lines.append(StyledLine([("Transcript", .title), (transcript.isEmpty ? "  none" : "  \(transcript.count) turns", .dim)]))
        for (index, turn) in transcript.enumerated() {
            lines += TurnLines.lines(turn, isFirst: index == 0, expanded: expanded, width: width)
        }
        return lines
    }
}

extension DetailContent {
    /// The first line of the turn `role: text` among the pane's lines: the line with that role
    /// whose text starts as the turn does.
    static func line(ofTurn turn: String, in lines: [StyledLine]) -> Int? {
        guard let colon = turn.range(of: ": ") else { return nil }
        let role = TerminalText.sanitize(String(turn[..<colon.lowerBound]))
        let start = String(TerminalText.sanitize(String(turn[colon.upperBound...])).prefix(16))
        guard !start.isEmpty else { return nil }
        return lines.firstIndex { line in
            guard line.pieces.count >= 3, line.pieces[1].text.trimmingCharacters(in: .whitespaces) == role else { return false }
            let text = line.pieces[2].text
            return text.hasPrefix(start) || (!text.isEmpty && start.hasPrefix(text))
        }
    }
}
