import Foundation
import TavusModels

/// The text of a resource's pane, from its row's pane items, wrapped to a width.
enum ResourcePaneContent {
    static func lines(for pane: ResourceScreen.Pane, kind: ResourceKind, names: KnownNames, width: Int) -> [StyledLine] {
        guard let row = pane.row else {
            if let failure = pane.failure {
                let text = "The \(kind.descriptor.singular) could not be loaded: " + TerminalText.sanitize(failure)
                return TerminalText.wrap(text, to: width).map { StyledLine([($0, .error)]) }
            }
            return [StyledLine([("Loading \(kind.descriptor.singular) \(TerminalText.sanitize(pane.id))…", .dim)])]
        }
        let replicas = row.replicaIDs.map { ($0, names.replicas[$0]) }
        return memo.lines(for: row, replicas: replicas.map { "\($0.0)=\($0.1 ?? "")" }, width: width) {
            wrap(row, names: names, width: width)
        }
    }

    private static let memo = LastPaneLines()

    private static func wrap(_ row: ResourceRow, names: KnownNames, width: Int) -> [StyledLine] {
        var lines: [StyledLine] = []
        for item in row.pane {
            switch item {
            case .field(let label, let cell):
                let (text, style) = paneText(cell, names: names)
                lines += DetailContent.field(label, text, style: style, width: width)
            case .heading(let title):
                lines.append(StyledLine([]))
                lines.append(StyledLine([(title, .title)]))
            case .text(let text):
                let clean = TerminalText.sanitizeKeepingNewlines(text)
                if clean.isEmpty {
                    lines.append(StyledLine([("—", .dim)]))
                } else {
                    lines += TerminalText.wrap(clean, to: width).map { StyledLine([($0, .normal)]) }
                }
            case .preformatted(let text):
                for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
                    lines += TerminalText.hardWrap(TerminalText.sanitize(String(line)), to: width).map { StyledLine([($0, .normal)]) }
                }
            }
        }
        return lines
    }

    /// A pane field's text: like the table's, but a replica as `Name (id)` and times in full.
    private static func paneText(_ cell: ResourceCell, names: KnownNames) -> (String?, Style) {
        switch cell {
        case .replica(let id): (DetailContent.named(id, in: names.replicas), .normal)
        case .time(let timestamp): (timestamp.longUTC, .normal)
        case .text(let text): (text, .normal)
        case .state(let text, let isFailure): (text, isFailure ? .error : .normal)
        case .link(let url): (url, .link)
        }
    }
}

/// The last wrapped pane and what it was made from: scrolling asks for the lines on every key.
private final class LastPaneLines: @unchecked Sendable {
    private let lock = NSLock()
    private var last: (row: ResourceRow, replicas: [String], width: Int, lines: [StyledLine])?

    func lines(for row: ResourceRow, replicas: [String], width: Int, make: () -> [StyledLine]) -> [StyledLine] {
        lock.lock()
        defer { lock.unlock() }
        if let last, last.width == width, last.replicas == replicas, last.row == row { return last.lines }
        let lines = make()
        last = (row, replicas, width, lines)
        return lines
    }
}
