import Foundation

/// An API timestamp: the text as it came (possibly empty) and, when it is ISO-8601, the instant.
/// Parsed by hand because the API mixes second and microsecond precision.
///
/// The text is kept only when it is not what formatting the instant gives back, which is the
/// usual case; a cache of many pages then holds no timestamp strings.
public struct Timestamp: Sendable, Hashable {
    public let date: Date?
    private let unusualText: String?

    public init(raw: String) {
        let date = Timestamp.parse(raw)
        self.date = date
        self.unusualText = date.map(Timestamp.format) == raw ? nil : raw
    }

    public init(date: Date) {
        self.date = date
        self.unusualText = nil
    }

    /// The text as it came.
    public var raw: String { unusualText ?? date.map(Timestamp.format) ?? "" }

    /// `YYYY-MM-DD HH:MM` in UTC, or the raw text when it is not a date.
    public var shortUTC: String {
        guard let date else { return raw }
        let c = Self.components(date)
        return "\(Self.digits(c.year, 4))-\(Self.digits(c.month, 2))-\(Self.digits(c.day, 2)) \(Self.digits(c.hour, 2)):\(Self.digits(c.minute, 2))"
    }

    /// `YYYY-MM-DD HH:MM:SS UTC`, or the raw text when it is not a date.
    public var longUTC: String {
        guard let date else { return raw }
        let c = Self.components(date)
        return "\(Self.digits(c.year, 4))-\(Self.digits(c.month, 2))-\(Self.digits(c.day, 2)) "
            + "\(Self.digits(c.hour, 2)):\(Self.digits(c.minute, 2)):\(Self.digits(c.second, 2)) UTC"
    }

    /// UTC calendar fields by arithmetic (drawn on every frame, so no Calendar or formatter).
    static func components(_ date: Date) -> (year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int) {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down))
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let inDay = seconds - days * 86_400
        let (year, month, day) = civilFromDays(days)
        return (year, month, day, inDay / 3600, (inDay % 3600) / 60, inDay % 60)
    }

    private static func digits(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }

    /// The proleptic Gregorian date of a day count since 1970-01-01 (Howard Hinnant's algorithm).
    private static func civilFromDays(_ days: Int) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// Formats as the API does: `2025-09-10T14:02:11.481203Z`.
    public static func format(_ date: Date) -> String {
        let micros = (date.timeIntervalSince1970 * 1_000_000).rounded()
        let seconds = (micros / 1_000_000).rounded(.down)
        let fraction = Int(micros - seconds * 1_000_000)
        let c = components(Date(timeIntervalSince1970: seconds))
        return "\(digits(c.year, 4))-\(digits(c.month, 2))-\(digits(c.day, 2))T"
            + "\(digits(c.hour, 2)):\(digits(c.minute, 2)):\(digits(c.second, 2)).\(digits(fraction, 6))Z"
    }

    /// Parses `YYYY-MM-DDTHH:MM:SS[.fraction][Z|±HH:MM]`; a missing zone means UTC.
    static func parse(_ text: String) -> Date? {
        let bytes = Array(text.utf8)
        guard bytes.count >= 19 else { return nil }
        func number(_ from: Int, _ length: Int) -> Int? {
            var value = 0
            for i in from..<(from + length) {
                let b = bytes[i]
                guard b >= 48, b <= 57 else { return nil }
                value = value * 10 + Int(b - 48)
            }
            return value
        }
        guard bytes[4] == 45, bytes[7] == 45, bytes[10] == 84 || bytes[10] == 32 || bytes[10] == 116,
              bytes[13] == 58, bytes[16] == 58,
              let year = number(0, 4), let month = number(5, 2), let day = number(8, 2),
              let hour = number(11, 2), let minute = number(14, 2), let second = number(17, 2),
              (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 61
        else { return nil }
        var index = 19
        var fraction = 0.0
        if index < bytes.count, bytes[index] == 46 {
            index += 1
            var scale = 0.1
            let start = index
            while index < bytes.count, bytes[index] >= 48, bytes[index] <= 57 {
                fraction += Double(bytes[index] - 48) * scale
                scale /= 10
                index += 1
            }
            guard index > start else { return nil }
        }
        var offsetSeconds = 0
        if index < bytes.count {
            switch bytes[index] {
            case 90, 122:
                index += 1
            case 43, 45:
                guard bytes.count >= index + 6, bytes[index + 3] == 58,
                      let h = number(index + 1, 2), let m = number(index + 4, 2) else { return nil }
                offsetSeconds = (h * 3600 + m * 60) * (bytes[index] == 45 ? -1 : 1)
                index += 6
            default:
                return nil
            }
        }
        guard index == bytes.count else { return nil }
        let days = daysFromCivil(year: year, month: month, day: day)
        let seconds = days * 86_400 + hour * 3600 + minute * 60 + second - offsetSeconds
        return Date(timeIntervalSince1970: Double(seconds) + fraction)
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
    private static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }
}

extension Timestamp: Decodable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        self.init(raw: container.decodeNil() ? "" : (try? container.decode(String.self)) ?? "")
    }
}
