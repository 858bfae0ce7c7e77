/// How a table's columns share a width: one algorithm for the screen's tables (`Table.columnLayout`) and the
/// command line's plain-text tables.
///
/// Columns are dropped, lowest `priority` first (the right-most among equals), until the minimum widths and gaps
/// fit; at least one column is kept. Each column starts at its minimum, or at its natural width when that is
/// smaller. Spare room then completes the columns whose text is cut, the most important first, each only if it
/// fits whole; what remains goes to columns with a weight, in proportion, up to their maximums. What is still
/// left stays blank on the right. A single column wider than the room is narrowed to it.
public enum ColumnFit {
    /// What the algorithm needs to know of one column.
    public struct Column: Hashable, Sendable {
        /// The fewest display columns it may be shown in; while the minimums do not fit, columns are dropped.
        public var minimum: Int
        /// What its title and text need, or nil when nothing was measured (it then starts at `minimum` and is
        /// never "cut").
        public var natural: Int?
        /// The most it may be given, or nil for no limit.
        public var maximum: Int?
        /// Its share of the spare room; 0 takes none.
        public var weight: Int
        /// Higher stays longer when the table is too narrow.
        public var priority: Int

        /// Creates a column.
        public init(minimum: Int, natural: Int?, maximum: Int?, weight: Int, priority: Int) {
            self.minimum = max(0, minimum)
            self.natural = natural.map { max(0, $0) }
            self.maximum = maximum
            self.weight = max(0, weight)
            self.priority = priority
        }
    }

    /// A column that is shown: its index in the list given to `fit`, and its width.
    public struct Slot: Hashable, Sendable {
        /// Index into the columns given to `fit`.
        public var index: Int
        /// Display columns given to it.
        public var width: Int
    }

    /// The columns shown in `width` display columns with `gap` between neighbours, left to right.
    public static func fit(_ columns: [Column], width: Int, gap: Int) -> [Slot] {
        let available = max(0, width)
        var visible = Array(columns.indices)
        func required(_ indices: [Int]) -> Int {
            indices.reduce(0) { $0 + columns[$1].minimum } + gap * max(0, indices.count - 1)
        }
        while visible.count > 1 && required(visible) > available {
            // Lowest priority goes first; among equals, the right-most.
            let drop = visible.min { a, b in
                columns[a].priority != columns[b].priority ? columns[a].priority < columns[b].priority : a > b
            }
            visible.removeAll { $0 == drop }
        }
        var widths = visible.map { min(columns[$0].minimum, columns[$0].natural ?? Int.max) }
        var spare = available - widths.reduce(0, +) - gap * max(0, visible.count - 1)
        if spare < 0, let only = visible.first {
            // Only one column is left (the drops stop there) and it is wider than the room.
            return [Slot(index: only, width: available)]
        }
        // Complete the columns whose text is cut, the most important first, each only if it fits whole.
        var shortfalls: [(slot: Int, need: Int)] = []
        for (slot, index) in visible.enumerated() {
            guard let natural = columns[index].natural else { continue }
            let need = min(natural, columns[index].maximum ?? Int.max) - widths[slot]
            if need > 0 { shortfalls.append((slot, need)) }
        }
        shortfalls.sort { columns[visible[$0.slot]].priority > columns[visible[$1.slot]].priority }
        for item in shortfalls where item.need <= spare {
            widths[item.slot] += item.need
            spare -= item.need
        }
        // Hand out spare columns by weight in rounds, so maximums release room to the others.
        while spare > 0 {
            var open: [(slot: Int, weight: Int)] = []
            for (slot, index) in visible.enumerated() where columns[index].weight > 0 {
                if let maximum = columns[index].maximum, widths[slot] >= maximum { continue }
                open.append((slot, columns[index].weight))
            }
            guard !open.isEmpty else { break }
            let totalWeight = open.reduce(0) { $0 + $1.weight }
            var given = 0
            for item in open {
                var share = spare * item.weight / totalWeight
                if let maximum = columns[visible[item.slot]].maximum { share = min(share, maximum - widths[item.slot]) }
                widths[item.slot] += share
                given += share
            }
            if given == 0 {
                // Every share rounded down to nothing: give the open columns one each, left to right.
                for item in open where given < spare {
                    widths[item.slot] += 1
                    given += 1
                }
            }
            spare -= given
        }
        return zip(visible, widths).map { Slot(index: $0, width: $1) }
    }
}
