/// What came with an Esc in the same read from the terminal. A key the terminal's description
/// knows arrives decoded; a sequence it does not describe (`ESC [ H` for Home from some
/// terminals, focus reports) is either a key named here or nothing, never an Esc followed by
/// letters, which would pop a view and type the rest. An Esc followed by anything else is an
/// Esc and then that key: keys pressed while the program was busy arrive in one read too.
public enum EscapeSequence {
    /// Whether a sequence starts with this character after the Esc: `[` (CSI), `O` (SS3) or
    /// `]` (OSC).
    public static func starts(with code: UInt32) -> Bool {
        [0x5B, 0x4F, 0x5D].contains(code)
    }

    /// Whether `codes`, the characters after the Esc so far, make a whole sequence: after `[`,
    /// up to a final character (`@` to `~`); after `O`, one character; after `]`, up to BEL or
    /// `ESC \`.
    public static func isComplete(_ codes: [UInt32]) -> Bool {
        guard let first = codes.first else { return false }
        switch first {
        case 0x5B:
            return codes.count > 1 && (0x40...0x7E).contains(codes[codes.count - 1])
        case 0x4F:
            return codes.count > 1
        default:
            return codes.last == 0x07 || codes.suffix(2) == [0x1B, 0x5C]
        }
    }

    /// The key the Esc and `codes` make: Esc alone when nothing came with it, a cursor key
    /// some terminals send this way, else nil (the sequence is dropped).
    public static func key(after codes: [UInt32]) -> Key? {
        guard !codes.isEmpty else { return .escape }
        guard codes.count == 2, codes[0] == 0x5B || codes[0] == 0x4F else { return nil }
        switch codes[1] {
        case 0x41: return .up
        case 0x42: return .down
        case 0x43: return .right
        case 0x44: return .left
        case 0x48: return .home
        case 0x46: return .end
        default: return nil
        }
    }

    /// The most characters read after an Esc before the rest is dropped as noise.
    public static let longest = 64
}
