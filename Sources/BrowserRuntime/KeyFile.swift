import Foundation

/// Reads an API key file: the first non-empty line, with a warning when others may read it.
public enum KeyFile {
    /// Why the key file gave no key; the message names the file, never its content.
    public struct Problem: Error, Equatable, CustomStringConvertible {
        public let description: String
    }

    public static func read(_ path: String, warn: (String) -> Void) throws(Problem) -> String {
        var info = stat()
        guard stat(path, &info) == 0 else { throw Problem(description: "Cannot read the key file \(path): \(String(cString: strerror(errno)))") }
        if info.st_mode & 0o077 != 0 {
            warn("warning: \(path) can be read by others (mode \(String(info.st_mode & 0o777, radix: 8))); chmod 600 it")
        }
        guard let text = FileManager.default.contents(atPath: path).map({ String(decoding: $0, as: UTF8.self) }) else {
            throw Problem(description: "Cannot read the key file \(path)")
        }
        let key = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.first { !$0.isEmpty } ?? ""
        guard !key.isEmpty else { throw Problem(description: "The key file \(path) is empty") }
        return key
    }
}
