import Foundation

/// Keeps the API key out of text that may reach a screen or a log: a server that echoes the
/// key back (in a message, a redirect, a body) must never get it, or a telling part of it, out.
public enum KeyRedaction {
    /// What stands where the key was.
    public static let mark = "‹key›"
    /// The shortest run of the key's characters that is taken for a piece of it.
    public static let shortestRun = 8

    /// `text` with the key, and every run of `shortestRun` or more of its characters (what is
    /// left of it where an excerpt was cut), replaced by `mark`. A key shorter than the run is
    /// replaced only whole (and not at all under 4 characters).
    public static func scrub(_ text: String, key: String) -> String {
        guard key.count >= 4 else { return text }
        let whole = text.replacingOccurrences(of: key, with: mark)
        guard key.count >= shortestRun else { return whole }
        let pieces = Array(whole.unicodeScalars)
        let secret = Array(key.unicodeScalars)
        var out = String.UnicodeScalarView()
        var index = 0
        while index < pieces.count {
            let run = longestRun(in: pieces, at: index, of: secret)
            if run >= shortestRun {
                out.append(contentsOf: mark.unicodeScalars)
                index += run
            } else {
                out.append(pieces[index])
                index += 1
            }
        }
        return String(out)
    }

    /// A body with the key's encoded forms (JSON `\u` escapes, percent-encoding) decoded to
    /// the key's text and then replaced, before any excerpt of it is cut.
    public static func scrub(_ body: Data, key: String) -> Data {
        guard key.count >= 4 else { return body }
        var text = String(decoding: body, as: UTF8.self)
        for form in encodedForms(of: key) { text = text.replacingOccurrences(of: form, with: mark, options: .caseInsensitive) }
        return Data(scrub(text, key: key).utf8)
    }

    /// How much of `secret`, from some place in it, the text at `index` matches.
    private static func longestRun(in text: [Unicode.Scalar], at index: Int, of secret: [Unicode.Scalar]) -> Int {
        var best = 0
        for start in secret.indices where secret[start] == text[index] {
            var length = 0
            while start + length < secret.count, index + length < text.count, secret[start + length] == text[index + length] {
                length += 1
            }
            best = max(best, length)
        }
        return best
    }

    private static func encodedForms(of key: String) -> [String] {
        let escaped = key.unicodeScalars.map { String(format: "\\u%04x", $0.value) }.joined()
        let percent = key.utf8.map { String(format: "%%%02X", $0) }.joined()
        let urlEncoded = key.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? key
        return [escaped, percent, urlEncoded].filter { $0 != key }
    }
}
