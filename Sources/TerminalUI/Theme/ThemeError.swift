/// Why a theme could not be loaded: the file, the line when known, and what is wrong.
public struct ThemeError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The file path (or `built-in theme NAME`), when known.
    public var file: String?
    /// The 1-based line, when the problem is on one line.
    public var line: Int?
    /// What is wrong, in words a person editing the file can act on.
    public var message: String

    /// Creates an error.
    public init(file: String? = nil, line: Int? = nil, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    /// `file:line: message` (parts omitted when unknown).
    public var description: String {
        var prefix = file ?? ""
        if let line { prefix += (prefix.isEmpty ? "line " : ":") + String(line) }
        return prefix.isEmpty ? message : prefix + ": " + message
    }
}
