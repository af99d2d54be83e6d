import Foundation
import TavusAPI

/// Whether `--base-url` may be used: an http(s) URL with a host, and plain http only to this
/// machine unless the user said `--insecure-http`, since the key would travel unencrypted.
public enum BaseURLCheck {
    public static func check(_ text: String, insecureHTTP: Bool) -> Result<URL, BaseURLProblem> {
        let shown = Excerpt.clean(text, limit: 120)
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), ["http", "https"].contains(scheme),
              let host = url.host, !host.isEmpty else {
            return .failure(BaseURLProblem(description: "--base-url must be an http or https URL, not \(shown)"))
        }
        if scheme == "http", !Origin.isLoopback(host), !insecureHTTP {
            return .failure(BaseURLProblem(description: "--base-url \(shown) is plain http to another host: the API key would travel unencrypted. Use https, or add --insecure-http to go on anyway."))
        }
        return .success(withoutVersion(url))
    }

    /// `https://tavusapi.com/v2` (the form the official CLI's bases take) as `https://tavusapi.com`:
    /// the client adds `/v2/…` to every path itself.
    static func withoutVersion(_ url: URL) -> URL {
        guard var parts = URLComponents(url: url, resolvingAgainstBaseURL: false) else { return url }
        var path = parts.path
        while path.hasSuffix("/") { path.removeLast() }
        guard path.lowercased().hasSuffix("/v2") else { return url }
        path.removeLast(3)
        parts.path = path
        return parts.url ?? url
    }
}

public struct BaseURLProblem: Error, Equatable, CustomStringConvertible {
    public let description: String
}
