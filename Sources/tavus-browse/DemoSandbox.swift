import Foundation

/// `--demo`'s sandbox: the `tavus-sandbox` program that stands beside this one, started on a
/// free loopback port with a key of this run's own, so the browser itself carries no server.
/// Its standard input is a pipe this process holds: when this process ends, whatever way,
/// the pipe closes and the sandbox stops.
final class DemoSandbox: @unchecked Sendable {
    let baseURL: URL
    let apiKey: String
    private let process: Process
    private let input: Pipe

    private init(baseURL: URL, apiKey: String, process: Process, input: Pipe) {
        self.baseURL = baseURL
        self.apiKey = apiKey
        self.process = process
        self.input = input
    }

    /// The sandbox program beside this one (an install, or SwiftPM's build folder). `swift run
    /// tavus-browse` builds the browser's product only, so from a package's build folder a
    /// missing sandbox is built there first, once.
    static func program() throws -> String {
        let me = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        let folder = (me as NSString).deletingLastPathComponent
        let beside = (folder as NSString).appendingPathComponent("tavus-sandbox")
        if FileManager.default.isExecutableFile(atPath: beside) { return beside }
        guard let build = PackageBuild(binaryFolder: folder) else {
            throw Failure.usage("--demo needs the tavus-sandbox program beside tavus-browse (\(beside)); scripts/install puts it there")
        }
        try build.buildSandbox()
        guard FileManager.default.isExecutableFile(atPath: beside) else {
            throw Failure.usage("--demo: building tavus-sandbox did not put it beside tavus-browse (\(beside))")
        }
        return beside
    }

    static func start(recentlyEnded: Int) throws -> DemoSandbox {
        let key = "demo-" + UUID().uuidString.lowercased()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try program())
        process.arguments = ["--port", "0", "--api-key", key, "--recently-ended", String(recentlyEnded), "--until-stdin-closes"]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        process.environment = ProcessInfo.processInfo.environment.filter { $0.key != "TAVUS_API_KEY" }
        do { try process.run() } catch { throw Failure.usage("--demo could not start tavus-sandbox: \(error.localizedDescription)") }
        guard let url = readAddress(from: output.fileHandleForReading) else {
            process.terminate()
            process.waitUntilExit()
            throw Failure.usage("--demo: tavus-sandbox did not start")
        }
        return DemoSandbox(baseURL: url, apiKey: key, process: process, input: input)
    }

    /// The URL in the sandbox's first line (`tavus-sandbox listening on http://127.0.0.1:PORT …`).
    private static func readAddress(from handle: FileHandle) -> URL? {
        var line = Data()
        while !line.contains(UInt8(ascii: "\n")) {
            let chunk = handle.availableData
            guard !chunk.isEmpty else { break }
            line += chunk
        }
        let text = String(decoding: line, as: UTF8.self)
        guard let range = text.range(of: #"http://127\.0\.0\.1:[0-9]+"#, options: .regularExpression) else { return nil }
        return URL(string: String(text[range]))
    }

    func stop() {
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
    }
}
