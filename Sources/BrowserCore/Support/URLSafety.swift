/// Decides whether a URL from the API may be handed to a browser: only plain http and https
/// URLs with a host, and nothing a shell or a terminal could read as something else.
public enum URLSafety {
    public struct Rejection: Error, Sendable, Hashable, CustomStringConvertible {
        public var description: String
    }

    public static func check(_ url: String) -> Result<String, Rejection> {
        let shown = TerminalText.truncate(TerminalText.sanitize(url), to: 60)
        guard !url.isEmpty else { return .failure(Rejection(description: "this conversation has no URL")) }
        let lower = url.lowercased()
        guard lower.hasPrefix("https://") || lower.hasPrefix("http://") else {
            return .failure(Rejection(description: "only http and https URLs are opened, not \(shown)"))
        }
        let forbidden: Set<Unicode.Scalar> = [" ", "\"", "'", "`", "\\", "<", ">", "{", "}", "|", "^"]
        for scalar in url.unicodeScalars where scalar.value < 0x21 || scalar.value == 0x7F || forbidden.contains(scalar)
            || (0x80...0x9F).contains(scalar.value) || TerminalText.isInvisibleFormat(scalar) {
            return .failure(Rejection(description: "the URL holds spaces, quotes or control characters: \(shown)"))
        }
        let afterScheme = url.drop(while: { $0 != ":" }).dropFirst(3)
        let host = afterScheme.prefix(while: { $0 != "/" && $0 != "?" && $0 != "#" })
        guard !host.isEmpty, !host.hasPrefix("@"), !host.hasPrefix(":") else {
            return .failure(Rejection(description: "the URL has no host: \(shown)"))
        }
        return .success(url)
    }
}
