import Foundation
import GRDB
import TavusAPI
import Testing
@testable import AccountIndex

@Suite("The browser's bounded writer")
struct IndexWriterTests {
    /// A list page of `count` conversations as the API writes it, `c<page>-<n>` each.
    private func page(_ number: Int, count: Int = 20, pad: Int = 0) throws -> TavusClient.Received {
        let rows = (0..<count).map { n in
            String(decoding: Samples.conversationJSON("c\(number)-\(n)", name: "Call \(number).\(n)" + String(repeating: "x", count: pad)), as: UTF8.self)
        }
        let data = Data(#"{"data": [\#(rows.joined(separator: ","))], "total_count": 5000}"#.utf8)
        return .conversations(try TavusClient.decodePage(data, page: number, limit: count, status: .all), data)
    }

    private func withIndex(_ body: (AccountIndex, String) async throws -> Void) async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let path = scratch.file("index.sqlite")
        let index = try AccountIndex.open(at: path) { Issue.record("unexpected warning: \($0)") }
        try await body(index, path)
        index.close()
    }

    /// Holds the index's write lock from another connection until `release` is called, so the
    /// writer is as slow as a disk that cannot keep up.
    private final class WriteLock: @unchecked Sendable {
        private let released = DispatchSemaphore(value: 0)
        private let done = DispatchSemaphore(value: 0)

        init(_ path: String) throws {
            let queue = try DatabaseQueue(path: path)
            let held = DispatchSemaphore(value: 0)
            Thread.detachNewThread { [released, done] in
                try? queue.inTransaction(.immediate) { _ in
                    held.signal()
                    released.wait()
                    return .commit
                }
                try? queue.close()
                done.signal()
            }
            held.wait()
        }

        func release() throws {
            released.signal()
            done.wait()
        }
    }

    @Test func everythingOfferedIsStoredInOrder() async throws {
        try await withIndex { index, _ in
            let (transactions, told) = AsyncStream.makeStream(of: IndexWriter.Written.self)
            let writer = IndexWriter(index: index, limits: .init(perTransaction: 3), written: { told.yield($0) })
            for number in 1...10 { writer.offer(try page(number)) }
            var stored: [Int] = []
            for await written in transactions {
                stored.append(written.stored)
                if stored.reduce(0, +) == 10 { break }
            }
            #expect(stored.allSatisfy { $0 <= 3 }, "no transaction stores more than its cap: \(stored)")
            #expect(await writer.finish(within: 5) == 0)
            #expect(try await index.extent().conversations == 200)
        }
    }

    @Test func finishStoresWhatWaitsInOneTransaction() async throws {
        try await withIndex { index, _ in
            let told = Locked<[IndexWriter.Written]>([])
            let writer = IndexWriter(index: index, limits: .init(perTransaction: 3, pause: .milliseconds(200)),
                                     written: { w in told.withLock { $0.append(w) } })
            for number in 1...10 { writer.offer(try page(number)) }
            #expect(await writer.finish(within: 5) == 0)
            #expect(try await index.extent().conversations == 200)
            let stored = told.withLock { $0 }.map(\.stored)
            #expect(stored.count <= 2, "the first transaction, then the rest at once: \(stored)")
        }
    }

    @Test func aFullWriterRecordsGapsAndFinishRecordsWhatIsLeft() async throws {
        try await withIndex { index, path in
            let lock = try WriteLock(path)
            let writer = IndexWriter(index: index, limits: .init(bytes: 64 << 10, perTransaction: 4))
            for number in 1...40 { writer.offer(try page(number)) }
            #expect(writer.waitingBytes <= 64 << 10, "what waits stays within its bytes")
            // Released after the deadline passed: nothing waiting could be stored in time.
            let release = Task {
                try await Task.sleep(for: .milliseconds(400))
                try lock.release()
            }
            let gaps = await writer.finish(within: 0.2)
            try await release.value
            #expect(gaps > 0)
            let extent = try await index.extent()
            #expect(extent.gaps + extent.conversations / 20 >= 40, "each page was stored or recorded as a gap")
            #expect(extent.gaps == gaps)
            try await index.noteSynced()
            #expect(try await index.extent().gaps == 0, "a complete sync fills the gaps")
        }
    }

    @Test func byDefaultAtMostOneMebibyteWaits() async throws {
        try await withIndex { index, path in
            let lock = try WriteLock(path)
            let writer = IndexWriter(index: index)
            // Pages of about 40 KiB while the disk is held: 2 MiB offered in all.
            let pages = try (1...50).map { try page($0, count: 20, pad: 1800) }
            for page in pages { writer.offer(page) }
            #expect(writer.waitingBytes <= 1 << 20)
            #expect(writer.waitingBytes > (1 << 20) - 48 << 10, "it fills up to its bound")
            try lock.release()
            #expect(await writer.finish(within: 5) > 0, "what it could not hold is a gap")
        }
    }

    @Test func aListTheIndexDoesNotKeepIsNotHeld() async throws {
        try await withIndex { index, path in
            // The disk held, so whatever is offered waits.
            let lock = try WriteLock(path)
            let writer = IndexWriter(index: index)
            let tools = Data(#"{"data": [{"tool_id": "t1", "delivery": {"headers": {"Authorization": "Bearer secret"}}}]}"#.utf8)
            writer.offer(.list(collection: "tools", page: 1, limit: 20, tools))
            #expect(writer.waitingBytes == 0, "a tool's page, with its secrets, is dropped at once")
            writer.offer(.list(collection: "personas", page: 1, limit: 20, Data(#"{"data": [{"persona_id": "p1"}]}"#.utf8)))
            #expect(writer.waitingBytes > 0, "a persona's page waits")
            try lock.release()
            #expect(await writer.finish(within: 5) == 0)
        }
    }

    @Test func thePagesPageKeyReplacesTheOneWaiting() async throws {
        try await withIndex { index, path in
            let lock = try WriteLock(path)
            let writer = IndexWriter(index: index, limits: .init(bytes: 1 << 20, perTransaction: 8))
            writer.offer(try page(1))
            let waiting = writer.waitingBytes
            for _ in 0..<20 { writer.offer(try page(2)) }
            let twice = writer.waitingBytes
            writer.offer(try page(2))
            #expect(writer.waitingBytes == twice, "the same page again takes no more room")
            #expect(twice <= waiting * 2 + 64 || waiting == 0)
            try lock.release()
            #expect(await writer.finish(within: 5) == 0)
            #expect(try await index.extent().conversations == 40)
        }
    }

    @Test func aPrefetchWaitsForRoomAndGoesOnWhenTheDiskCatchesUp() async throws {
        try await withIndex { index, path in
            let lock = try WriteLock(path)
            let writer = IndexWriter(index: index, limits: .init(bytes: 32 << 10, perTransaction: 2))
            for number in 1...20 { writer.offer(try page(number)) }
            let gotRoom = Locked(false)
            let prefetch = Task {
                await writer.room()
                gotRoom.withLock { $0 = true }
            }
            // The writer is stuck behind the lock: a page later, still no room.
            writer.offer(try page(99))
            #expect(gotRoom.withLock { $0 } == false)
            try lock.release()
            await prefetch.value
            #expect(gotRoom.withLock { $0 })
            await writer.finish(within: 5)
        }
    }
}
