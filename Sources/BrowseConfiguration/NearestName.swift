/// The known name a mistyped one was most likely meant to be, for "did you mean …?".
public enum NearestName {
    /// The name of `known` fewest edits away from `typed` (a swap of two neighbours counts as
    /// one), when that is at most one edit for names up to 5 letters and two for longer ones;
    /// nil when none is that near, or `typed` is itself known.
    public static func to(_ typed: String, among known: [String]) -> String? {
        let typed = Array(typed.lowercased())
        let allowed = typed.count <= 5 ? 1 : 2
        var best: (name: String, edits: Int)?
        for name in known {
            let edits = distance(typed, Array(name.lowercased()))
            if edits == 0 { return nil }
            if edits <= allowed, edits < (best?.edits ?? .max) { best = (name, edits) }
        }
        return best?.name
    }

    /// Edits (insert, delete, replace, swap of neighbours) from `a` to `b`.
    static func distance(_ a: [Character], _ b: [Character]) -> Int {
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var before = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], before[j - 2] + 1)
                }
            }
            (before, previous, current) = (previous, current, before)
        }
        return previous[b.count]
    }
}
