import Foundation

/// The package a binary was built from, when it runs from SwiftPM's build folder
/// (`ROOT/.build/debug/`, or `ROOT/.build/TRIPLE/release/`): enough to build a sibling product there.
struct PackageBuild: Equatable {
    let root: String
    let scratch: String
    let configuration: String

    init?(binaryFolder: String) {
        let resolved = (binaryFolder as NSString).resolvingSymlinksInPath
        var parts = (resolved as NSString).pathComponents
        guard let configuration = parts.last, ["debug", "release"].contains(configuration) else { return nil }
        parts.removeLast()
        if let last = parts.last, last.split(separator: "-").count >= 3 { parts.removeLast() }  // a triple
        guard parts.count >= 2 else { return nil }
        let scratch = NSString.path(withComponents: parts)
        let root = (scratch as NSString).deletingLastPathComponent
        let manifest = (root as NSString).appendingPathComponent("Package.swift")
        guard let text = try? String(contentsOfFile: manifest, encoding: .utf8), text.contains("\"tavus-sandbox\"") else { return nil }
        self.root = root
        self.scratch = scratch
        self.configuration = configuration
    }

    /// Builds the `tavus-sandbox` product into the same folder, saying so on stderr.
    func buildSandbox() throws {
        FileHandle.standardError.write(Data("building tavus-sandbox for --demo (once)…\n".utf8))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "swift", "build", "--package-path", root, "--scratch-path", scratch,
            "-c", configuration, "--product", "tavus-sandbox",
        ]
        process.environment = ProcessInfo.processInfo.environment.filter { $0.key != "TAVUS_API_KEY" }
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.standardError
        do { try process.run() } catch {
            throw Failure.usage("--demo could not run swift build for tavus-sandbox: \(error.localizedDescription)")
        }
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure.usage("--demo: swift build --product tavus-sandbox failed (exit \(process.terminationStatus))")
        }
    }
}
