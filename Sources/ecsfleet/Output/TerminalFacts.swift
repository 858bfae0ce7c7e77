import Foundation

/// What the command knows about where its output goes, and how it asks a person.
enum TerminalFacts {
    /// Columns of the terminal on stdout; `nil` when stdout is not a terminal and `COLUMNS` is unset.
    static func width() -> Int? {
        var size = winsize()
        if isatty(STDOUT_FILENO) == 1, ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 {
            return Int(size.ws_col)
        }
        if let c = ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init), c > 0 { return c }
        return nil
    }

    static var stderrIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }

    /// Asks a person on the controlling terminal (even when stdin is a pipe) and returns the line typed (empty
    /// at end of input), or `nil` when there is no terminal to ask. Plain `read(2)` on the descriptor, not stdio:
    /// an interrupt may leave this read blocked on its thread while `main` exits, and `exit` must not wait for
    /// a stdio lock the read holds.
    static func ask(_ question: String) -> String? {
        guard ProcessInfo.processInfo.environment["CI"] != "true" || isatty(STDIN_FILENO) == 1 else { return nil }
        let fd = open("/dev/tty", O_RDWR | O_CLOEXEC | O_NOCTTY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var prompt = Array(question.utf8)[...]
        while !prompt.isEmpty {
            let n = prompt.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { return nil }
            prompt = prompt.dropFirst(n)
        }
        var line: [UInt8] = []
        var byte: UInt8 = 0
        while line.count < 256 {
            let n = read(fd, &byte, 1)
            if n < 0 && errno == EINTR { continue }
            if n < 0 { return nil }
            if n == 0 || byte == 0x0A { break }
            line.append(byte)
        }
        return String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    static func printError(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
