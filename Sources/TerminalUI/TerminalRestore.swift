import Foundation
import CNCurses

/// Puts the terminal back however the program ends. Signals that end the program are turned
/// into bytes on a pipe the loop reads, so the loop restores the screen itself; a crash gets a
/// last-resort restore from saved terminal modes and raw escape sequences.
public enum TerminalRestore {
    nonisolated(unsafe) static var isActive = false
    nonisolated(unsafe) private static var savedModes = termios()
    nonisolated(unsafe) private static var haveSavedModes = false
    nonisolated(unsafe) static var signalWriteFD: Int32 = -1
    /// ncurses' own SIGWINCH handler, which the resize handler calls first.
    nonisolated(unsafe) private static var cursesResizeAction = sigaction()

    /// Signals that end the program after a clean restore: their number is sent to the loop.
    static let endingSignals: [Int32] = [SIGINT, SIGTERM, SIGHUP, SIGQUIT]
    /// Signals of a crash: restore what can be restored safely, then die as intended.
    static let crashSignals: [Int32] = [SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE]

    static func saveModes() {
        haveSavedModes = tcgetattr(STDIN_FILENO, &savedModes) == 0
    }

    /// Routes ending signals, SIGCONT and SIGWINCH to `fd`, and installs the crash handler.
    static func install(signalPipe fd: Int32) {
        signalWriteFD = fd
        for signalNumber in endingSignals + [SIGCONT] {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { number in
                var byte = UInt8(truncatingIfNeeded: number)
                _ = write(TerminalRestore.signalWriteFD, &byte, 1)
            }
            sigemptyset(&action.sa_mask)
            action.sa_flags = 0
            sigaction(signalNumber, &action, nil)
        }
        // ncurses notes a resize in its handler but cannot wake the loop's poll when the
        // signal comes between two polls (while a frame is drawn); the byte on the pipe does.
        var resize = sigaction()
        resize.__sigaction_handler.sa_handler = { number in
            if let curses = TerminalRestore.cursesResizeAction.__sigaction_handler.sa_handler,
               unsafeBitCast(curses, to: Int.self) > 1 {
                curses(number)
            }
            var byte = UInt8(truncatingIfNeeded: number)
            _ = write(TerminalRestore.signalWriteFD, &byte, 1)
        }
        sigemptyset(&resize.sa_mask)
        resize.sa_flags = SA_RESTART
        sigaction(SIGWINCH, &resize, &cursesResizeAction)
        for signalNumber in crashSignals {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { number in
                TerminalRestore.emergencyRestore()
                signal(number, SIG_DFL)
                raise(number)
            }
            sigemptyset(&action.sa_mask)
            action.sa_flags = Int32(bitPattern: UInt32(SA_RESETHAND))
            sigaction(signalNumber, &action, nil)
        }
    }

    /// Only async-signal-safe calls: reset the tty modes and send the reset sequences.
    static func emergencyRestore() {
        guard isActive else { return }
        if haveSavedModes { tcsetattr(STDIN_FILENO, TCSANOW, &savedModes) }
        let reset = "\u{1B}[?1000l\u{1B}[?1002l\u{1B}[?1006l\u{1B}[0m\u{1B}[?25h\u{1B}[?1049l\r\n"
        reset.withCString { pointer in _ = write(STDOUT_FILENO, pointer, strlen(pointer)) }
    }
}
