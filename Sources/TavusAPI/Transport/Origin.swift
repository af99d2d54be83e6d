import Foundation

/// Scheme, host and port: the one place the API key may be sent.
public struct Origin: Sendable, Hashable, CustomStringConvertible {
    public var scheme: String
    public var host: String
    public var port: Int

    public init?(_ url: URL) {
        guard let scheme = url.scheme?.lowercased(), let host = url.host?.lowercased(), !host.isEmpty,
              let port = url.port ?? Self.defaultPort(scheme) else { return nil }
        self.scheme = scheme
        self.host = host
        self.port = port
    }

    public var description: String {
        let standard = Self.defaultPort(scheme) == port
        return "\(scheme)://\(host)" + (standard ? "" : ":\(port)")
    }

    static func defaultPort(_ scheme: String?) -> Int? {
        switch scheme {
        case "https": 443
        case "http": 80
        default: nil
        }
    }

    public static func isLoopback(_ host: String) -> Bool {
        let bare = host.trimmingCharacters(in: CharacterSet(charactersIn: "[]")).lowercased()
        return bare == "localhost" || bare == "::1" || bare.hasPrefix("127.")
    }
}

/// What to do with a redirect: follow it only within the API's own origin, so the key never
/// reaches another scheme, host or port (https to http included).
public enum RedirectDecision: Sendable, Hashable {
    case follow(URL)
    case refuse(TavusError)

    public static let maxHops = 3

    /// `location` is the header as sent, relative or absolute; `hops` the redirects followed so far.
    public static func decide(from current: URL, location: String?, origin: Origin, hops: Int, method: String) -> RedirectDecision {
        guard let location, let target = URL(string: location, relativeTo: current)?.absoluteURL,
              let targetOrigin = Origin(target) else {
            return .refuse(.redirectRefused(to: Excerpt.clean(location ?? "", limit: 80), reason: "not a usable address"))
        }
        let shown = Excerpt.clean(target.absoluteString, limit: 80)
        guard targetOrigin == origin else {
            return .refuse(.redirectRefused(to: shown, reason: "another address than \(origin), so the key was not sent there"))
        }
        guard method == "GET" else {
            return .refuse(.redirectRefused(to: shown, reason: "only reads are redirected"))
        }
        guard hops < maxHops else { return .refuse(.tooManyRedirects(maxHops)) }
        return .follow(target)
    }
}
