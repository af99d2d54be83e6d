import Dispatch
import Foundation

/// SIGINT and SIGTERM as something to await, so the server can stop cleanly instead of
/// the process dying mid-answer.
struct TerminationSignals {
    private let sources: [any DispatchSourceSignal]
    private let received: AsyncStream<Int32>
    private let sink: AsyncStream<Int32>.Continuation

    init() {
        let (received, sink) = AsyncStream<Int32>.makeStream()
        self.received = received
        self.sink = sink
        sources = [SIGINT, SIGTERM].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { sink.yield(number) }
            source.resume()
            return source
        }
    }

    /// Ends the wait, as a SIGTERM would, once standard input reaches its end: the program that
    /// started the sandbox holds its other end, and when that program ends, in any way, it closes.
    func endWhenStandardInputCloses() {
        let sink = self.sink
        Thread.detachNewThread {
            var buffer = [UInt8](repeating: 0, count: 256)
            while true {
                let count = read(STDIN_FILENO, &buffer, buffer.count)
                if count == 0 || (count < 0 && errno != EINTR) { break }
            }
            sink.yield(SIGTERM)
        }
    }

    /// Returns when the first of the signals arrives.
    func wait() async {
        var iterator = received.makeAsyncIterator()
        _ = await iterator.next()
    }
}
