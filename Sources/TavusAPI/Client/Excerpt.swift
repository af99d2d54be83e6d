import Foundation

/// Short, printable excerpts of untrusted text for error messages.
enum Excerpt {
    /// The start of a body as one clean line: invalid UTF-8 replaced, controls turned to spaces.
    static func of(_ data: Data, limit: Int = 60) -> String {
        clean(String(decoding: data.prefix(limit * 4), as: UTF8.self), limit: limit)
    }

    static func clean(_ text: String, limit: Int) -> String {
        var out = ""
        var count = 0
        var lastWasSpace = false
        for scalar in text.unicodeScalars {
            let isControl = scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
                || (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
            if isControl || scalar == " " {
                if !lastWasSpace, !out.isEmpty { out.unicodeScalars.append(" "); count += 1 }
                lastWasSpace = true
            } else {
                out.unicodeScalars.append(scalar)
                lastWasSpace = false
                count += 1
            }
            if count >= limit { return out.trimmingCharacters(in: .whitespaces) + "…" }
        }
        return out.trimmingCharacters(in: .whitespaces)
    }
}
