import BrowserCore
import Foundation
import Testing

/// Golden files of rendered frames in `Snapshots/NAME.txt`.
///
/// Each row of the frame is one line of the file, closed by `|` so that trailing spaces stay
/// visible and survive editors. Below the text, the same rows again as one letter a cell for
/// its style (see `code(of:)`), so that a change of colour or emphasis shows in the diff too.
/// Run with `UPDATE_SNAPSHOTS=1` to write the files into the source tree instead of comparing.
enum Snapshot {
    static let terminator = "|"

    static var isUpdating: Bool { ProcessInfo.processInfo.environment["UPDATE_SNAPSHOTS"] == "1" }

    /// The folder of the golden files in the source tree.
    static let sourceDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()
        .deletingLastPathComponent()
        .appendingPathComponent("Snapshots", isDirectory: true)

    static func text(of frame: Frame) -> String {
        let text = frame.lines.map { $0 + terminator }
        let styles = (0..<frame.rows).map { row in
            String((0..<frame.columns).map { code(of: frame[row, $0].style) }) + terminator
        }
        return (text + ["styles:"] + styles).joined(separator: "\n") + "\n"
    }

    /// One letter a style; a new style does not compile until it has one.
    static func code(of style: Style) -> Character {
        switch style {
        case .normal: "."
        case .dim: "d"
        case .bold: "B"
        case .title: "T"
        case .header: "h"
        case .headerAccent: "H"
        case .columnHeader: "c"
        case .selected: "s"
        case .statusActive: "A"
        case .statusEnded: "E"
        case .statusOther: "O"
        case .key: "k"
        case .error: "X"
        case .warning: "W"
        case .info: "i"
        case .border: "b"
        case .label: "l"
        case .link: "u"
        case .roleUser: "U"
        case .roleAssistant: "R"
        case .roleSystem: "S"
        case .match: "M"
        }
    }

    static func expect(_ frame: Frame, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let actual = text(of: frame)
        if isUpdating {
            do {
                try FileManager.default.createDirectory(at: sourceDirectory, withIntermediateDirectories: true)
                try actual.write(to: sourceDirectory.appendingPathComponent("\(name).txt"), atomically: true, encoding: .utf8)
            } catch {
                Issue.record("Could not write snapshot \(name): \(error)", sourceLocation: sourceLocation)
            }
            return
        }
        guard let url = Bundle.module.url(forResource: name, withExtension: "txt", subdirectory: "Snapshots"),
              let expected = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record("""
                No snapshot \(name).txt; record it with UPDATE_SNAPSHOTS=1 swift test --filter BrowserCoreTests
                Actual frame:
                \(actual)
                """, sourceLocation: sourceLocation)
            return
        }
        if expected != actual {
            Issue.record("Snapshot \(name) differs (- expected, + actual):\n\(diff(expected: expected, actual: actual))",
                         sourceLocation: sourceLocation)
        }
    }

    /// The differing lines, numbered as frame rows, with a line of context around each run.
    static func diff(expected: String, actual: String) -> String {
        let old = expected.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let new = actual.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var out: [String] = []
        if old.count != new.count { out.append("line count: expected \(old.count), actual \(new.count)") }
        var lastShown = -2
        for index in 0..<max(old.count, new.count) {
            let a = index < old.count ? old[index] : nil
            let b = index < new.count ? new[index] : nil
            guard a != b else { continue }
            if index > 0, index - 1 != lastShown, let context = index - 1 < new.count ? new[index - 1] : nil {
                out.append(String(format: "%4d   ", index - 1) + context)
            }
            if let a { out.append(String(format: "%4d - ", index) + a) }
            if let b { out.append(String(format: "%4d + ", index) + b) }
            lastShown = index
        }
        return out.joined(separator: "\n")
    }
}
