import Foundation

/// A value guarded by a lock. `NSLock` rather than `Mutex` because the package still
/// supports macOS 14, where `Synchronization.Mutex` is unavailable.
final class Locked<Value: Sendable>: @unchecked Sendable {
    private var value: Value
    private let lock = NSLock()

    init(_ value: Value) {
        self.value = value
    }

    func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
