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
        return .success(url)
    }
}

public struct BaseURLProblem: Error, Equatable, CustomStringConvertible {
    public let description: String
}
