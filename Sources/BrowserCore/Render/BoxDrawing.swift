/// Draws a bordered box with a title on top and a caption in the bottom border.
enum BoxDrawing {
    /// The caption is made of `captions`, joined by ` · `; those that do not fit are left out
    /// whole, from the end, so a key name is never cut.
    static func draw(into frame: inout Frame, top: Int, left: Int, height: Int, width: Int, title: String, captions: [String] = []) {
        guard height >= 2, width >= 4 else { return }
        frame.clear(row: top, column: left, height: height, width: width)
        let inner = width - 2
        frame.put("┌" + String(repeating: "─", count: inner) + "┐", row: top, column: left, style: .border)
        for row in (top + 1)..<(top + height - 1) {
            frame.put("│", row: row, column: left, style: .border)
            frame.put("│", row: row, column: left + width - 1, style: .border)
        }
        frame.put("└" + String(repeating: "─", count: inner) + "┘", row: top + height - 1, column: left, style: .border)
        if !title.isEmpty {
            frame.put(" " + TerminalText.truncate(title, to: max(0, inner - 4)) + " ", row: top, column: left + 2, style: .title)
        }
        var parts = captions
        while !parts.isEmpty, TerminalText.width(parts.joined(separator: " · ")) > inner - 4 { parts.removeLast() }
        if !parts.isEmpty {
            frame.put(" " + parts.joined(separator: " · ") + " ", row: top + height - 1, column: left + 2, style: .key)
        }
    }
}
