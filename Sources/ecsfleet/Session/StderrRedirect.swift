import Foundation

/// Standard error sent to a file while the screen is up (a line written to the terminal would tear the frame),
/// and put back afterwards.
struct StderrRedirect {
    private let saved: Int32

    /// Points stderr at `path` (appending; created with mode 0600). When the file cannot be opened stderr stays.
    init(to path: String) {
        saved = dup(STDERR_FILENO)
        let fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        if fd >= 0 {
            dup2(fd, STDERR_FILENO)
            close(fd)
        }
    }

    /// Puts the original stderr back.
    func restore() {
        if saved >= 0 {
            dup2(saved, STDERR_FILENO)
            close(saved)
        }
    }
}
