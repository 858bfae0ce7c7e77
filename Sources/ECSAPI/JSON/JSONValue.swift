/// A JSON document as an ordered tree.
///
/// The wire models convert to and from this tree by hand instead of through `JSONEncoder`, for two reasons:
/// object key order is kept (responses read like the vendor's), and unknown fields survive a replay of a
/// fleet file untouched. Numbers keep their literal text so nothing is lost in a round trip.
public enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    /// The literal text of a JSON number, as it appeared or as written.
    case number(String)
    case string(String)
    case array([JSONValue])
    /// Members in document order.
    case object([(String, JSONValue)])

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.number(let a), .number(let b)): return a == b || (Double(a) != nil && Double(a) == Double(b))
        case (.string(let a), .string(let b)): return a == b
        case (.array(let a), .array(let b)): return a == b
        case (.object(let a), .object(let b)):
            guard a.count == b.count else { return false }
            let bd = Dictionary(b, uniquingKeysWith: { first, _ in first })
            return a.allSatisfy { key, value in bd[key] == value }
        default: return false
        }
    }

    /// A JSON integer.
    public static func int(_ value: Int) -> JSONValue { .number(String(value)) }

    /// The member named `key` of an object, or `nil`.
    public subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        for (name, value) in members where name == key { return value }
        return nil
    }

    public var stringValue: String? {
        switch self {
        case .string(let s): return s
        case .number(let n): return n
        case .bool(let b): return b ? "true" : "false"
        default: return nil
        }
    }

    public var intValue: Int? {
        switch self {
        case .number(let n): return Int(n) ?? Double(n).flatMap { $0.isFinite ? Int(exactly: $0.rounded()) : nil }
        case .string(let s): return Int(s)
        default: return nil
        }
    }

    public var boolValue: Bool? {
        switch self {
        case .bool(let b): return b
        case .string(let s): return BooleanParameter.parse(s)
        default: return nil
        }
    }

    public var arrayValue: [JSONValue]? {
        if case .array(let a) = self { return a }
        return nil
    }

    public var objectValue: [(String, JSONValue)]? {
        if case .object(let o) = self { return o }
        return nil
    }
}

/// Builds an ordered JSON object, leaving out members whose value is `nil`.
public struct JSONObjectBuilder: Sendable {
    public private(set) var members: [(String, JSONValue)] = []
    public init() {}
    public mutating func add(_ key: String, _ value: JSONValue?) {
        if let value { members.append((key, value)) }
    }
    public mutating func add(_ key: String, _ value: String?) { add(key, value.map(JSONValue.string)) }
    public mutating func add(_ key: String, _ value: Int?) { add(key, value.map(JSONValue.int)) }
    public mutating func add(_ key: String, _ value: Bool?) { add(key, value.map(JSONValue.bool)) }
    /// Adds a list the way the ECS API wraps every array: `{"Key": {"Element": [...]}}`.
    public mutating func addWrapped(_ key: String, element: String, _ values: [JSONValue]) {
        members.append((key, .object([(element, .array(values))])))
    }
    public var value: JSONValue { .object(members) }
}

extension JSONValue {
    /// The array inside an ECS list wrapper such as `{"Instance": [...]}`; empty when absent.
    /// Tolerates the wrapper being missing, empty (`""` or `{}`), or a bare array.
    public func unwrappedList(_ element: String) -> [JSONValue] {
        switch self {
        case .array(let a): return a
        case .object:
            switch self[element] {
            case .array(let a)?: return a
            case .object(let o)?: return [.object(o)]
            default: return []
            }
        default: return []
        }
    }
}

extension JSONValue: Codable {
    private struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    public init(from decoder: any Decoder) throws {
        if let keyed = try? decoder.container(keyedBy: AnyKey.self) {
            self = .object(
                try keyed.allKeys.sorted { $0.stringValue < $1.stringValue }.map {
                    ($0.stringValue, try keyed.decode(JSONValue.self, forKey: $0))
                })
        } else if var list = try? decoder.unkeyedContainer() {
            var items: [JSONValue] = []
            while !list.isAtEnd { items.append(try list.decode(JSONValue.self)) }
            self = .array(items)
        } else {
            let single = try decoder.singleValueContainer()
            if single.decodeNil() {
                self = .null
            } else if let b = try? single.decode(Bool.self) {
                self = .bool(b)
            } else if let i = try? single.decode(Int.self) {
                self = .int(i)
            } else if let d = try? single.decode(Double.self) {
                self = .number(String(d))
            } else {
                self = .string(try single.decode(String.self))
            }
        }
    }

    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .null:
            var c = encoder.singleValueContainer()
            try c.encodeNil()
        case .bool(let b):
            var c = encoder.singleValueContainer()
            try c.encode(b)
        case .number(let n):
            var c = encoder.singleValueContainer()
            if let i = Int(n) { try c.encode(i) } else { try c.encode(Double(n) ?? 0) }
        case .string(let s):
            var c = encoder.singleValueContainer()
            try c.encode(s)
        case .array(let a):
            var c = encoder.unkeyedContainer()
            for item in a { try c.encode(item) }
        case .object(let o):
            var c = encoder.container(keyedBy: AnyKey.self)
            for (k, v) in o { try c.encode(v, forKey: AnyKey(stringValue: k)) }
        }
    }
}
