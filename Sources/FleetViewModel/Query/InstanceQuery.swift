import ECSAPI
import FleetCore

/// A parsed filter. Words are matched case-insensitively as substrings of an instance's ID, name, private IP,
/// public IP, type and zone. Tokens narrow by field:
///
/// - `status:Running`: the state, whole and case-insensitive;
/// - `tag:env=prod` (key and value) or `tag:env` (the key with any value), case-insensitive;
/// - `zone:`, `type:`, `region:`: the field contains the text, case-insensitive (`type:g7`, `zone:cn-hangzhou`);
/// - `!` before any word or token negates it.
///
/// Every word and token must hold (AND). Double quotes group text with spaces (`"web server"`,
/// `tag:"cost center"=ops`). A token with no value yet (`status:`) is ignored, so typing never empties the list
/// by surprise; an unknown key (`foo:bar`) is a plain word.
public struct InstanceQuery: Sendable, Equatable {
    /// A field that tokens name.
    public enum Field: String, Sendable, CaseIterable {
        /// `status:`, `zone:`, `type:`, `region:`.
        case status, zone, type, region
    }

    /// What one token asks.
    public enum Term: Sendable, Equatable {
        /// A word searched in ID, name, IPs, type and zone (lower case).
        case text(String)
        /// A field token; the value is lower case.
        case field(Field, String)
        /// A tag token; key and value are lower case, `nil` value means any.
        case tag(key: String, value: String?)
    }

    /// One word or token, possibly negated with `!`.
    public struct Token: Sendable, Equatable {
        /// What it asks.
        public var term: Term
        /// Whether it was written with `!` (it must then not hold).
        public var negated: Bool
        /// A token asking `term`, negated or not.
        public init(_ term: Term, negated: Bool = false) { self.term = term; self.negated = negated }
    }

    /// The words and tokens, in the order typed; all must hold.
    public var tokens: [Token]

    /// A query of these tokens.
    public init(tokens: [Token] = []) { self.tokens = tokens }

    /// Parses filter text; never fails.
    public init(parsing text: String) {
        tokens = Self.split(text).compactMap(Self.token)
    }

    /// Whether the query lets everything through.
    public var isEmpty: Bool { tokens.isEmpty }

    /// Words shaped like a token whose key is none of the filter's (`stauts:Running`): matched as plain text,
    /// which is probably not what was meant. Lower case, without the value.
    public var unknownKeys: [String] {
        tokens.compactMap { t in
            guard case let .text(word) = t.term, let colon = word.firstIndex(of: ":"), colon != word.startIndex else { return nil }
            let key = word[..<colon]
            // Letters only, so IPv6 addresses and `host:port` words are not taken for keys.
            guard key.allSatisfy({ $0.isLetter }), Field(rawValue: String(key)) == nil, key != "tag" else { return nil }
            return String(key)
        }
    }

    /// States named in `status:` tokens that are not one of the five API states (probably a typo).
    public var unknownStatuses: [String] {
        tokens.compactMap { t in
            guard case let .field(.status, v) = t.term, !InstanceStatus.all.contains(where: { $0.rawValue.lowercased() == v }) else { return nil }
            return v
        }
    }

    /// Whether one instance matches: the reference rules. The instance list evaluates the same rules through its
    /// indexes.
    public func matches(_ instance: Instance) -> Bool {
        tokens.allSatisfy { t in
            let hit: Bool
            switch t.term {
            case let .text(word): hit = SearchText.make(instance).contains(word)
            case let .field(field, value): hit = Self.fieldMatches(field, value: value, actual: Self.value(of: field, in: instance).lowercased())
            case let .tag(key, value): hit = instance.tags.contains { Self.tagMatches(key: key, value: value, tag: $0) }
            }
            return hit != t.negated
        }
    }

    /// Whether every instance matching `self` also matches `other`, as when a word is typed further
    /// (`web` → `web-1`) or a token is added: then only `other`'s matches need checking.
    func narrows(_ other: InstanceQuery) -> Bool {
        guard tokens.count >= other.tokens.count else { return false }
        return zip(tokens, other.tokens).allSatisfy { new, old in
            if new == old { return true }
            guard case let .text(n) = new.term, case let .text(o) = old.term, !new.negated, !old.negated else { return false }
            return n.contains(o)
        }
    }

    /// The text of `field` in `instance`.
    static func value(of field: Field, in instance: Instance) -> String {
        switch field {
        case .status: return instance.status.rawValue
        case .zone: return instance.zoneId
        case .type: return instance.instanceType
        case .region: return instance.regionId
        }
    }

    /// `status` is whole; the other fields match when they contain the value. Both sides lower case.
    static func fieldMatches(_ field: Field, value: String, actual: String) -> Bool {
        field == .status ? actual == value : actual.contains(value)
    }

    static func tagMatches(key: String, value: String?, tag: Instance.Tag) -> Bool {
        tag.key.lowercased() == key && (value.map { tag.value.lowercased() == $0 } ?? true)
    }

    // MARK: Parsing

    /// Splits on spaces outside double quotes; quotes are removed.
    static func split(_ text: String) -> [String] {
        var out: [String] = [], current = "", quoted = false, any = false
        for c in text {
            if c == "\"" { quoted.toggle(); any = true; continue }
            if !quoted, c.isWhitespace {
                if any { out.append(current) }
                current = ""; any = false
                continue
            }
            current.append(c); any = true
        }
        if any { out.append(current) }
        return out
    }

    static func token(_ raw: String) -> Token? {
        var text = Substring(raw)
        var negated = false
        if text.hasPrefix("!") { negated = true; text = text.dropFirst() }
        let clean = SearchText.clean(String(text)).lowercased()
        guard !clean.isEmpty else { return nil }
        if let colon = clean.firstIndex(of: ":") {
            let key = String(clean[..<colon]), value = String(clean[clean.index(after: colon)...])
            if key == "tag" {
                guard !value.isEmpty else { return nil }
                if let eq = value.firstIndex(of: "=") {
                    let k = String(value[..<eq]), v = String(value[value.index(after: eq)...])
                    return k.isEmpty ? nil : Token(.tag(key: k, value: v), negated: negated)
                }
                return Token(.tag(key: value, value: nil), negated: negated)
            }
            if let field = Field(rawValue: key) {
                return value.isEmpty ? nil : Token(.field(field, value), negated: negated)
            }
        }
        return Token(.text(clean), negated: negated)
    }
}
