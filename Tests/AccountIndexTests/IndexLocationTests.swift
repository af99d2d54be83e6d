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
