import Foundation

/// A pane's window on its lines, as a component: the first line shown, kept in bounds, and
/// the lines last wrapped for it. Wrapping a long record takes a while and both `update` (to
/// bound the scroll) and `render` ask for the lines on every key, so each pane keeps its last
/// answer; the cache is not part of the value (two viewports at the same line are equal).
public struct Viewport: Sendable, Hashable {
    /// The first line shown.
    public private(set) var scroll = 0
    let wrapped = WrappedLines()

    public init() {}

    /// Moves by `delta` lines, no further than either end of `lines` lines shown `height` at a time.
    public mutating func scroll(by delta: Int, lines: Int, height: Int) {
        let (moved, overflow) = scroll.addingReportingOverflow(delta)
        scroll(to: overflow ? (delta > 0 ? Int.max : 0) : moved, lines: lines, height: height)
    }

    /// Line `line` at the top, as far as the end allows.
    public mutating func scroll(to line: Int, lines: Int, height: Int) {
        scroll = min(max(0, lines - max(1, height)), max(0, line))
    }

    /// Scrolls just enough that line `line` shows.
    public mutating func reveal(_ line: Int, height: Int) {
        let height = max(1, height)
        if line < scroll { scroll = max(0, line) }
        if line >= scroll + height { scroll = line - height + 1 }
    }

    public static func == (lhs: Viewport, rhs: Viewport) -> Bool { lhs.scroll == rhs.scroll }
    public func hash(into hasher: inout Hasher) { hasher.combine(scroll) }
}

/// What a pane's lines were last made from, and them.
final class WrappedLines: @unchecked Sendable {
    private let lock = NSLock()
    private var last: (key: AnyHashable, value: Any)?

    /// The value made from `key`: the last one when `key` is the same, else `make()`'s, kept.
    func value<Value>(for key: AnyHashable, make: () -> Value) -> Value {
        lock.lock()
        defer { lock.unlock() }
        if let last, last.key == key, let value = last.value as? Value { return value }
        let value = make()
        last = (key, value)
        return value
    }
}
