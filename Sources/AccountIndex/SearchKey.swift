/// The rowid of a conversation in the full-text table: ascending is newest first, so a search
/// that reads matches in rowid order reads the newest first and can stop after the ones it
/// shows. Dated conversations get minus their creation time in microseconds, times 16 (`room`
/// for others created in the same microsecond); undated ones come after every dated one, in
/// the order they were stored.
enum SearchKey {
    static func preferred(createdEpoch: Double?, rowid: Int64) -> Int64 {
        if let createdEpoch, isDated(createdEpoch) {
            return -Int64((createdEpoch * 1_000_000).rounded()) * room
        }
        return undatedBase + rowid * room
    }

    /// Whether a creation time sorts among the dated keys.
    static func isDated(_ createdEpoch: Double) -> Bool {
        createdEpoch.isFinite && abs(createdEpoch) < 1e11
    }

    /// Keys of one microsecond.
    static let room: Int64 = 16
    /// How far past its own microsecond a key may be put when that room is full: one second.
    static let spill: Int64 = room * 1_000_000

    /// The first key of `preferred`'s room that `taken` (ascending) does not hold.
    static func firstFree(from preferred: Int64, taken: [Int64]) -> Int64? {
        var key = preferred
        for held in taken where held == key {
            key += 1
        }
        return key < preferred + room ? key : nil
    }

    /// Past every dated key (at most 1.6 × 10¹⁸, for 10¹¹ seconds before 1970).
    static let undatedBase: Int64 = 2_000_000_000_000_000_000
}
