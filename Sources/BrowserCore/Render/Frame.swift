/// One cell of the screen. A wide character fills its first cell; the cell after it is a
/// continuation with empty text.
public struct Cell: Sendable, Hashable {
    public var text: String
    public var style: Style

    public static let blank = Cell(text: " ", style: .normal)
    public var isContinuation: Bool { text.isEmpty }
}

/// A grid of cells that `render` fills and the terminal layer copies to the screen.
public struct Frame: Sendable, Hashable {
    public let rows: Int
    public let columns: Int
    public private(set) var cells: [Cell]

    public init(rows: Int, columns: Int) {
        self.rows = max(0, rows)
        self.columns = max(0, columns)
        self.cells = Array(repeating: .blank, count: self.rows * self.columns)
    }

    public subscript(row: Int, column: Int) -> Cell {
        cells[row * columns + column]
    }

    /// Writes sanitized text from (row, column), clipped to `limit` columns (and the frame).
    /// Returns the column after the last one written.
    @discardableResult
    public mutating func put(_ text: String, row: Int, column: Int, style: Style, limit: Int? = nil) -> Int {
        guard row >= 0, row < rows, column < columns else { return column }
        let end = min(columns, limit.map { column + max(0, $0) } ?? columns)
        var col = column
        for character in text {
            let width = character.isASCII ? 1 : TerminalText.width(of: character)
            if width == 0 {
                if col > column, col - 1 < columns {
                    var index = row * columns + col - 1
                    if cells[index].isContinuation { index -= 1 }
                    cells[index].text.append(character)
                }
                continue
            }
            guard col + width <= end else { break }
            if col >= 0 {
                clearWide(row: row, column: col)
                cells[row * columns + col] = Cell(text: String(character), style: style)
                if width == 2 {
                    clearWide(row: row, column: col + 1)
                    cells[row * columns + col + 1] = Cell(text: "", style: style)
                }
            }
            col += width
        }
        return col
    }

    /// Sets the style of `count` cells from (row, column), keeping their text.
    public mutating func paint(row: Int, column: Int, count: Int, style: Style) {
        guard row >= 0, row < rows else { return }
        for col in max(0, column)..<min(columns, column + count) {
            cells[row * columns + col].style = style
        }
    }

    /// Fills a rectangle with blanks of one style.
    public mutating func clear(row: Int, column: Int, height: Int, width: Int, style: Style = .normal) {
        for r in max(0, row)..<min(rows, row + height) {
            for c in max(0, column)..<min(columns, column + width) {
                clearWide(row: r, column: c)
                cells[r * columns + c] = Cell(text: " ", style: style)
            }
        }
    }

    /// Overwriting half of a wide character blanks its other half, so no cell is left orphaned.
    private mutating func clearWide(row: Int, column: Int) {
        let index = row * columns + column
        if cells[index].isContinuation, column > 0 {
            cells[index - 1] = Cell(text: " ", style: cells[index - 1].style)
        } else if column + 1 < columns, cells[index + 1].isContinuation,
                  TerminalText.width(cells[index].text) == 2 {
            cells[index + 1] = Cell(text: " ", style: cells[index + 1].style)
        }
    }

    /// The screen as plain text, one line a row, for tests and plain output.
    public var lines: [String] {
        (0..<rows).map { row in
            var line = ""
            for col in 0..<columns { line += self[row, col].text }
            return line
        }
    }

    public var text: String { lines.joined(separator: "\n") }
}
