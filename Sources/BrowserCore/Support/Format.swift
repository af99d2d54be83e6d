import Foundation

/// Small formatting helpers shared by the views. Plain arithmetic, no formatters: the footer is
/// drawn on every frame.
public enum Format {
    /// `12 s`, `3m 05s`, `1h 02m`.
    public static func duration(_ seconds: Double) -> String {
        let total = whole(seconds)
        if total < 60 { return "\(total) s" }
        if total < 3600 { return "\(total / 60)m \(twoDigits(total % 60))s" }
        return "\(total / 3600)h \(twoDigits((total % 3600) / 60))m"
    }

    /// `5 s`, `1.5 s`.
    public static func seconds(_ value: Double) -> String {
        if value == value.rounded() { return "\(whole(value)) s" }
        let tenths = whole(value * 10)
        return "\(tenths / 10).\(tenths % 10) s"
    }

    /// `mm:ss` from the start of a call.
    public static func offset(_ seconds: Double) -> String {
        let total = whole(seconds.rounded(.down))
        return "\(twoDigits(total / 60)):\(twoDigits(total % 60))"
    }

    /// `HH:MM:SS` in UTC.
    public static func clock(_ date: Date) -> String {
        let seconds = whole(date.timeIntervalSince1970.rounded(.down), allowNegative: true)
        let day = ((seconds % 86_400) + 86_400) % 86_400
        return "\(twoDigits(day / 3600)):\(twoDigits((day % 3600) / 60)):\(twoDigits(day % 60))"
    }

    /// A number of seconds as a whole number that cannot trap: not finite is 0, and the range
    /// is clamped to about 30,000 years.
    static func whole(_ value: Double, allowNegative: Bool = false) -> Int {
        guard value.isFinite else { return 0 }
        let limit = 1e12
        return Int(min(max(value.rounded(), allowNegative ? -limit : 0), limit))
    }

    static func twoDigits(_ value: Int) -> String {
        value < 10 ? "0\(value)" : "\(value)"
    }

    /// `9,812`.
    public static func count(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var grouped = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { grouped.append(",") }
            grouped.append(digit)
        }
        return (value < 0 ? "-" : "") + grouped
    }

    /// `just now`, `5 min ago`, `3 h ago`, `2 days ago`.
    public static func ago(_ date: Date, now: Date) -> String {
        let seconds = max(0, now.timeIntervalSince(date))
        if seconds < 60 { return "just now" }
        if seconds < 3_600 { return "\(Int(seconds / 60)) min ago" }
        if seconds < 86_400 * 2 { return "\(Int(seconds / 3_600)) h ago" }
        return "\(Int(seconds / 86_400)) days ago"
    }
}
