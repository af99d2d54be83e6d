import Foundation
import BrowserCore

/// Where events from other threads wait for the screen's loop. Posting writes one byte to a
/// pipe the loop polls, so the loop wakes at once and sleeps when nothing happens.
public final class Mailbox: @unchecked Sendable {
    private let lock = NSLock()
    private var events: [BrowserEvent] = []
    let wake = WakePipe()

    public init() {}

    deinit {
        close(wake.readFD)
        close(wake.writeFD)
    }

    public func post(_ event: BrowserEvent) {
        lock.lock()
        events.append(event)
        lock.unlock()
        var byte: UInt8 = 0
        _ = write(wake.writeFD, &byte, 1)
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
