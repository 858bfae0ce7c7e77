import ECSAPI
import FleetCore

/// A parsed filter. Words are matched case-insensitively as substrings of an instance's ID, name, private IP,
/// public IP, type and zone. Tokens narrow by field:
///
/// - `status:Running`: the state or the start of its name (`status:stop` is Stopping and Stopped), any case;
/// - `tag:env=prod` (key and value) or `tag:env` (the key with any value), case-insensitive;
/// - `name:`, `zone:`, `type:`, `region:`: the field contains the text, case-insensitive (`name:web-`, `type:g7`);
/// - `|` inside a token gives alternatives, any of which may hold: `status:Running|Starting`, `type:g7|c7`,
///   `tag:env=dev|test` (after `key=value`, a bare alternative is another value of that key; `tag:env|owner`
///   names either key);
/// - `!` before any word or token negates it.
///
/// Every word and token must hold (AND). Double quotes group text with spaces (`"web server"`,
/// `tag:"cost center"=ops`). A token with no value yet (`status:`) is ignored, so typing never empties the list
/// by surprise; an unknown key (`foo:bar`) is a plain word.
public struct InstanceQuery: Sendable, Equatable {
    /// A field that tokens name.
    public enum Field: String, Sendable, CaseIterable {
        /// `status:`, `name:`, `zone:`, `type:`, `region:`.
        case status, name, zone, type, region
    }

    /// What one token asks.
    public enum Term: Sendable, Equatable {
        /// A word searched in ID, name, IPs, type and zone (lower case).
        case text(String)
        /// A field token: any of the values (lower case) holds.
        case field(Field, [String])
        /// A tag token: any of the patterns holds.
        case tag([TagPattern])
    }

    /// `key=value`, or `key` with any value; both lower case.
    public struct TagPattern: Sendable, Equatable {
        public var key: String
        /// `nil` means any value.
        public var value: String?
        /// A pattern for `key`, with `value` or any value.
        public init(key: String, value: String?) {
            self.key = key
            self.value = value
        }
    }

    /// One word or token, possibly negated with `!`.
    public struct Token: Sendable, Equatable {
        /// What it asks.
        public var term: Term
        /// Whether it was written with `!` (it must then not hold).
        public var negated: Bool
        /// A token asking `term`, negated or not.
        public init(_ term: Term, negated: Bool = false) {
            self.term = term
            self.negated = negated
        }
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
            guard case .text(let word) = t.term, let colon = word.firstIndex(of: ":"), colon != word.startIndex else {
                return nil
            }
            let key = word[..<colon]
            // Letters only, so IPv6 addresses and `host:port` words are not taken for keys.
            guard key.allSatisfy({ $0.isLetter }), Field(rawValue: String(key)) == nil, key != "tag" else { return nil }
            return String(key)
        }
    }

    /// States named in `status:` tokens that begin none of the five API states (probably a typo).
    public var unknownStatuses: [String] {
        tokens.flatMap { t -> [String] in
            guard case .field(.status, let values) = t.term else { return [] }
            return values.filter { v in !InstanceStatus.all.contains(where: { $0.rawValue.lowercased().hasPrefix(v) }) }
        }
    }

    /// Whether one instance matches: the reference rules. The instance list evaluates the same rules through its
    /// indexes.
    public func matches(_ instance: Instance) -> Bool {
        tokens.allSatisfy { t in
            let hit: Bool
            switch t.term {
            case .text(let word): hit = SearchText.make(instance).contains(word)
            case .field(let field, let values):
                hit = Self.fieldMatches(field, values: values, actual: Self.value(of: field, in: instance).lowercased())
            case .tag(let patterns): hit = instance.tags.contains { Self.tagMatches(patterns, tag: $0) }
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
            guard case .text(let n) = new.term, case .text(let o) = old.term, !new.negated, !old.negated else {
                return false
            }
            return n.contains(o)
        }
    }

    /// The text of `field` in `instance`.
    static func value(of field: Field, in instance: Instance) -> String {
        switch field {
        case .status: return instance.status.rawValue
        case .name: return instance.instanceName
        case .zone: return instance.zoneId
        case .type: return instance.instanceType
        case .region: return instance.regionId
        }
    }

    /// `status` matches from the start of the state's name; the other fields match when they contain a value. Both sides lower case.
    static func fieldMatches(_ field: Field, values: [String], actual: String) -> Bool {
        values.contains { field == .status ? actual.hasPrefix($0) : actual.contains($0) }
    }

    /// Whether `tag` matches any of `patterns` (lower case).
    static func tagMatches(_ patterns: [TagPattern], tag: Instance.Tag) -> Bool {
        let key = tag.key.lowercased()
        let value = tag.value.lowercased()
        return patterns.contains { $0.key == key && ($0.value.map { $0 == value } ?? true) }
    }

    // MARK: Parsing

    /// Splits on spaces outside double quotes; quotes are removed.
    static func split(_ text: String) -> [String] {
        var out: [String] = []
        var current = ""
        var quoted = false
        var any = false
        for c in text {
            if c == "\"" {
                quoted.toggle()
                any = true
                continue
            }
            if !quoted, c.isWhitespace {
                if any { out.append(current) }
                current = ""
                any = false
                continue
            }
            current.append(c)
            any = true
        }
        if any { out.append(current) }
        return out
    }

    static func token(_ raw: String) -> Token? {
        var text = Substring(raw)
        var negated = false
        if text.hasPrefix("!") {
            negated = true
            text = text.dropFirst()
        }
        let clean = SearchText.clean(String(text)).lowercased()
        guard !clean.isEmpty else { return nil }
        if let colon = clean.firstIndex(of: ":") {
            let key = String(clean[..<colon])
            let value = String(clean[clean.index(after: colon)...])
            if key == "tag" {
                let patterns = tagPatterns(value)
                return patterns.isEmpty ? nil : Token(.tag(patterns), negated: negated)
            }
            if let field = Field(rawValue: key) {
                let values = value.split(separator: "|").map(String.init)
                return values.isEmpty ? nil : Token(.field(field, values), negated: negated)
            }
        }
        return Token(.text(clean), negated: negated)
    }

    /// The alternatives of a `tag:` value: `env=dev|test` is env=dev or env=test; `env|owner` either key.
    /// Empty alternatives (`env=dev|`, being typed) are left out.
    static func tagPatterns(_ value: String) -> [TagPattern] {
        var out: [TagPattern] = []
        for alternative in value.split(separator: "|").map(String.init) {
            if let eq = alternative.firstIndex(of: "=") {
                let k = String(alternative[..<eq])
                let v = String(alternative[alternative.index(after: eq)...])
                if !k.isEmpty { out.append(TagPattern(key: k, value: v)) }
            } else if let last = out.last, last.value != nil {
                out.append(TagPattern(key: last.key, value: alternative))
            } else {
                out.append(TagPattern(key: alternative, value: nil))
            }
        }
        return out
    }
}
