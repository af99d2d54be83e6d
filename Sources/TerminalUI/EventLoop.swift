import Foundation
import BrowserCore

/// The one loop that owns the screen: it draws, waits for a key, a posted event, a signal or
/// the watch timer, feeds events to `update`, and hands effects to `perform`.
public final class EventLoop {
    /// How the loop ended.
    public enum Exit: Equatable {
        case quit
        /// An ending signal; the conventional exit status is 128 + the number.
        case signal(Int32)
    }

    private let terminal: Terminal
    private let mailbox: Mailbox
    private let signalRead: Int32
    private let signalWrite: Int32

    public init(terminal: Terminal, mailbox: Mailbox) {
        self.terminal = terminal
        self.mailbox = mailbox
        var fds: [Int32] = [0, 0]
        precondition(pipe(&fds) == 0, "cannot create the signal pipe")
        signalRead = fds[0]
        signalWrite = fds[1]
        for fd in fds {
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
            _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        }
        TerminalRestore.install(signalPipe: signalWrite)
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
            let timeout = nextTick.map { max(0, Int32($0.timeIntervalSinceNow * 1000)) } ?? -1
            var fds = [
                pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0),
                pollfd(fd: mailbox.readFD, events: Int16(POLLIN), revents: 0),
                pollfd(fd: signalRead, events: Int16(POLLIN), revents: 0),
            ]
            _ = poll(&fds, nfds_t(fds.count), timeout)
            if fds[0].revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0 {
                return (state, .signal(SIGHUP))
            }

            for signalNumber in readSignals() {
                if signalNumber == SIGCONT {
                    terminal.invalidate()
                } else if signalNumber == SIGWINCH {
                    continue
                } else {
                    return (state, .signal(signalNumber))
                }
            }
            var drained: UInt8 = 0
            while read(mailbox.readFD, &drained, 1) > 0 {}
            for event in mailbox.drain() { feed(event) }

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
        }
        return (state, .quit)
    }

    private func readSignals() -> [Int32] {
        var signals: [Int32] = []
        var byte: UInt8 = 0
        while read(signalRead, &byte, 1) > 0 { signals.append(Int32(byte)) }
        return signals
    }
}
