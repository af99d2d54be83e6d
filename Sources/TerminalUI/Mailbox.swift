import Foundation
import BrowserCore

/// Where events from other threads wait for the screen's loop. Posting writes one byte to a
/// pipe the loop polls, so the loop wakes at once and sleeps when nothing happens.
public final class Mailbox: @unchecked Sendable {
    private let lock = NSLock()
    private var events: [BrowserEvent] = []
    let readFD: Int32
    let writeFD: Int32

    public init() {
        var fds: [Int32] = [0, 0]
        precondition(pipe(&fds) == 0, "cannot create the wake-up pipe")
        readFD = fds[0]
        writeFD = fds[1]
        for fd in fds {
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
            _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        }
    }

    deinit {
        close(readFD)
        close(writeFD)
    }

    public func post(_ event: BrowserEvent) {
        lock.lock()
        events.append(event)
        lock.unlock()
        var byte: UInt8 = 0
        _ = write(writeFD, &byte, 1)
    }

    /// Everything posted so far, oldest first.
    func drain() -> [BrowserEvent] {
        lock.lock()
        defer { lock.unlock() }
        let drained = events
        events.removeAll(keepingCapacity: true)
        return drained
    }
}
