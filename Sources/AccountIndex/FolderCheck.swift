import Foundation

/// Whether a folder is fit to hold an index: a real folder (not a symbolic link), this user's,
/// and writable by no one else.
enum FolderCheck {
    /// Why `folder` is refused, naming it; nil when it is fit.
    static func problem(_ folder: String) -> String? {
        var info = stat()
        guard lstat(folder, &info) == 0 else { return "cannot read the folder \(folder): \(String(cString: strerror(errno)))" }
        switch info.st_mode & S_IFMT {
        case S_IFLNK: return "the folder \(folder) is a symbolic link, which is not followed"
        case S_IFDIR: break
        default: return "\(folder) is not a folder"
        }
        if info.st_uid != geteuid() { return "the folder \(folder) is owned by another user" }
        if info.st_mode & (S_IWGRP | S_IWOTH) != 0 {
            return "the folder \(folder) can be written by group or others (chmod go-w \(folder))"
        }
        return nil
    }
}
