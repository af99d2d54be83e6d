/// One cell of the screen. A wide character fills its first cell; the cell after it is a
/// continuation with empty text.
///
/// A cell holds one scalar and any combining marks after it, so filling a frame makes no
/// strings for plain text.
public struct Cell: Sendable, Hashable {
    /// NUL for a continuation cell.
    public internal(set) var scalar: Unicode.Scalar
    /// Combining marks drawn over the scalar, if any.
    public internal(set) var combining: String?
    public var style: Style

    init(scalar: Unicode.Scalar, style: Style) {
        self.scalar = scalar
        self.combining = nil
        self.style = style
    }

    public static let blank = Cell(scalar: " ", style: .normal)

    public var text: String {
        guard !isContinuation else { return "" }
        return combining.map { String(Character(scalar)) + $0 } ?? String(Character(scalar))
    }

    public var isContinuation: Bool { scalar == "\0" }

    /// Columns the cell's character takes.
    var width: Int { scalar.value < 0x300 ? 1 : TerminalText.width(of: scalar) }
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
    /// Returns the column after the last one written. Works scalar by scalar, as the terminal
    /// measures: a combining mark joins the cell before it.
    @discardableResult
    public mutating func put(_ text: String, row: Int, column: Int, style: Style, limit: Int? = nil) -> Int {
        guard row >= 0, row < rows, column < columns else { return column }
        let end = min(columns, limit.map { column + max(0, $0) } ?? columns)
        let base = row * columns
        var col = column
        for scalar in text.unicodeScalars {
            let width = scalar.value < 0x300 ? 1 : TerminalText.width(of: scalar)
            if width == 0 {
                if col > max(column, 0), col - 1 < columns {
                    var index = base + col - 1
                    if cells[index].isContinuation { index -= 1 }
                    cells[index].combining = (cells[index].combining ?? "") + String(Character(scalar))
                }
                continue
            }
            guard col + width <= end else { break }
            if col >= 0 {
                clearWide(row: row, column: col)
                cells[base + col] = Cell(scalar: scalar, style: style)
                if width == 2 {
                    clearWide(row: row, column: col + 1)
                    cells[base + col + 1] = Cell(scalar: "\0", style: style)
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
                cells[r * columns + c] = Cell(scalar: " ", style: style)
            }
        }
    }

    /// Overwriting half of a wide character blanks its other half, so no cell is left orphaned.
    private mutating func clearWide(row: Int, column: Int) {
        let index = row * columns + column
        if cells[index].isContinuation, column > 0 {
            cells[index - 1] = Cell(scalar: " ", style: cells[index - 1].style)
        } else if column + 1 < columns, cells[index + 1].isContinuation, cells[index].width == 2 {
            cells[index + 1] = Cell(scalar: " ", style: cells[index + 1].style)
        }
    }

    /// The screen as plain text, one line a row, for tests and plain output.
    public var lines: [String] {
        (0..<rows).map { row in
            var line = String.UnicodeScalarView()
            for col in 0..<columns {
                let cell = self[row, col]
                guard !cell.isContinuation else { continue }
                line.append(cell.scalar)
                if let combining = cell.combining { line.append(contentsOf: combining.unicodeScalars) }
            }
            return String(line)
        }
    }

    public var text: String { lines.joined(separator: "\n") }
}
