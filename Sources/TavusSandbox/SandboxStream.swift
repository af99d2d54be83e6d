import Foundation
import Hummingbird
import NIOCore

/// A body written over time, for the faults about how a body arrives rather than what it says.
enum SandboxStream: Sendable {
    /// `{"data": [` and then list items without end.
    case endless
    /// These bytes one at a time, `interval` apart, the first at once.
    case drip(Data, interval: Duration)
    /// The first half of these bytes under a Content-Length for all of them.
    case cutShort(Data)

    /// 64 KiB of list items, the unit an endless body is written in.
    private static let endlessChunk = ByteBuffer(
        string: String(repeating: #"{"conversation_id": "x"},"#, count: 65_536 / 25))

    /// The pause after each endless chunk. A write returns as soon as the chunk is queued, so
    /// without it chunks would pile up faster than the socket takes them, and keep flowing
    /// long after the server wants to stop; with it the body still comes at tens of MB/s.
    private static let endlessPace = Duration.milliseconds(1)

    /// The Content-Length to announce; nil sends the body chunked.
    var contentLength: Int? {
        switch self {
        case .endless: nil
        case .drip(let body, _), .cutShort(let body): body.count
        }
    }

    /// Writes the body. A failed write means the client is gone; throwing makes the server
    /// close the connection, which is how a stream ends early: when the client is gone, when
    /// the server stops, or mid-body on purpose.
    func write(to writer: inout any ResponseBodyWriter, isStopping: @Sendable () -> Bool) async throws {
        switch self {
        case .endless:
            try await writer.write(ByteBuffer(string: #"{"data": ["#))
            while !isStopping() {
                try await writer.write(Self.endlessChunk)
                try await Task.sleep(for: Self.endlessPace)
            }
            throw SandboxStreamEnd.serverStopping
        case .drip(let body, let interval):
            for (index, byte) in body.enumerated() {
                if index > 0 { try await Task.sleep(for: interval) }
                if isStopping() { throw SandboxStreamEnd.serverStopping }
                try await writer.write(ByteBuffer(bytes: [byte]))
            }
            try await writer.finish(nil)
        case .cutShort(let body):
            try await writer.write(ByteBuffer(bytes: body.prefix(body.count / 2)))
            throw SandboxStreamEnd.cutShort
        }
    }
}

/// Why a stream stopped before its end; the server closes the connection on either.
enum SandboxStreamEnd: Error {
    case serverStopping
    case cutShort
}
