import Foundation

/// What the command knows about where its output goes, and how it asks a person.
enum TerminalFacts {
    /// Columns of the terminal on stdout; `nil` when stdout is not a terminal and `COLUMNS` is unset.
    static func width() -> Int? {
        var size = winsize()
        if isatty(STDOUT_FILENO) == 1, ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        if let c = ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init), c > 0 { return c }
        return nil
    }

    static var stderrIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }

    /// Asks a person on the controlling terminal (even when stdin is a pipe) and returns the line typed, or
    /// `nil` when there is no terminal to ask.
    static func ask(_ question: String) -> String? {
        guard ProcessInfo.processInfo.environment["CI"] != "true" || isatty(STDIN_FILENO) == 1 else { return nil }
        guard let tty = fopen("/dev/tty", "r+") else { return nil }
        defer { fclose(tty) }
        fputs(question, tty)
        fflush(tty)
        var buffer = [CChar](repeating: 0, count: 256)
        guard fgets(&buffer, Int32(buffer.count), tty) != nil else { return nil }
        let line = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return line.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    static func printError(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
