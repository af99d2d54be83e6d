import Foundation

/// A `$BROWSER` that writes down its arguments, one a line, and its environment, in a folder
/// of its own; `remove()` deletes it.
struct RecordingBrowser {
    let directory: TemporaryDirectory
    /// The program's path, for `BROWSER`.
    let script: String

    init() throws {
        directory = try TemporaryDirectory(prefix: "browser")
        let arguments = directory.file("args")
        let environment = directory.file("env")
        script = try directory.executable("record-browser", """
            #!/bin/sh
            env > '\(environment).tmp' && mv '\(environment).tmp' '\(environment)'
            : > '\(arguments).tmp'
            for argument in "$@"; do printf '%s\\n' "$argument" >> '\(arguments).tmp'; done
            mv '\(arguments).tmp' '\(arguments)'

            """)
    }

    /// The arguments of its first run, once it has run (15 s at most), one a line.
    func arguments() async throws -> String {
        let file = directory.file("args")
        try await waitUntil("the URL handed to $BROWSER") { FileManager.default.fileExists(atPath: file) }
        return try String(contentsOfFile: file, encoding: .utf8)
    }

    /// Its environment, a variable a line.
    func environment() throws -> [String] {
        try String(contentsOfFile: directory.file("env"), encoding: .utf8).split(separator: "\n").map(String.init)
    }

    func remove() { directory.remove() }
}
