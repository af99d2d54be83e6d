import AccountIndex
import Foundation

/// Where this run keeps the account's index.
enum IndexPlace: Equatable {
    /// `--no-index`: nothing on disk.
    case none
    /// A file: `--index-path`, or the account's own under the cache folder (`isDefault`).
    case file(String, isDefault: Bool)
    /// `--demo` without `--index-path`: a folder of its own, removed at exit.
    case temporary

    /// The place the options name; `account` gives the checked base URL and the key, needed
    /// only for the default file.
    static func of(_ options: ConnectionOptions, environment: [String: String] = ProcessInfo.processInfo.environment,
                   account: () throws -> (URL, String)) rethrows -> IndexPlace {
        if options.noIndex { return .none }
        if let path = options.indexPath { return .file((path as NSString).expandingTildeInPath, isDefault: false) }
        if options.demo { return .temporary }
        let (baseURL, key) = try account()
        return .file(IndexLocation.defaultPath(baseURL: baseURL.absoluteString, apiKey: key, environment: environment), isDefault: true)
    }
}

/// An open index and, for `--demo`, the temporary folder it lives in. An index this run made
/// that the account never filled (a wrong key or base URL) is removed when it is closed, so an
/// index file exists only once the account has answered.
final class LocalIndex {
    let index: AccountIndex
    private let temporaryFolder: String?
    private let madeNow: Bool

    private init(index: AccountIndex, temporaryFolder: String?, madeNow: Bool = false) {
        self.index = index
        self.temporaryFolder = temporaryFolder
        self.madeNow = madeNow
    }

    /// nil for `.none`. The default folder is made owner-only, even when it was there before.
    static func open(_ place: IndexPlace, create: Bool, warn: (String) -> Void = Settings.warn) throws(IndexError) -> LocalIndex? {
        switch place {
        case .none:
            return nil
        case .file(let path, let isDefault):
            if isDefault { chmod((path as NSString).deletingLastPathComponent, 0o700) }
            let madeNow = !FileManager.default.fileExists(atPath: path)
            return LocalIndex(index: try AccountIndex.open(at: path, create: create, warn: warn), temporaryFolder: nil, madeNow: madeNow)
        case .temporary:
            var template = Array((NSTemporaryDirectory() as NSString).appendingPathComponent("tavus-browse-demo-XXXXXX").utf8CString)
            guard let made = mkdtemp(&template) else {
                throw .unusable(path: NSTemporaryDirectory(), reason: String(cString: strerror(errno)))
            }
            let folder = String(cString: made)
            do {
                let index = try AccountIndex.open(at: (folder as NSString).appendingPathComponent("index.sqlite"), warn: warn)
                return LocalIndex(index: index, temporaryFolder: folder)
            } catch {
                try? FileManager.default.removeItem(atPath: folder)
                throw error
            }
        }
    }

    /// For writing through: the index, or nil with one line on stderr saying why the run goes
    /// on without it, which is also `problem`, for the screen.
    static func openOrWarn(_ place: IndexPlace, warn: (String) -> Void = Settings.warn) -> (local: LocalIndex?, problem: String?) {
        do {
            return (try open(place, create: true, warn: warn), nil)
        } catch {
            warn("tavus-browse: going on without the index: \(error)")
            return (nil, "\(error)")
        }
    }

    func close() {
        let unused = madeNow && index.holdsNothing()
        index.close()
        if unused { _ = try? AccountIndex.forget(at: index.path) }
        if let temporaryFolder { try? FileManager.default.removeItem(atPath: temporaryFolder) }
    }
}
