import Foundation
import BrowserCore

/// The one loop that owns the screen: it draws, waits for a key, a posted event, a signal or
/// the watch timer, feeds events to `update`, and hands effects to `perform`.
public final class EventLoop {
    /// How the loop ended.
    public enum Exit: Equatable {
        case quit
        /// Ctrl-C with nothing to cancel: the conventional exit status is 130.
        case interrupted
        /// An ending signal; the conventional exit status is 128 + the number.
        case signal(Int32)
    }

    private let terminal: Terminal
    private let mailbox: Mailbox
    /// Signal handlers write the signal's number here.
    private let signals = WakePipe()

    /// Set from `TAVUS_BROWSE_TEST_CRASH` by the end-to-end tests: trap after the first frame,
    /// to prove that a crash gives the terminal back in every build.
    private let crashAfterFirstFrame: Bool

    public init(terminal: Terminal, mailbox: Mailbox, crashAfterFirstFrame: Bool = false) {
        self.terminal = terminal
        self.mailbox = mailbox
        self.crashAfterFirstFrame = crashAfterFirstFrame
        TerminalRestore.install(signalPipe: signals.writeFD)
    }

    /// Runs until `update` quits or an ending signal comes. `perform` is called on this thread.
    public func run(
        _ initial: BrowserState, initialEffects: [Effect],
        perform: (Effect) -> Void
    ) -> (BrowserState, Exit) {
        var state = initial
        var size = terminal.size
        state.size = size
        initialEffects.forEach(perform)
        let watchInterval = state.options.watchInterval
        var nextTick = watchInterval.map { Date().addingTimeInterval($0) }

        func feed(_ event: BrowserEvent) {
            let (next, effects) = update(state, event)
            state = next
            effects.forEach(perform)
        }

        while !state.quitting {
            terminal.draw(render(state))
            if crashAfterFirstFrame { fatalError("forced crash (TAVUS_BROWSE_TEST_CRASH)") }
            let timeout = nextTick.map { max(0, Int32($0.timeIntervalSinceNow * 1000)) } ?? -1
            var fds = [
                pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0),
                pollfd(fd: mailbox.wake.readFD, events: Int16(POLLIN), revents: 0),
                pollfd(fd: signals.readFD, events: Int16(POLLIN), revents: 0),
            ]
            _ = poll(&fds, nfds_t(fds.count), timeout)
            if fds[0].revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0 {
                return (state, .signal(SIGHUP))
            }

            for signalNumber in signals.drain().map(Int32.init) {
                if signalNumber == SIGCONT {
                    terminal.invalidate()
                } else if signalNumber == SIGTSTP {
                    terminal.suspend()
                    TerminalRestore.stopSelf()
                    terminal.resume()
                    size = terminal.size
                    feed(.resize(size))
                } else if signalNumber == SIGWINCH {
                    continue
                } else {
                    return (state, .signal(signalNumber))
                }
            }
            _ = mailbox.wake.drain()
            for event in mailbox.drain() { feed(event) }

            let loadingBefore = state.loading?.requestID
            while !state.quitting, let read = terminal.readKey() {
                switch read {
                case .key(let key): feed(.key(key))
                case .resize:
                    terminal.invalidate()
                    size = terminal.size
                    feed(.resize(size))
                case .ignored: break
                }
            }
            if let tick = nextTick, let interval = watchInterval, tick.timeIntervalSinceNow <= 0 {
                nextTick = Date().addingTimeInterval(interval)
                feed(.watchTick)
            }
            if let loading = state.loading?.requestID, loading != loadingBefore {
                awaitQuickAnswer(feed)
            }
        }
        return (state, state.interrupted ? .interrupted : .quit)
    }

    /// A key just asked for a page. A cached one answers within microseconds, so the loop
    /// waits a moment for it and draws the page at once, not a "loading" frame first.
    private func awaitQuickAnswer(_ feed: (BrowserEvent) -> Void) {
        var fd = pollfd(fd: mailbox.wake.readFD, events: Int16(POLLIN), revents: 0)
        guard poll(&fd, 1, Self.quickAnswerMilliseconds) > 0 else { return }
        _ = mailbox.wake.drain()
        for event in mailbox.drain() { feed(event) }
    }

    private static let quickAnswerMilliseconds: Int32 = 3
}
