import Foundation
import CNCurses
import CTerminalSignals
import BrowserCore

/// The ncurses screen. Only the thread that runs the loop touches it.
public final class Terminal {
    private let window: UnsafeMutablePointer<WINDOW>
    private let palette: Palette
    private var previous: Frame?
    private var stopped = false
    public let mouseEnabled: Bool

    /// Takes over the terminal. Colour is used unless `NO_COLOR` is set and non-empty.
    public init(mouse: Bool) {
        setlocale(LC_ALL, "")
        TerminalRestore.saveModes()
        guard let window = initscr() else { fatalError("cannot start the terminal") }
        self.window = window
        cbreak()
        // Ctrl-C as a key, not SIGINT: it cancels a prompt or a load before it quits. ncurses
        // keeps these modes as the program's own, so they come back after Ctrl-Z and fg.
        _ = tb_terminal_make_interrupt_a_key(STDIN_FILENO)
        def_prog_mode()
        noecho()
        nonl()
        keypad(window, true)
        nodelay(window, true)
        set_escdelay(25)
        curs_set(0)
        let noColor = ProcessInfo.processInfo.environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        palette = Palette(colors: !noColor && Palette.startColors())
        mouseEnabled = mouse
        if mouse {
            mousemask(Self.mouseEvents, nil)
            mouseinterval(250)
        }
        TerminalRestore.setActive(true)
    }

    private static var mouseEvents: mmask_t {
        cnc_button1_clicked() | cnc_button1_double_clicked() | cnc_wheel_up() | cnc_wheel_down()
    }

    /// Gives the terminal back: normal mode, cursor shown, main screen.
    public func stop() {
        guard !stopped else { return }
        stopped = true
        if mouseEnabled { mousemask(0, nil) }
        curs_set(1)
        endwin()
        TerminalRestore.setActive(false)
    }

    /// Gives the terminal back for Ctrl-Z: the shell's modes and screen, no mouse reporting.
    func suspend() {
        if mouseEnabled { mousemask(0, nil) }
        endwin()
        TerminalRestore.setActive(false)
    }

    /// Takes the terminal again after Ctrl-Z and `fg`: ncurses' own modes, the alternate screen
    /// and the mouse; the next frame is drawn whole.
    func resume() {
        TerminalRestore.setActive(true)
        reset_prog_mode()
        if mouseEnabled { mousemask(Self.mouseEvents, nil) }
        invalidate()
        wrefresh(window)
    }

    public var size: TerminalSize {
        TerminalSize(rows: Int(getmaxy(window)), columns: Int(getmaxx(window)))
    }

    /// Draws a frame, touching only the rows that changed since the last one.
    public func draw(_ frame: Frame) {
        let full = previous.map { $0.rows != frame.rows || $0.columns != frame.columns } ?? true
        for row in 0..<frame.rows where full || !rowEqual(previous!, frame, row) {
            drawRow(frame, row)
        }
        previous = frame
        wnoutrefresh(window)
        doupdate()
    }

    /// Forgets what is on screen, so the next frame is drawn whole (after a resume or resize).
    public func invalidate() {
        previous = nil
        clearok(window, true)
    }

    /// Writes bytes straight to the terminal between frames (an OSC 52 copy).
    public func emit(_ sequence: String) {
        let bytes = Array(sequence.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { write(STDOUT_FILENO, $0.baseAddress, $0.count) }
            if written <= 0 { break }
            offset += written
        }
    }

    private func rowEqual(_ a: Frame, _ b: Frame, _ row: Int) -> Bool {
        for column in 0..<b.columns where a[row, column] != b[row, column] { return false }
        return true
    }

    /// Draws a row in runs of one style. After a wide character the next run is placed
    /// explicitly, so a terminal that measures a character differently cannot shift the row.
    private func drawRow(_ frame: Frame, _ row: Int) {
        var column = 0
        while column < frame.columns {
            let style = frame[row, column].style
            let start = column
            var run = String.UnicodeScalarView()
            while column < frame.columns {
                let cell = frame[row, column]
                if cell.style != style { break }
                column += 1
                if cell.isContinuation { break }
                run.append(cell.scalar)
                if let combining = cell.combining { run.append(contentsOf: combining.unicodeScalars) }
            }
            guard !run.isEmpty else { continue }
            let (attrs, pair) = palette[style]
            _ = cnc_set_attr(window, attrs, pair)
            _ = mvwaddstr(window, Int32(row), Int32(start), String(run))
        }
    }

    /// The next key, or nil when none is waiting. `resized` is set on KEY_RESIZE.
    func readKey() -> KeyRead? {
        var code: wint_t = 0
        let result = wget_wch(window, &code)
        if result == cnc_err() { return nil }
        if result == cnc_key_code_yes() {
            return functionKey(Int32(code))
        }
        if code == 27 { return escapeSequence() }
        return .key(KeyDecoding.character(UInt32(code)))
    }

    /// An Esc and what came with it: when a sequence starts, the characters already waiting,
    /// up to its end (a person's next key never comes within the same sequence); otherwise the
    /// Esc alone, the next character left to be read as the key it is.
    private func escapeSequence() -> KeyRead {
        var code: wint_t = 0
        let first = wget_wch(window, &code)
        if first == cnc_err() { return .key(.escape) }
        guard first != cnc_key_code_yes(), EscapeSequence.starts(with: UInt32(code)) else {
            if first == cnc_key_code_yes() { _ = ungetch(Int32(code)) } else { _ = unget_wch(wchar_t(code)) }
            return .key(.escape)
        }
        var codes = [UInt32(code)]
        while codes.count < EscapeSequence.longest, !EscapeSequence.isComplete(codes) {
            let result = wget_wch(window, &code)
            if result == cnc_err() { break }
            if result == cnc_key_code_yes() {
                // A key the terminal's description knows ends what came before it.
                _ = ungetch(Int32(code))
                break
            }
            codes.append(UInt32(code))
        }
        return EscapeSequence.key(after: codes).map { .key($0) } ?? .ignored
    }

    private func functionKey(_ code: Int32) -> KeyRead {
        switch code {
        case cnc_key_resize(): return .resize
        case cnc_key_mouse(): return mouseEvent().map { .key($0) } ?? .ignored
        default: return KeyDecoding.function(code).map { .key($0) } ?? .ignored
        }
    }

    private func mouseEvent() -> Key? {
        var event = MEVENT()
        guard getmouse(&event) == cnc_ok() else { return nil }
        let state = event.bstate
        let action: MouseAction
        if state & cnc_button1_double_clicked() != 0 { action = .doubleClick }
        else if state & cnc_button1_clicked() != 0 { action = .press }
        else if state & cnc_wheel_up() != 0 { action = .wheelUp }
        else if cnc_wheel_down() != 0, state & cnc_wheel_down() != 0 { action = .wheelDown }
        else { return nil }
        return .mouse(action, row: Int(event.y), column: Int(event.x))
    }
}

enum KeyRead {
    case key(Key)
    case resize
    case ignored
}
