/// A key press as the terminal layer decodes it.
public enum Key: Sendable, Hashable {
    case char(Character)
    case up, down, left, right
    case pageUp, pageDown, home, end
    case enter, escape, backspace, tab, backTab
    /// Ctrl plus a letter, e.g. `.control("c")`.
    case control(Character)
    /// A mouse action at a screen position.
    case mouse(MouseAction, row: Int, column: Int)
}

public enum MouseAction: Sendable, Hashable {
    case press, doubleClick, wheelUp, wheelDown
}
