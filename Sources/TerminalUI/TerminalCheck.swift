import CNCurses

/// Whether the terminal named by `TERM` can draw the browser, asked of terminfo before the
/// screen is touched, so an unusable terminal gets a message instead of a broken screen.
public enum TerminalCheck {
    /// nil when it can; otherwise why not, naming `TERM`.
    public static func problem(term: String?) -> String? {
        guard let term, !term.isEmpty else {
            return "TERM is not set, so the browser cannot draw on this terminal."
        }
        let shown = term.unicodeScalars.allSatisfy { $0.isASCII && $0.value > 0x20 && $0.value < 0x7F } ? term : "(unprintable)"
        if term == "dumb" {
            return "TERM=dumb cannot draw the browser (no cursor addressing)."
        }
        switch cnc_terminal_can_address_cursor(term) {
        case 1: break
        case 0: return "TERM=\(shown) has no cursor addressing, so the browser cannot draw on it."
        default: return "TERM=\(shown) is not a terminal type this machine knows (no terminfo entry)."
        }
        return nil
    }
}
