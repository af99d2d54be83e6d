/// A small, fast, seedable generator, so synthetic data is the same on every platform and
/// every run (the system generator cannot be seeded).
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    /// A generator for one item of a data set, independent of how many items came before.
    init(seed: UInt64, salt: String) {
        self.init(seed: seed ^ Self.fnv1a(salt))
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// True with the given probability.
    mutating func chance(_ probability: Double) -> Bool {
        Double.random(in: 0..<1, using: &self) < probability
    }

    /// `digits` lowercase hex digits.
    mutating func hex(_ digits: Int) -> String {
        String((0..<digits).map { _ in "0123456789abcdef".randomElement(using: &self)! })
    }

    /// FNV-1a: a stable hash, unlike `Hasher`, which is seeded per process.
    private static func fnv1a(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in text.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        return hash
    }
}

extension Array {
    /// An element picked with the generator; the array must not be empty.
    func pick(using generator: inout SplitMix64) -> Element {
        self[Int.random(in: indices, using: &generator)]
    }
}
