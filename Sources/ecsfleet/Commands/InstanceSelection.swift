import ArgumentParser
import FleetCore
import Foundation

/// `--instance-id ID ...` or `--ids-from FILE|-`.
struct InstanceSelection: ParsableArguments {
    @Option(name: .customLong("instance-id"), help: ArgumentHelp("An instance ID; repeatable.", valueName: "id"))
    var instanceIds: [String] = []
    @Option(help: ArgumentHelp("Read instance IDs from a file, or - for standard input (whitespace, comma or newline separated; # starts a comment).", valueName: "file"))
    var idsFrom: String?

    /// The IDs named, in order, each once.
    func resolve() throws(CommandError) -> [String] {
        var ids = instanceIds
        if let idsFrom {
            let data: Data
            if idsFrom == "-" {
                data = FileHandle.standardInput.readDataToEndOfFile()
            } else {
                guard let d = FileManager.default.contents(atPath: idsFrom) else { throw .usage("--ids-from: cannot read \(idsFrom)") }
                data = d
            }
            ids += Self.parse(String(decoding: data, as: UTF8.self))
        }
        var seen = Set<String>()
        ids = ids.filter { !$0.isEmpty && seen.insert($0).inserted }
        guard !ids.isEmpty else { throw .usage("Name the instances: --instance-id ID (repeatable) or --ids-from FILE (- for standard input).") }
        return ids
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
