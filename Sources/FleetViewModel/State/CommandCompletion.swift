import FleetCore
import Foundation

/// What Tab completes on the command line: the word before the cursor, the candidates that start with it, and,
/// while Tab cycles through them, the one in the line. The candidates come from the state (the account's
/// regions, the themes and profiles read at launch, the columns), never from a file or a call.
public struct CommandCompletion: Sendable, Equatable {
    /// What the candidates are, for the line that shows them: `commands`, `regions`, `themes`...
    public var kind: String
    /// The word as the operator typed it.
    public var typed: String
    /// The candidates starting with `typed`, in their list's order.
    public var candidates: [String]
    /// The candidate in the line now, while Tab cycles; `nil` before the first cycle.
    public var selected: Int?
    /// Where the completed word starts in the line, in characters.
    public var wordStart: Int

    /// A completion of `typed` (starting at `wordStart`) among `candidates`.
    public init(kind: String, typed: String, candidates: [String], selected: Int? = nil, wordStart: Int) {
        self.kind = kind
        self.typed = typed
        self.candidates = candidates
        self.selected = selected
        self.wordStart = wordStart
    }

    /// The command names, as help's list of commands (`FleetCommand.usage`) gives them.
    public static var commandNames: [String] {
        FleetCommand.usage.split(separator: " ").filter { $0.hasPrefix(":") }.map { String($0.dropFirst()) }
    }

    /// The column names `:sort` and `:columns` take, as messages and help give them (`ip`, `op`).
    public static var columnNames: [String] { SortColumn.allCases.map(\.shortName) }

    /// The completion of the word before the cursor of `line`, or `nil` when nothing completes there (an
    /// argument of `:export`, a word after the last argument).
    public static func of(_ line: TypedLine, in state: FleetState) -> CommandCompletion? {
        let before = String(line.beforeCursor)
        var words = before.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        if before.isEmpty || before.last == " " { words.append("") }
        guard let word = words.last else { return nil }
        // A leading `:` is allowed (`::region`), as the parser allows it.
        let command = (words.first ?? "").drop { $0 == ":" }.lowercased()
        var typed = word
        if words.count == 1 {
            typed = String(word.drop { $0 == ":" })
            return make("commands", typed: typed, from: commandNames, line: before)
        }
        let argument = words.count - 1
        switch (command, argument) {
        case ("region", _), ("regions", _):
            // `:region cn-hangzhou,cn-sh`: the region after the last comma.
            if let comma = word.lastIndex(of: ",") { typed = String(word[word.index(after: comma)...]) }
            return make("regions", typed: typed, from: state.knownRegions + ["all"], line: before)
        case ("theme", 1): return make("themes", typed: typed, from: state.themes, line: before)
        case ("profile", 1): return make("profiles", typed: typed, from: state.profiles, line: before)
        case ("sort", 1): return make("columns", typed: typed, from: columnNames, line: before)
        case ("columns", _), ("column", _), ("cols", _):
            // `:columns name,status,i` and `:columns +ta`: the column after the last comma or sign.
            if let cut = word.lastIndex(where: { ",+-".contains($0) }) {
                typed = String(word[word.index(after: cut)...])
            }
            return make("columns", typed: typed, from: columnNames + (argument == 1 ? ["default"] : []), line: before)
        case ("sort", 2): return make("directions", typed: typed, from: ["asc", "desc"], line: before)
        case ("readonly", 1), ("ro", 1), ("mouse", 1):
            return make("values", typed: typed, from: ["on", "off"], line: before)
        default: return nil
        }
    }

    private static func make(_ kind: String, typed: String, from list: [String], line: String) -> CommandCompletion {
        var seen = Set<String>()
        let wanted = typed.lowercased()
        let matching = list.filter { $0.lowercased().hasPrefix(wanted) && seen.insert($0).inserted }
        return CommandCompletion(kind: kind, typed: typed, candidates: matching, wordStart: line.count - typed.count)
    }

    /// The longest start all candidates share (compared ignoring case; spelt as the first candidate).
    public var commonPrefix: String {
        guard var prefix = candidates.first.map(Array.init) else { return typed }
        for c in candidates.dropFirst() {
            let other = Array(c.lowercased())
            var n = 0
            while n < prefix.count, n < other.count, String(prefix[n]).lowercased() == String(other[n]) { n += 1 }
            prefix = Array(prefix.prefix(n))
        }
        return String(prefix)
    }
}
