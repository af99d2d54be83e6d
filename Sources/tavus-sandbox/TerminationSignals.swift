import Dispatch
import Foundation

/// SIGINT and SIGTERM as something to await, so the server can stop cleanly instead of
/// the process dying mid-answer.
struct TerminationSignals {
    private let sources: [any DispatchSourceSignal]
    private let received: AsyncStream<Int32>

    init() {
        let (received, sink) = AsyncStream<Int32>.makeStream()
        self.received = received
        sources = [SIGINT, SIGTERM].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { sink.yield(number) }
            source.resume()
            return source
        }
    }

    /// Returns when the first of the signals arrives.
    func wait() async {
        var iterator = received.makeAsyncIterator()
        _ = await iterator.next()
    }
}
