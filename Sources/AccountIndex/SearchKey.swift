/// The rowid of a conversation in the full-text table: ascending is newest first, so a search
/// that reads matches in rowid order reads the newest first and can stop after the ones it
/// shows. Dated conversations get minus their creation time in microseconds, times 16 (room
/// for others created in the same microsecond); undated ones come after every dated one, in
/// the order they were stored.
enum SearchKey {
    static func preferred(createdEpoch: Double?, rowid: Int64) -> Int64 {
        if let createdEpoch, createdEpoch.isFinite, abs(createdEpoch) < 1e11 {
            return -Int64((createdEpoch * 1_000_000).rounded()) * 16
        }
        return undatedBase + rowid * 16
    }

    /// Past every dated key (at most 1.6 × 10¹⁸, for 10¹¹ seconds before 1970).
    static let undatedBase: Int64 = 2_000_000_000_000_000_000
}
