/// The `?` overlay, drawn from the key map.
enum HelpView {
    static func draw(_ state: BrowserState, into frame: inout Frame) {
        var lines: [(String, String, Bool)] = []
        for context in KeyContext.allCases {
            if !lines.isEmpty { lines.append(("", "", false)) }
            lines.append((context.title, "", true))
            for binding in KeyMap.bindings where binding.contexts.contains(context) {
                lines.append((binding.label, binding.summary, false))
            }
        }
        let width = min(frame.columns - 2, 60)
        let height = min(frame.rows - 2, lines.count + 2)
        guard width >= 10, height >= 3 else { return }
        let top = max(1, (frame.rows - height) / 2)
        let left = max(1, (frame.columns - width) / 2)
        BoxDrawing.draw(into: &frame, top: top, left: left, height: height, width: width,
                        title: "Keys", caption: lines.count + 2 > height ? "more keys: widen the terminal · ? close" : "? or Esc close")
        for (index, line) in lines.prefix(height - 2).enumerated() {
            let row = top + 1 + index
            if line.2 {
                frame.put(line.0, row: row, column: left + 2, style: .title, limit: width - 4)
            } else {
                let keyColumn = frame.put(TerminalText.fit(line.0, to: 10), row: row, column: left + 3, style: .key, limit: width - 5)
                frame.put(line.1, row: row, column: keyColumn + 1, style: .normal, limit: max(0, left + width - 2 - keyColumn - 1))
            }
        }
    }
}
