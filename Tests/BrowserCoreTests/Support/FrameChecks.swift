import BrowserCore
import Testing

/// Checks that every rendered frame must pass, whatever the state.
enum FrameChecks {
    /// C0 controls, DEL and C1 controls: what a terminal would act on instead of drawing.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }

    /// The first cell holding a control character, as (row, column, scalar value).
    static func firstControl(in frame: Frame) -> (row: Int, column: Int, value: UInt32)? {
        for (index, cell) in frame.cells.enumerated() {
            // A quick look at the bytes first: 0xC2 starts U+0080…U+00BF, where the C1 controls are.
            guard cell.text.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F || $0 == 0xC2 }),
                  let scalar = cell.text.unicodeScalars.first(where: isControl) else { continue }
            return (index / max(1, frame.columns), index % max(1, frame.columns), scalar.value)
        }
        return nil
    }

    /// Where a wide character is not followed by its continuation, or a continuation has no
    /// wide character before it.
    static func firstBrokenWideCell(in frame: Frame) -> (row: Int, column: Int)? {
        for row in 0..<frame.rows {
            var column = 0
            while column < frame.columns {
                let cell = frame[row, column]
                if cell.isContinuation { return (row, column) }
                if TerminalText.width(cell.text) == 2 {
                    guard column + 1 < frame.columns, frame[row, column + 1].isContinuation else { return (row, column) }
                    column += 2
                } else {
                    column += 1
                }
            }
        }
        return nil
    }

    /// Records an issue for every broken rule: no control characters, every line exactly
    /// `columns` wide, wide characters whole.
    static func expectClean(_ frame: Frame, measuringLines: Bool = true, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(frame.cells.count == frame.rows * frame.columns, sourceLocation: sourceLocation)
        if let hit = firstControl(in: frame) {
            Issue.record("Control character U+\(String(hit.value, radix: 16, uppercase: true)) at row \(hit.row), column \(hit.column)",
                         sourceLocation: sourceLocation)
        }
        if let hit = firstBrokenWideCell(in: frame) {
            Issue.record("Broken wide character at row \(hit.row), column \(hit.column)", sourceLocation: sourceLocation)
        }
        guard measuringLines else { return }
        for (index, line) in frame.lines.enumerated() where TerminalText.width(line) != frame.columns {
            Issue.record("Line \(index) is \(TerminalText.width(line)) columns wide, not \(frame.columns): \(line)",
                         sourceLocation: sourceLocation)
        }
    }
}

extension Frame {
    func contains(_ text: String) -> Bool { text.isEmpty || self.text.contains(text) }
}
