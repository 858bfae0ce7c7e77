/// The parameters of one API call as decoded name/value pairs, in the order they were given.
///
/// Used both ways: the client builds them (flattened lists, JSON-array parameters, booleans) and the
/// simulator reads them back with the API's validation rules.
public struct Parameters: Sendable, Equatable {
    public private(set) var items: [(name: String, value: String)] = []
    private var index: [String: Int] = [:]

    public init() {}

    public init(_ items: [(name: String, value: String)]) {
        for item in items { append(item.name, item.value) }
    }

    public static func == (lhs: Parameters, rhs: Parameters) -> Bool {
        lhs.items.elementsEqual(rhs.items) { $0.name == $1.name && $0.value == $1.value }
    }

    /// The value of `name`; the first occurrence wins when a name repeats.
    public subscript(name: String) -> String? { index[name].map { items[$0].value } }

    public var names: some Sequence<String> { items.lazy.map(\.name) }

    /// Appends a pair even if the name is already present.
    public mutating func append(_ name: String, _ value: String) {
        if index[name] == nil { index[name] = items.count }
        items.append((name, value))
    }

    /// Sets a scalar; `nil` leaves it out.
    public mutating func set(_ name: String, _ value: String?) {
        guard let value else { return }
        if let i = index[name] { items[i].value = value } else { append(name, value) }
    }

    /// Sets a boolean as `true`/`false`; `nil` leaves it out.
    public mutating func set(_ name: String, _ value: Bool?) { set(name, value.map { $0 ? "true" : "false" }) }

    public mutating func set(_ name: String, _ value: Int?) { set(name, value.map(String.init)) }

    /// A flattened list: `InstanceId.1=a&InstanceId.2=b`.
    public mutating func setList(_ prefix: String, _ values: [String]) {
        for (i, v) in values.enumerated() { set("\(prefix).\(i + 1)", v) }
    }

    /// A list sent as JSON array text, as `DescribeInstances` takes `InstanceIds`.
    public mutating func setJSONArray(_ name: String, _ values: [String]) {
        set(name, JSONValue.array(values.map(JSONValue.string)).jsonText())
    }

    /// `Tag.N.Key` / `Tag.N.Value` pairs; a `nil` value filters on the key alone.
    public mutating func setTags(_ tags: [(key: String, value: String?)]) {
        for (i, tag) in tags.enumerated() {
            set("Tag.\(i + 1).Key", tag.key)
            set("Tag.\(i + 1).Value", tag.value)
        }
    }
}

extension Parameters {
    /// A required, non-empty scalar.
    public func required(_ name: String) throws(APIError) -> String {
        guard let v = self[name], !v.isEmpty else { throw .missingParameter(name) }
        return v
    }

    /// A boolean, read case-insensitively (`true`, `True`, `FALSE`); anything else is `InvalidParameter`.
    public func bool(_ name: String) throws(APIError) -> Bool? {
        guard let raw = self[name], !raw.isEmpty else { return nil }
        guard let b = BooleanParameter.parse(raw) else { throw .invalidParameter(name, "expected true or false") }
        return b
    }

    /// An integer; anything else is `InvalidParameter`.
    public func int(_ name: String) throws(APIError) -> Int? {
        guard let raw = self[name], !raw.isEmpty else { return nil }
        guard let v = Int(raw) else { throw .invalidParameter(name, "expected an integer") }
        return v
    }

    /// One of `allowed` (exact match); anything else is `InvalidParameter`.
    public func oneOf(_ name: String, _ allowed: [String]) throws(APIError) -> String? {
        guard let raw = self[name], !raw.isEmpty else { return nil }
        guard allowed.contains(raw) else {
            throw .invalidParameter(name, "expected one of \(allowed.joined(separator: ", "))")
        }
        return raw
    }

    /// A flattened list `prefix.N`, taken in N order (gaps allowed). N must be 1 to `maxCount`.
    public func list(_ prefix: String, maxCount: Int = 100) throws(APIError) -> [String] {
        let dotted = prefix + "."
        var entries: [(Int, String)] = []
        for (name, value) in items where name.hasPrefix(dotted) {
            let suffix = name.dropFirst(dotted.count)
            guard let n = Int(suffix), n >= 1, !suffix.hasPrefix("+"), !suffix.hasPrefix("0") else {
                throw .invalidParameter(name, "the index must be a whole number from 1 to \(maxCount)")
            }
            guard n <= maxCount else {
                throw .invalidParameter(name, "at most \(maxCount) values are allowed")
            }
            if !entries.contains(where: { $0.0 == n }) { entries.append((n, value)) }
        }
        return entries.sorted { $0.0 < $1.0 }.map(\.1)
    }

    /// A JSON array of strings given as text, such as `InstanceIds=["i-a","i-b"]`.
    public func jsonStringArray(_ name: String) throws(APIError) -> [String]? {
        guard let raw = self[name], !raw.isEmpty else { return nil }
        guard let value = try? JSONValue(parsing: raw), case .array(let items) = value else {
            throw .invalidParameter(name, "expected a JSON array of strings")
        }
        var out: [String] = []
        for item in items {
            guard case .string(let s) = item else { throw .invalidParameter(name, "expected a JSON array of strings") }
            out.append(s)
        }
        return out
    }

    /// `Tag.N.Key` / `Tag.N.Value` (N from 1 to 20); a key without a value matches any value.
    public func tags() throws(APIError) -> [(key: String, value: String?)] {
        var keys: [Int: String] = [:]
        var values: [Int: String] = [:]
        for (name, value) in items where name.hasPrefix("Tag.") {
            let parts = name.split(separator: ".", omittingEmptySubsequences: false)
            guard parts.count == 3, let n = Int(parts[1]), (1...20).contains(n),
                parts[2] == "Key" || parts[2] == "Value"
            else {
                throw .invalidParameter(name, "expected Tag.N.Key or Tag.N.Value with N from 1 to 20")
            }
            if parts[2] == "Key" { keys[n] = value } else { values[n] = value }
        }
        return try keys.keys.sorted().map { n throws(APIError) in
            guard let k = keys[n], !k.isEmpty else {
                throw .invalidParameter("Tag.\(n).Key", "a tag key must not be empty")
            }
            let v = values[n]
            return (k, (v?.isEmpty ?? true) ? nil : v)
        }
    }
}

/// Booleans as the SDKs send them: `true`/`false` and, from Python, `True`/`False`.
public enum BooleanParameter {
    /// `true` or `false` in any case; `nil` for anything else.
    public static func parse(_ text: String) -> Bool? {
        switch text.lowercased() {
        case "true": return true
        case "false": return false
        default: return nil
        }
    }
}
