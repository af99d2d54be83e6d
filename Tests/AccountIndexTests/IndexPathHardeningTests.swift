import Foundation
import Testing
@testable import AccountIndex

/// The index's folder and file are not followed when they are symbolic links, and a folder
/// others can write to is refused, each with a message naming it.
@Suite struct IndexPathHardeningTests {
    private func refusal(_ path: String) -> String? {
        do {
            let index = try AccountIndex.open(at: path) { _ in }
            index.close()
            return nil
        } catch {
            return error.description
        }
    }

    @Test func aFolderThatIsASymbolicLinkIsRefusedAndNothingIsMadeWhereItPoints() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try FileManager.default.createDirectory(atPath: scratch.file("elsewhere"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: scratch.file("cache"), withDestinationPath: scratch.file("elsewhere"))
        let message = try #require(refusal(scratch.file("cache/index.sqlite")))
        #expect(message.contains("the folder \(scratch.file("cache")) is a symbolic link"), "\(message)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.file("elsewhere")).isEmpty)
    }

    @Test func aFileThatIsASymbolicLinkIsRefusedAndItsTargetIsUntouched() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let target = scratch.file("target.txt")
        try Data("mine".utf8).write(to: URL(fileURLWithPath: target))
        try FileManager.default.createSymbolicLink(atPath: scratch.file("index.sqlite"), withDestinationPath: target)
        let message = try #require(refusal(scratch.file("index.sqlite")))
        #expect(message.contains("symbolic link"), "\(message)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: target)) == Data("mine".utf8))
    }

    @Test(arguments: [0o770, 0o707, 0o777])
    func aFolderOthersCanWriteToIsRefused(mode: Int) throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let folder = scratch.file("shared")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        chmod(folder, mode_t(mode))
        let message = try #require(refusal((folder as NSString).appendingPathComponent("index.sqlite")))
        #expect(message.contains("the folder \(folder) can be written by group or others"), "\(message)")
        #expect(!FileManager.default.fileExists(atPath: (folder as NSString).appendingPathComponent("index.sqlite")))
    }

    @Test func aFolderOfAnotherUserIsRefused() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let folder = scratch.file("theirs")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        chmod(folder, 0o755)
        // Only root can give a folder away; others see the check through the modes above.
        guard chown(folder, 65_534, 65_534) == 0 else { return }
        let message = try #require(refusal((folder as NSString).appendingPathComponent("index.sqlite")))
        #expect(message.contains("the folder \(folder) is owned by another user"), "\(message)")
    }

    @Test func atMostThreeDamagedCopiesAreKept() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let path = scratch.file("index.sqlite")
        var warnings: [String] = []
        for round in 0..<5 {
            try Data(repeating: UInt8(0x41 + round), count: 4_096).write(to: URL(fileURLWithPath: path))
            try AccountIndex.open(at: path) { warnings.append($0) }.close()
        }
        #expect(warnings.count == 5)
        let copies = try FileManager.default.contentsOfDirectory(atPath: scratch.path).filter { $0.contains(".corrupt-") }
        #expect(copies.count == 3, "\(copies.sorted())")
        let kept = try Set(copies.map { try Data(contentsOf: URL(fileURLWithPath: scratch.file($0))).first })
        #expect(kept == [0x43, 0x44, 0x45], "the newest three are kept")
    }
}
