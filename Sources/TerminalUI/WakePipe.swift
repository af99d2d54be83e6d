import Foundation

/// A non-blocking, close-on-exec pipe, for waking the loop from another thread or a signal.
struct WakePipe {
    let readFD: Int32
    let writeFD: Int32

    init() {
        var fds: [Int32] = [0, 0]
        precondition(pipe(&fds) == 0, "cannot create a pipe")
        for fd in fds {
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
            _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        }
        readFD = fds[0]
        writeFD = fds[1]
    }

    /// Reads everything waiting, as bytes.
    func drain() -> [UInt8] {
        var bytes: [UInt8] = []
        var byte: UInt8 = 0
        while read(readFD, &byte, 1) > 0 { bytes.append(byte) }
        return bytes
    }
}
