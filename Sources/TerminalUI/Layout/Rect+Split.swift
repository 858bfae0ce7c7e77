/// A size request for one part of a split.
public enum Constraint: Hashable, Sendable {
    /// Exactly this many rows or columns (less if there is not room).
    case length(Int)
    /// A share of what is left after the fixed parts, in proportion to the weight.
    case fill(Int)
    /// At least this many, plus a share of what is left like `.fill(1)`.
    case min(Int)
}

/// The direction of a split.
public enum Axis: Hashable, Sendable {
    /// Parts stacked top to bottom.
    case vertical
    /// Parts side by side, left to right.
    case horizontal
}

extension Rect {
    /// The top `rows` rows and the rest.
    public func splitTop(_ rows: Int) -> (top: Rect, rest: Rect) {
        let n = Swift.min(Swift.max(0, rows), height)
        return (Rect(x: x, y: y, width: width, height: n), Rect(x: x, y: y + n, width: width, height: height - n))
    }

    /// The bottom `rows` rows and the rest.
    public func splitBottom(_ rows: Int) -> (rest: Rect, bottom: Rect) {
        let n = Swift.min(Swift.max(0, rows), height)
        return (
            Rect(x: x, y: y, width: width, height: height - n),
            Rect(x: x, y: maxY - n, width: width, height: n)
        )
    }

    /// The left `columns` columns and the rest.
    public func splitLeft(_ columns: Int) -> (left: Rect, rest: Rect) {
        let n = Swift.min(Swift.max(0, columns), width)
        return (Rect(x: x, y: y, width: n, height: height), Rect(x: x + n, y: y, width: width - n, height: height))
    }

    /// The right `columns` columns and the rest.
    public func splitRight(_ columns: Int) -> (rest: Rect, right: Rect) {
        let n = Swift.min(Swift.max(0, columns), width)
        return (
            Rect(x: x, y: y, width: width - n, height: height),
            Rect(x: maxX - n, y: y, width: n, height: height)
        )
    }

    /// Splits along `axis` into one rectangle per constraint. Fixed lengths are served first (in order, while
    /// room lasts), then minimums, and what remains is shared among `.fill` and `.min` parts by weight; any
    /// rounding remainder goes to the last flexible part. With at least one flexible part, the parts tile this
    /// rectangle exactly.
    public func split(_ axis: Axis, _ constraints: [Constraint]) -> [Rect] {
        let total = axis == .vertical ? height : width
        var sizes = Array(repeating: 0, count: constraints.count)
        var left = total
        for (i, c) in constraints.enumerated() {
            if case .length(let n) = c {
                sizes[i] = Swift.min(Swift.max(0, n), left)
                left -= sizes[i]
            }
        }
        for (i, c) in constraints.enumerated() {
            if case .min(let n) = c {
                sizes[i] = Swift.min(Swift.max(0, n), left)
                left -= sizes[i]
            }
        }
        let weights = constraints.map { c -> Int in
            switch c {
            case .length: return 0
            case .fill(let w): return Swift.max(0, w)
            case .min: return 1
            }
        }
        let weightSum = weights.reduce(0, +)
        if weightSum > 0 && left > 0 {
            var given = 0
            for i in sizes.indices where weights[i] > 0 {
                let share = left * weights[i] / weightSum
                sizes[i] += share
                given += share
            }
            if let last = weights.lastIndex(where: { $0 > 0 }) { sizes[last] += left - given }
        }
        var rects: [Rect] = []
        var offset = 0
        for size in sizes {
            rects.append(
                axis == .vertical
                    ? Rect(x: x, y: y + offset, width: width, height: size)
                    : Rect(x: x + offset, y: y, width: size, height: height))
            offset += size
        }
        return rects
    }
}
