import ArgumentParser
import Foundation

/// A failure that ends the program with a message on stderr and a documented exit status.
enum Failure: Error {
    /// Bad usage or no key: exit status 2.
    case usage(String)
    /// The API answered with an error: exit status 3.
    case api(String)

    var exitCode: Int32 {
        switch self {
        case .usage: 2
        case .api: 3
        }
    }

    var message: String {
        switch self {
        case .usage(let text), .api(let text): text
        }
    }

    /// Prints the message and exits with the status.
    func exit() -> Never {
        FileHandle.standardError.write(Data(("tavus-browse: " + message + "\n").utf8))
        Foundation.exit(exitCode)
    }
}
