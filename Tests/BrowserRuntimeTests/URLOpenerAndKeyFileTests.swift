@testable import BrowserRuntime
import TavusAPI
import Foundation
import Testing

@Suite("Opening URLs")
struct URLOpenerTests {
    @Test func aBrowserThatFailsIsReported() {
        let argv = URLOpener.command(for: "https://tavus.daily.co/c1", environment: ["BROWSER": "false", "PATH": "/usr/bin:/bin"])
        #expect(argv?.last == "https://tavus.daily.co/c1")
        #expect(URLOpener.spawn(try! #require(argv), environment: [:]) == "Not opened: false exited with status 1")
    }

    @Test func aBrowserThatSucceedsGetsTheURLAndNotTheKey() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("opener-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let log = directory.appendingPathComponent("log").path
        let script = directory.appendingPathComponent("record").path
        try "#!/bin/sh\nprintf '%s|%s\\n' \"$1\" \"${TAVUS_API_KEY-unset}\" > \(log)\n".write(toFile: script, atomically: true, encoding: .utf8)
        chmod(script, 0o755)
        let argv = try #require(URLOpener.command(for: "https://tavus.daily.co/c1", environment: ["BROWSER": script + " %s"]))
        #expect(URLOpener.spawn(argv, environment: ["TAVUS_API_KEY": "secret", "PATH": "/usr/bin:/bin"]) == nil)
        #expect(try String(contentsOfFile: log, encoding: .utf8) == "https://tavus.daily.co/c1|unset\n")
    }

    @Test func aBrowserThatCannotStartIsReported() {
        #expect(URLOpener.command(for: "https://x.example", environment: ["BROWSER": "/nonexistent/browser", "PATH": "/nonexistent"]) == nil)
        #expect(URLOpener.open("javascript:alert(1)") == "Not opened: the URL is not a plain http(s) URL")
    }

    @Test func browserListsTakeTheFirstThatExists() {
        let argv = URLOpener.command(for: "https://x.example", environment: ["BROWSER": "/nonexistent:true --new-tab", "PATH": "/usr/bin:/bin"])
        #expect(argv?.dropFirst().map { $0 } == ["--new-tab", "https://x.example"])
        #expect(argv?.first?.hasSuffix("/true") == true)
    }
}

@Suite("The key file")
struct KeyFileTests {
    func file(_ text: String, mode: mode_t) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("key-\(UUID().uuidString)").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        chmod(path, mode)
        return path
    }

    @Test func theFirstNonEmptyLineIsTheKey() throws {
        let path = try file("\n  sk-123  \nsecond\n", mode: 0o600)
        defer { unlink(path) }
        var warnings: [String] = []
        #expect(try KeyFile.read(path) { warnings.append($0) } == "sk-123")
        #expect(warnings.isEmpty)
    }

    @Test func aFileOthersCanReadGetsAWarningWithoutTheKey() throws {
        let path = try file("sk-123\n", mode: 0o644)
        defer { unlink(path) }
        var warnings: [String] = []
        #expect(try KeyFile.read(path) { warnings.append($0) } == "sk-123")
        #expect(warnings.count == 1)
        #expect(warnings.first?.contains("chmod 600") == true)
        #expect(warnings.first?.contains("sk-123") == false)
    }

    @Test func emptyAndMissingFilesAreProblems() throws {
        let path = try file("\n \n", mode: 0o600)
        defer { unlink(path) }
        #expect(throws: KeyFile.Problem(description: "The key file \(path) is empty")) { try KeyFile.read(path) { _ in } }
        #expect(throws: KeyFile.Problem(description: "Cannot read the key file /nonexistent/key: No such file or directory")) {
            try KeyFile.read("/nonexistent/key") { _ in }
        }
    }
}

@Suite("The base URL")
struct BaseURLCheckTests {
    @Test func httpsAnywhereAndHttpToThisMachine() throws {
        for text in ["https://tavusapi.com", "http://127.0.0.1:8089", "http://localhost:1", "http://[::1]:2"] {
            #expect(throws: Never.self) { try BaseURLCheck.check(text, insecureHTTP: false).get() }
        }
    }

    @Test func plainHttpElsewhereNeedsInsecureHTTP() throws {
        let refused = BaseURLCheck.check("http://api.example.com", insecureHTTP: false)
        #expect(throws: BaseURLProblem.self) { try refused.get() }
        if case .failure(let problem) = refused { #expect(problem.description.contains("--insecure-http")) }
        #expect(try BaseURLCheck.check("http://api.example.com", insecureHTTP: true).get().host == "api.example.com")
    }

    @Test func notAnHTTPURL() {
        for text in ["ftp://x.example", "tavusapi.com", "", "https://", "javascript:alert(1)"] {
            #expect(throws: BaseURLProblem.self, "\(text)") { try BaseURLCheck.check(text, insecureHTTP: true).get() }
        }
    }
}

@Suite("Raw JSON elements")
struct RawJSONTests {
    func elements(_ text: String) -> [String]? {
        RawJSON.elements(ofArray: "data", in: Data(text.utf8))?.map { String(decoding: $0, as: UTF8.self) }
    }

    @Test func elementsComeAsTheyWereWritten() {
        #expect(elements(#"{"total_count": 2, "data": [ {"b": 1.50, "a": "x,]"} , [1, 2], "s\"q", 3e2 ]}"#)
            == [#"{"b": 1.50, "a": "x,]"}"#, "[1, 2]", #""s\"q""#, "3e2"])
        #expect(elements(#"{"data": []}"#) == [])
    }

    @Test(arguments: [#"{"data": [1 2]}"#, #"{"data": [1,]}"#, #"{"data": [1,,2]}"#, #"{"data": [1"#, #"{"data": 5}"#,
                      #"["data"]"#, #"{"other": [1]}"#, ""])
    func malformedIsNil(text: String) {
        #expect(elements(text) == nil)
    }
}
