import Foundation
import Testing
@testable import AccountIndex

@Suite struct IndexLocationTests {
    @Test func theFolderFollowsXDGCacheHome() {
        #expect(IndexLocation.defaultFolder(environment: ["XDG_CACHE_HOME": "/x/cache", "HOME": "/home/a"]) == "/x/cache/tavus-browse")
        #expect(IndexLocation.defaultFolder(environment: ["XDG_CACHE_HOME": "", "HOME": "/home/a"]) == "/home/a/.cache/tavus-browse")
        #expect(IndexLocation.defaultFolder(environment: ["HOME": "/home/a"]) == "/home/a/.cache/tavus-browse")
    }

    @Test func theFileIsNamedByAHashOfAddressAndKey() {
        let name = IndexLocation.fileName(baseURL: "https://tavusapi.com", apiKey: "secret-key-1")
        #expect(name.hasPrefix("index-") && name.hasSuffix(".sqlite"))
        #expect(name.count == "index-".count + 16 + ".sqlite".count)
        #expect(!name.contains("secret"))
        #expect(name == IndexLocation.fileName(baseURL: "https://tavusapi.com", apiKey: "secret-key-1"))
        #expect(name != IndexLocation.fileName(baseURL: "https://tavusapi.com", apiKey: "secret-key-2"))
        #expect(name != IndexLocation.fileName(baseURL: "http://127.0.0.1:8089", apiKey: "secret-key-1"))
    }
}

@Suite struct SHA256Tests {
    static func hex(_ text: String) -> String {
        SHA256.hash(Array(text.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    @Test func theStandardVectors() {
        #expect(Self.hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(Self.hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(Self.hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
            == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1", "two blocks")
        #expect(Self.hex(String(repeating: "a", count: 1_000)) == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
    }

    @Test func aFileNameIsTheHashsFirstEightBytes() {
        #expect(IndexLocation.fileName(baseURL: "https://tavusapi.com", apiKey: "sk-live-1") == "index-ea01bd709ec1f1dc.sqlite")
    }
}
