/// A mistyped subcommand (`ecsfleet lsit`) gets the nearest real one, as git and kubectl do.
extension Ecsfleet {
    /// The subcommand the operator probably meant, when `arguments` name none and one bare word is within two
    /// edits of a subcommand's name; `nil` otherwise.
    static func suggestion(for arguments: [String]) -> (typed: String, meant: String)? {
        let words = arguments.filter { !$0.hasPrefix("-") }
        guard !words.contains(where: subcommandNames.contains) else { return nil }
        for word in words where word.count >= 2 {
            let nearest = subcommandNames.filter { $0 != "help" }
                .map { ($0, editDistance(word.lowercased(), $0)) }
                .min { $0.1 < $1.1 || ($0.1 == $1.1 && $0.0 < $1.0) }
            if let (name, distance) = nearest, distance <= 2 { return (word, name) }
        }
        return nil
    }

    /// Levenshtein distance, with a swap of two neighbours counted as one edit (`lsit` is one from `list`).
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a)
        let b = Array(b)
        guard !a.isEmpty, !b.isEmpty else { return max(a.count, b.count) }
        var d = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { d[i][0] = i }
        for j in 0...b.count { d[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
                }
            }
        }
        return d[a.count][b.count]
    }
}
