import FleetCore

/// Which columns the instance list shows (`:columns`, or `columns` in the config file): the standard set, from
/// which the screen's width drops the least important, with some columns added or taken out; or the columns the
/// operator listed, in that order.
public struct ColumnChoice: Sendable, Equatable {
    /// The columns listed (`:columns name,status,ip`), in order; `nil` for the standard set.
    public var listed: [SortColumn]?
    /// Added to the standard set (`:columns +tags`): they outrank its columns when the screen is narrow, the
    /// first added first.
    public var added: [SortColumn]
    /// Taken out of the standard set (`:columns -lock`).
    public var removed: Set<SortColumn>

    /// The standard set.
    public static let standard = ColumnChoice()

    /// A choice: the standard set unless columns are listed.
    public init(listed: [SortColumn]? = nil, added: [SortColumn] = [], removed: Set<SortColumn> = []) {
        self.listed = listed
        self.added = added
        self.removed = removed
    }

    /// The columns the list may show, in its order (the screen may drop some when narrow). The standard set has
    /// REGION only while several regions are shown.
    public func columns(multiRegion: Bool) -> [SortColumn] {
        if let listed { return listed }
        return SortColumn.allCases.filter { column in
            if removed.contains(column) { return false }
            return column != .region || multiRegion || added.contains(.region)
        }
    }

    /// This choice changed as `change` asks.
    public func applying(_ change: ColumnChange) -> ColumnChoice {
        switch change {
        case .standard: return .standard
        case .list(let columns): return ColumnChoice(listed: columns)
        case .adjust(let add, let remove):
            var next = self
            if var listed = next.listed {
                listed.removeAll { remove.contains($0) }
                listed += add.filter { !listed.contains($0) }
                next.listed = listed
            } else {
                next.added.removeAll { remove.contains($0) || add.contains($0) }
                next.added = add + next.added
                next.removed.subtract(add)
                next.removed.formUnion(remove)
            }
            return next
        }
    }

    /// How it reads in a message: `id name status` for a list, `standard +tags -lock`, or `standard`.
    public var summary: String {
        if let listed { return listed.map(\.shortName).joined(separator: " ") }
        let changes =
            added.map { "+" + $0.shortName }
            + SortColumn.allCases.filter { removed.contains($0) }.map { "-" + $0.shortName }
        return (["standard"] + changes).joined(separator: " ")
    }

    /// Parses the words after `:columns` (or the config file's `columns`): `default` (or `standard`), column
    /// names separated by commas or spaces, or `+NAME`/`-NAME` words; `nil` for none (show the choice).
    public static func parse(_ words: [String]) throws(FleetCommandError) -> ColumnChange? {
        let parts = words.flatMap { $0.split { $0 == "," || $0.isWhitespace } }.map(String.init)
        guard !parts.isEmpty else { return nil }
        if parts.count == 1, ["default", "standard", "reset"].contains(parts[0].lowercased()) { return .standard }
        func column(_ name: String) throws(FleetCommandError) -> SortColumn {
            guard let column = SortColumn(named: name) else {
                throw FleetCommandError("No column '\(name)'; names: \(SortColumn.shortNames)")
            }
            return column
        }
        let signed = parts.filter { $0.hasPrefix("+") || $0.hasPrefix("-") }
        if signed.isEmpty {
            var list: [SortColumn] = []
            for part in parts {
                let c = try column(part)
                if !list.contains(c) { list.append(c) }
            }
            return .list(list)
        }
        guard signed.count == parts.count else {
            throw FleetCommandError(":columns takes names (name,status,ip), or +NAME and -NAME, not both")
        }
        var add: [SortColumn] = []
        var remove: [SortColumn] = []
        for part in parts {
            let c = try column(String(part.dropFirst()))
            if part.hasPrefix("+") { add.append(c) } else { remove.append(c) }
        }
        return .adjust(add: add, remove: remove)
    }
}

/// What `:columns` asks: back to the standard set, these columns, or some added and some taken out.
public enum ColumnChange: Sendable, Equatable {
    /// `:columns default`.
    case standard
    /// `:columns name,status,ip,zone`.
    case list([SortColumn])
    /// `:columns +tags -lock`.
    case adjust(add: [SortColumn], remove: [SortColumn])
}
