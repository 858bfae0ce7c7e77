#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

extension Theme {
    /// Finds and loads a theme.
    ///
    /// - A value containing `/` or ending in `.toml` is a file path.
    /// - Otherwise it is a name: `userDirectory/NAME.toml` if that file exists (so users can override a
    ///   built-in), else the built-in theme of that name.
    ///
    /// Roles a file leaves out come from the theme its `extends` key names, else from `Theme.default`.
    /// - Parameters:
    ///   - nameOrPath: A theme name such as `"colorblind"`, or a path to a `.toml` file.
    ///   - userDirectory: The user's theme directory (`$XDG_CONFIG_HOME/ecsfleet/themes`), or nil.
    /// - Throws: `ThemeError` naming the file and line, or listing what was looked for.
    public static func load(nameOrPath: String, userDirectory: String?) throws(ThemeError) -> Theme {
        if nameOrPath.contains("/") || nameOrPath.hasSuffix(".toml") {
            return try loadFile(nameOrPath)
        }
        guard !nameOrPath.isEmpty else { throw ThemeError(message: "the theme name is empty") }
        if let directory = userDirectory, !directory.isEmpty {
            let path = (directory.hasSuffix("/") ? directory : directory + "/") + nameOrPath + ".toml"
            if FileText.exists(path) { return try loadFile(path) }
        }
        if let theme = builtin(named: nameOrPath) { return theme }
        // The built-in names first: the directory is long, and a message cut at the screen's edge keeps the names.
        var message = "no theme named '\(nameOrPath)'; built-in themes: " + builtinNames.joined(separator: ", ")
        if let directory = userDirectory, !directory.isEmpty { message += " (user themes: \(directory))" }
        throw ThemeError(message: message)
    }

    /// Loads a theme file; the theme is named after the file (without directory and `.toml`).
    public static func loadFile(_ path: String) throws(ThemeError) -> Theme {
        let text: String
        switch FileText.read(path) {
        case .success(let t): text = t
        case .failure(let reason): throw ThemeError(file: path, message: reason.description)
        }
        var name = path.split(separator: "/").last.map(String.init) ?? path
        if name.hasSuffix(".toml") { name.removeLast(5) }
        return try parse(text, name: name, file: path, base: .default)
    }
}

/// Reads small text files without Foundation.
enum FileText {
    /// True when `path` names an existing regular file.
    static func exists(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
    }

    /// The file's contents as UTF-8 text (invalid bytes repaired), or a reason it could not be read.
    static func read(_ path: String, limit: Int = 1 << 20) -> Result<String, ReadError> {
        var info = stat()
        guard stat(path, &info) == 0 else { return .failure(ReadError("cannot read: \(errorText(errno))")) }
        guard (info.st_mode & S_IFMT) == S_IFREG else { return .failure(ReadError("not a regular file")) }
        guard Int(info.st_size) <= limit else { return .failure(ReadError("file is larger than \(limit) bytes")) }
        guard let file = fopen(path, "rb") else { return .failure(ReadError("cannot open: \(errorText(errno))")) }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = fread(&buffer, 1, buffer.count, file)
            if n > 0 { bytes += buffer[0..<n] }
            if n < buffer.count { break }
        }
        if ferror(file) != 0 { return .failure(ReadError("read error")) }
        return .success(String(decoding: bytes, as: UTF8.self))
    }

    /// A reason a file could not be read.
    struct ReadError: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }

    static func errorText(_ code: Int32) -> String {
        guard let text = strerror(code) else { return "error \(code)" }
        return String(cString: text)
    }
}
