import FleetCore
import Foundation

/// A command typed on the `:` command line.
public enum FleetCommand: Sendable, Equatable {
    /// `:region NAME`, `:region A,B` or `:region all`.
    case region(RegionSelection)
    /// `:theme NAME`.
    case theme(String)
    /// `:readonly` (on), `:readonly on|off`.
    case readOnly(Bool)
    /// `:mouse on|off`.
    case mouse(Bool)
    /// `:sort COLUMN [asc|desc]`.
    case sort(SortColumn, ascending: Bool)
    /// `:profile NAME`: the account of another profile of the aliyun CLI's config; `:profile` lists them.
    case profile(String?)
    /// `:columns` (nil: say which), `:columns name,status,ip`, `:columns +tags -lock`, `:columns default`.
    case columns(ColumnChange?)
    /// `:q`, `:quit`.
    case quit
    /// `:export PATH` (`.csv` or `.json`): the visible rows, or the results view's; `:export! PATH` overwrites.
    case export(path: String, overwrite: Bool)

    /// The commands, for help and errors.
    public static let usage =
        ":region NAME[,NAME...]|all   :theme NAME   :readonly [on|off]   :mouse on|off   :sort COLUMN [desc]   :profile NAME   "
        + ":columns COLUMN,...|+COLUMN|-COLUMN|default   :export FILE.csv|.json   :q "
        + "(COLUMN: \(SortColumn.shortNames))"

    /// Parses a command line (with or without its leading `:`).
    public static func parse(_ line: String) throws(FleetCommandError) -> FleetCommand {
        var text = Substring(line).drop { $0.isWhitespace }
        if text.hasPrefix(":") { text = text.dropFirst() }
        let words = text.split(whereSeparator: \.isWhitespace).map(String.init)
        guard let name = words.first?.lowercased() else { throw FleetCommandError("Type a command: \(usage)") }
        let args = Array(words.dropFirst())
        switch name {
        case "region", "regions":
            let list = args.joined(separator: ",").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty }
            guard !list.isEmpty else {
                throw FleetCommandError(
                    ":region needs a region (cn-hangzhou), several (cn-hangzhou,cn-shanghai) or all")
            }
            if list.count == 1, list[0].lowercased() == "all" { return .region(.all) }
            var seen = Set<String>()
            return .region(.only(list.filter { seen.insert($0).inserted }))
        case "theme":
            guard args.count == 1 else {
                throw FleetCommandError(
                    ":theme needs one theme name or path, such as :theme light or :theme high-contrast")
            }
            return .theme(args[0])
        case "readonly", "ro":
            guard args.count <= 1 else { throw FleetCommandError(":readonly takes on or off") }
            guard let on = args.isEmpty ? true : switchValue(args[0]) else {
                throw FleetCommandError(":readonly takes on or off, not '\(args[0])'")
            }
            return .readOnly(on)
        case "sort":
            let columns = SortColumn.shortNames
            guard let first = args.first else { throw FleetCommandError(":sort needs a column: \(columns)") }
            var words = args
            var ascending = true
            if let last = words.last?.lowercased(), ["asc", "desc"].contains(last), words.count > 1 {
                ascending = last == "asc"
                words.removeLast()
            }
            guard let column = SortColumn(named: words.joined(separator: " ")) else {
                throw FleetCommandError("No column '\(first)' to sort by; columns: \(columns) (then asc or desc)")
            }
            return .sort(column, ascending: ascending)
        case "columns", "column", "cols":
            return .columns(try ColumnChoice.parse(args))
        case "mouse":
            guard args.count == 1, let on = switchValue(args[0]) else {
                throw FleetCommandError(":mouse takes on or off")
            }
            return .mouse(on)
        case "export", "export!":
            // The rest of the line is the path, spaces included.
            let path = text.drop { !$0.isWhitespace }.trimmingCharacters(in: .whitespaces)
            guard !path.isEmpty else {
                throw FleetCommandError(":export needs a file ending in .csv or .json, such as :export fleet.csv")
            }
            guard FleetExport.Format(path: path) != nil else {
                throw FleetCommandError(":export writes .csv or .json files; '\(path)' is neither")
            }
            return .export(path: path, overwrite: name == "export!")
        case "profile", "profiles":
            guard args.count <= 1 else { throw FleetCommandError(":profile takes one profile name (Tab lists them)") }
            return .profile(args.first)
        case "q", "quit", "q!":
            guard args.isEmpty else { throw FleetCommandError(":q takes nothing after it") }
            return .quit
        default:
            // Short enough for the banner at 80 columns; help lists the commands with their arguments.
            throw FleetCommandError("Unknown command ':\(name)'; Tab on an empty : line lists the commands")
        }
    }

    private static func switchValue(_ word: String) -> Bool? {
        switch word.lowercased() {
        case "on", "true", "yes": return true
        case "off", "false", "no": return false
        default: return nil
        }
    }
}

/// A command line that cannot be run; the text says what to type instead.
public struct FleetCommandError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What was wrong and what to type instead.
    public var description: String
    /// An error with this message.
    public init(_ description: String) { self.description = description }
}
