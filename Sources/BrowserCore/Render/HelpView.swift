/// The `?` overlay, drawn from the key map for the view on screen: keys of its list, of its
/// pane, and those of both. Two columns when the terminal is wide enough, one otherwise.
enum HelpView {
    private typealias Line = (keys: String, summary: String, isTitle: Bool)

    private static let columnWidth = 50

    static func draw(_ state: BrowserState, into frame: inout Frame) {
        let (list, pane): (KeyContext, KeyContext) = state.views.isEmpty ? (.list, .detail) : (.resourceList, .resourcePane)
        let view = state.views.last?.descriptor
        let sections: [(String, [KeyBinding])] = [
            (view.map { "\($0.title.capitalized) list" } ?? list.title,
             KeyMap.bindings.filter { $0.contexts.contains(list) && !$0.contexts.contains(pane) }),
            (view.map { "\($0.singular.capitalized) pane" } ?? pane.title,
             KeyMap.bindings.filter { $0.contexts.contains(pane) && !$0.contexts.contains(list) }),
            ("Everywhere", KeyMap.bindings.filter { $0.contexts.contains(list) && $0.contexts.contains(pane) }),
        ]
        let blocks = sections.map { title, bindings in
            [Line(title, "", true)] + bindings.map { Line($0.label, $0.summary, false) }
        }
        let twoColumns = frame.columns >= 2 * columnWidth + 6
        let columns: [[Line]] = twoColumns
            ? [blocks[0], blocks[1] + [Line("", "", false)] + blocks[2]]
            : [blocks[0] + [Line("", "", false)] + blocks[1] + [Line("", "", false)] + blocks[2]]
        let needed = (columns.map(\.count).max() ?? 0) + 2
        let width = min(frame.columns - 2, twoColumns ? 2 * columnWidth + 4 : columnWidth + 4)
        let height = min(frame.rows - 2, needed)
        guard width >= 10, height >= 3 else { return }
        let top = max(1, (frame.rows - height) / 2)
        let left = max(1, (frame.columns - width) / 2)
        BoxDrawing.draw(into: &frame, top: top, left: left, height: height, width: width,
                        title: "Keys", captions: needed > height ? ["more keys in a taller terminal", "? close"] : ["? or Esc close"])
        for (index, lines) in columns.enumerated() {
            let columnLeft = left + 2 + index * (columnWidth + 1)
            let columnEnd = min(left + width - 2, columnLeft + columnWidth)
            for (offset, line) in lines.prefix(height - 2).enumerated() {
                let row = top + 1 + offset
                if line.isTitle {
                    frame.put(line.keys, row: row, column: columnLeft, style: .title, limit: columnEnd - columnLeft)
                } else if !line.keys.isEmpty {
                    let keyEnd = frame.put(TerminalText.fit(line.keys, to: 10), row: row, column: columnLeft + 1,
                                           style: .key, limit: max(0, columnEnd - columnLeft - 1))
                    frame.put(line.summary, row: row, column: keyEnd + 1, style: .normal, limit: max(0, columnEnd - keyEnd - 1))
                }
            }
        }
    }
}
