import Foundation

/// Gzip bodies that inflate to far more than they weigh: spaces, written as one literal and
/// back-references of distance 1 in a single fixed-Huffman deflate block (RFC 1951, 1952).
enum GzipBomb {
    /// `1f 8b`, deflate, no flags, no modification time, no extra flags, unknown OS.
    static let header: [UInt8] = [0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0xff]

    static let filler: UInt8 = 0x20

    private static let cache = Locked<[Int: Data]>([:])

    /// A gzip stream that inflates to `inflatedBytes` spaces, built once per size.
    static func data(inflatedBytes: Int) -> Data {
        let size = max(0, inflatedBytes)
        if let cached = cache.withLock({ $0[size] }) { return cached }
        let bomb = make(size)
        cache.withLock { $0[size] = bomb }
        return bomb
    }

    /// A gzip header followed by a deflate block of the reserved type 3, which no inflater accepts.
    static let corrupt = Data(header + [0x07, 0xde, 0xad, 0xbe, 0xef, 0xff, 0xff, 0xff])

    private static func make(_ size: Int) -> Data {
        var bits = DeflateBitWriter()
        bits.write(1, count: 1)  // BFINAL
        bits.write(1, count: 2)  // BTYPE 01: fixed Huffman codes
        var remaining = size
        if remaining > 0 {
            bits.writeLiteral(filler)
            remaining -= 1
        }
        while remaining >= 258 {
            bits.writeCopy(length: 258)
            remaining -= 258
        }
        if remaining >= 3 {
            bits.writeCopy(length: remaining)
        } else {
            for _ in 0..<remaining { bits.writeLiteral(filler) }
        }
        bits.writeCode(0, length: 7)  // end of block, symbol 256
        var out = Data(header)
        out.append(contentsOf: bits.finish())
        out.append(contentsOf: littleEndian(CRC32.ofRepeated(filler, count: size)))
        out.append(contentsOf: littleEndian(UInt32(truncatingIfNeeded: size)))
        return out
    }

    private static func littleEndian(_ value: UInt32) -> [UInt8] {
        (0..<4).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) }
    }
}

/// Packs deflate's bit stream: fields least significant bit first, Huffman codes most
/// significant bit first.
private struct DeflateBitWriter {
    private var bytes: [UInt8] = []
    private var pending: UInt32 = 0
    private var pendingCount = 0

    /// Base lengths of the length symbols 257...284, and their extra bits.
    private static let lengthBases = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31,
                                      35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227]
    private static let lengthExtraBits = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2,
                                          3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5]

    mutating func write(_ value: UInt32, count: Int) {
        pending |= value << pendingCount
        pendingCount += count
        while pendingCount >= 8 {
            bytes.append(UInt8(truncatingIfNeeded: pending))
            pending >>= 8
            pendingCount -= 8
        }
    }

    mutating func writeCode(_ code: UInt32, length: Int) {
        var reversed: UInt32 = 0
        for bit in 0..<length {
            reversed |= ((code >> bit) & 1) << (length - 1 - bit)
        }
        write(reversed, count: length)
    }

    /// A literal byte from 0 to 143, whose fixed code is 8 bits from `00110000`.
    mutating func writeLiteral(_ byte: UInt8) {
        writeCode(0x30 + UInt32(byte), length: 8)
    }

    /// A back-reference of 3...258 bytes at distance 1 (distance code 0, five zero bits).
    mutating func writeCopy(length: Int) {
        if length == 258 {
            writeCode(0xc5, length: 8)  // symbol 285: 280...287 are 8 bits from `11000000`
        } else {
            let index = Self.lengthBases.lastIndex { $0 <= length }!
            let symbol = 257 + index
            if symbol < 280 {
                writeCode(UInt32(symbol - 256), length: 7)
            } else {
                writeCode(0xc0 + UInt32(symbol - 280), length: 8)
            }
            write(UInt32(length - Self.lengthBases[index]), count: Self.lengthExtraBits[index])
        }
        writeCode(0, length: 5)
    }

    /// The bytes, the last one padded with zero bits.
    consuming func finish() -> [UInt8] {
        if pendingCount > 0 {
            bytes.append(UInt8(truncatingIfNeeded: pending))
        }
        return bytes
    }
}

/// CRC-32 as gzip uses it (IEEE 802.3, reflected, polynomial 0xEDB88320).
private enum CRC32 {
    static let table: [UInt32] = (0..<256).map { index in
        var value = UInt32(index)
        for _ in 0..<8 {
            value = value & 1 == 1 ? 0xedb8_8320 ^ (value >> 1) : value >> 1
        }
        return value
    }

    static func ofRepeated(_ byte: UInt8, count: Int) -> UInt32 {
        table.withUnsafeBufferPointer { table in
            var crc: UInt32 = 0xffff_ffff
            for _ in 0..<count {
                crc = table[Int((crc ^ UInt32(byte)) & 0xff)] ^ (crc >> 8)
            }
            return crc ^ 0xffff_ffff
        }
    }
}
