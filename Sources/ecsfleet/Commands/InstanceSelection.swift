import ArgumentParser
import FleetCore
import FleetViewModel
import Foundation

/// `--instance-id ID ...`, `--ids-from FILE|-`, or `--where QUERY`.
struct InstanceSelection: ParsableArguments {
    /// `.upToNextOption`: `--instance-id A B C` names three, as repeating `--instance-id` does.
    @Option(
        name: .customLong("instance-id"), parsing: .upToNextOption,
        help: ArgumentHelp(
            "Instance IDs (--instance-id A B C, or repeated); from any region of the account.", valueName: "id"))
    var instanceIds: [String] = []
    @Option(
        help: ArgumentHelp(
            "Read instance IDs from a file, or - for standard input: IDs separated by whitespace, commas or lines (# starts a comment), or the JSON array list --output json prints (its RegionId saves the search).",
            valueName: "file"))
    var idsFrom: String?
    @Option(
        name: .customLong("where"),
        help: ArgumentHelp(
            "Select the instances matching a query, as the screen's filter: 'tag:env=dev status:running !name:db-' (see the README). In --region, --all-regions, or the default regions.",
            valueName: "query"))
    var query: String?

    /// The IDs named, in order, each once, with the region `--ids-from` JSON gave them.
    func resolve() throws(CommandError) -> [RegionLocator.Wanted] {
        var wanted = instanceIds.map { RegionLocator.Wanted($0) }
        if let idsFrom {
            let name = idsFrom == "-" ? "standard input" : idsFrom
            let bytes = idsFrom == "-" ? Array(FileHandle.standardInput.readDataToEndOfFile()) : try Self.read(idsFrom)
            let text = try Self.text(bytes, name: name)
            let listed = try Self.listedJSON(text, name: name) ?? Self.parse(text).map { RegionLocator.Wanted($0) }
            guard !listed.isEmpty else {
                throw .usage(
                    "--ids-from: \(name) holds no instance IDs\(bytes.isEmpty ? " (it is empty)" : " (only blank lines or # comments)")."
                )
            }
            wanted += listed
        }
        var seen = Set<String>()
        wanted = wanted.filter { !$0.instanceId.isEmpty && seen.insert($0.instanceId).inserted }
        guard !wanted.isEmpty else {
            throw .usage(
                "Name the instances: --instance-id ID (repeatable), --ids-from FILE (- for standard input) or --where QUERY."
            )
        }
        return wanted
    }

    /// The bytes of `path`, or a usage error saying why they cannot be read.
    static func read(_ path: String) throws(CommandError) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw .usage("--ids-from: cannot read \(path): \(reason(errno)).") }
        defer { close(fd) }
        var info = stat()
        if fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFDIR {
            throw .usage("--ids-from: \(path) is a directory, not a file of instance IDs.")
        }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = chunk.withUnsafeMutableBytes { systemRead(fd, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            guard n >= 0 else { throw .usage("--ids-from: cannot read \(path): \(reason(errno)).") }
            if n == 0 { return bytes }
            bytes += chunk[..<n]
        }
    }

    /// `errno` in a few words.
    static func reason(_ code: Int32) -> String {
        switch code {
        case ENOENT: return "no such file"
        case EACCES, EPERM: return "permission denied"
        case EISDIR: return "it is a directory"
        case ENOTDIR: return "a part of the path is not a directory"
        default: return String(cString: strerror(code))
        }
    }

    /// The file as text: UTF-8, with or without a byte order mark. UTF-16 (PowerShell's `>` writes it) and other
    /// encodings are refused by name, rather than read as IDs full of NUL bytes or replacement characters.
    static func text(_ bytes: [UInt8], name: String) throws(CommandError) -> String {
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            throw .usage("--ids-from: \(name) is not UTF-8 text (it is UTF-16); save it as UTF-8.")
        }
        guard !bytes.contains(0), let text = String(validating: bytes, as: UTF8.self) else {
            throw .usage("--ids-from: \(name) is not UTF-8 text; save it as UTF-8.")
        }
        return text
    }

    /// The IDs in the text of an `--ids-from` file: separated by whitespace, commas or line ends (LF or CRLF),
    /// `#` starting a comment. A byte order mark is dropped: editors on Windows (and PowerShell's `Out-File`)
    /// start UTF-8 files with one, and it would otherwise stick to the first ID.
    static func parse(_ text: String) -> [String] {
        var body = Substring(text)
        if body.unicodeScalars.first == "\u{FEFF}" { body = Substring(body.unicodeScalars.dropFirst()) }
        var ids: [String] = []
        // `\r\n` is one Character, and a newline, so CRLF files split like LF ones; a stray `\r` is whitespace.
        for line in body.split(whereSeparator: \.isNewline) {
            let content = line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            ids += content.split(whereSeparator: { $0 == "," || $0.isWhitespace }).map(String.init)
        }
        return ids
    }

    /// IDs that cannot be instance IDs (`i-` followed by letters and digits, the rule the stop preflight uses),
    /// for commands that look IDs up and would otherwise just say "not found".
    static func malformed(_ ids: [String]) -> [String] { ids.filter { !Preflight.isWellFormed($0) } }
}
