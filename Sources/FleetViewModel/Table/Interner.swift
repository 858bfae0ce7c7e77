/// Distinct values numbered in order of appearance: 100,000 rows share a few statuses, regions or kinds of row,
/// and the stop dialog's targets a few judgements, so each is kept once and referred to by its small number.
struct Interner<Value: Hashable & Sendable>: Sendable {
    private(set) var values: [Value] = []
    private var codes: [Value: Int32] = [:]

    /// The number of `value`, numbering it if new.
    mutating func code(_ value: Value) -> Int32 {
        if let c = codes[value] { return c }
        let c = Int32(values.count)
        values.append(value)
        codes[value] = c
        return c
    }

    /// Changes every value in place; numbers stay. Values that become equal keep their numbers, and `code` then
    /// answers the first.
    mutating func changeAll(_ change: (inout Value) -> Void) {
        for i in values.indices { change(&values[i]) }
        codes = [:]
        for i in values.indices where codes[values[i]] == nil { codes[values[i]] = Int32(i) }
    }
}
