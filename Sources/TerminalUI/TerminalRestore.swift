import CTerminalSignals

/// Puts the terminal back however the program ends. Signals that end the program are turned
/// into bytes on a pipe the loop reads, so the loop restores the screen itself; a crash gets a
/// last-resort restore from the saved terminal modes and raw escape sequences. The handlers and
/// their state are C code with storage of its own (`CTerminalSignals`), so they are the same in
/// every build and nothing the Swift side does can overwrite them.
enum TerminalRestore {
    static func saveModes() {
        _ = tb_terminal_save_modes(0)
    }

    static func setActive(_ active: Bool) {
        tb_terminal_set_active(active ? 1 : 0)
    }

    /// Stops the process as Ctrl-Z does; returns once it is continued.
    static func stopSelf() {
        tb_stop_self()
    }

    /// Routes ending signals, SIGTSTP, SIGCONT and SIGWINCH to `fd`, and installs the crash handler.
    static func install(signalPipe fd: Int32) {
        tb_signals_install(fd)
    }
}
