import Foundation
import TavusModels

/// The text of a resource's pane, from its row's pane items, wrapped to a width.
enum ResourcePaneContent {
    /// The pane's lines, the focused link highlighted.
    static func lines(for pane: ResourceScreen.Pane, kind: ResourceKind, names: KnownNames, width: Int) -> [StyledLine] {
        let text = wrapped(pane, kind: kind, names: names, width: width)
        var lines = text.lines
        if let link = pane.link, text.linkLines.indices.contains(link) {
            let line = text.linkLines[link]
            lines[line].pieces = lines[line].pieces.map { ($0.text, $0.style == .label ? .label : .selected) }
        }
        return lines
    }

    /// The line each of the pane's links starts on, in the order of `ResourceRow.links`.
    static func linkLines(for pane: ResourceScreen.Pane, kind: ResourceKind, names: KnownNames, width: Int) -> [Int] {
        wrapped(pane, kind: kind, names: names, width: width).linkLines
    }

    private static func wrapped(_ pane: ResourceScreen.Pane, kind: ResourceKind, names: KnownNames, width: Int) -> PaneText {
        guard let row = pane.row else {
            if let failure = pane.failure {
                let text = "The \(kind.descriptor.singular) could not be loaded: " + TerminalText.sanitize(failure)
                return PaneText(lines: TerminalText.wrap(text, to: width).map { StyledLine([($0, .error)]) }, linkLines: [])
            }
            return PaneText(lines: [StyledLine([("Loading \(kind.descriptor.singular) \(TerminalText.sanitize(pane.id))…", .dim)])], linkLines: [])
        }
        let known = row.referencedIDs.sorted { $0.key.rawValue < $1.key.rawValue }.flatMap { kind, ids in
            ids.map { "\(kind.rawValue)/\($0)=\(names[kind.descriptor.collection][$0] ?? "")" }
        }
        return pane.viewport.wrapped.value(for: WrapKey(row: row, names: known, width: width)) { wrap(row, names: names, width: width) }
    }

    /// What a pane's lines are made from: its row, the names it shows, the width.
    private struct WrapKey: Hashable {
        var row: ResourceRow
        var names: [String]
        var width: Int
    }

    private static func wrap(_ row: ResourceRow, names: KnownNames, width: Int) -> PaneText {
        var lines: [StyledLine] = []
        var linkLines: [Int] = []
        for item in row.pane {
            switch item {
            case .field(let label, let cell):
                if cell.link != nil { linkLines.append(lines.count) }
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
        return PaneText(lines: lines, linkLines: linkLines)
    }

    /// A pane field's text: like the table's, but an item as `Name (id)`, links as links, and
    /// times in full.
    private static func paneText(_ cell: ResourceCell, names: KnownNames) -> (String?, Style) {
        switch cell {
        case .reference(let kind, let id): (DetailContent.named(id, in: names[kind.descriptor.collection]), cell.link == nil ? .normal : .link)
        case .tag(_, let tag): (tag, .link)
        case .time(let timestamp): (timestamp.longUTC, .normal)
        case .text(let text): (text, .normal)
        case .state(let text, let isFailure): (text, isFailure ? .error : .normal)
        case .link(let url): (url, .link)
        }
    }
}

/// A pane's wrapped lines and where its links are.
private struct PaneText {
    var lines: [StyledLine]
    var linkLines: [Int]
}
