import Foundation

/// The `aliyun` CLI's safety policy (`~/.aliyun/safety-policy.json`, overridden by
/// `ALIBABA_CLOUD_SAFETY_POLICY_ENABLED` and `ALIBABA_CLOUD_SAFETY_POLICY_RULES`), honoured as the CLI does:
/// rules in order, first match wins, `forbid` means `confirm`, no match or disabled means allow.
public struct SafetyPolicy: Sendable, Equatable {
    public enum Action: String, Sendable { case allow, deny, confirm }

    public struct Rule: Sendable, Equatable {
        /// `product:ApiName` with `*` wildcards, matched case-insensitively.
        public var pattern: String
        public var action: Action
        public init(pattern: String, action: Action) {
            self.pattern = pattern
            self.action = action
        }
    }

    /// What the policy says about one API: the action and the rule that decided it.
    public struct Decision: Sendable, Equatable {
        public var action: Action
        public var rule: Rule?
        /// "rule 'ecs:Stop*' (confirm) in ~/.aliyun/safety-policy.json".
        public var explanation: String
    }

    public var enabled: Bool
    public var rules: [Rule]
    /// Where the rules came from, for messages.
    public var source: String

    public init(enabled: Bool, rules: [Rule], source: String) {
        self.enabled = enabled
        self.rules = rules
        self.source = source
    }

    /// The decision for `api` (such as `ecs:StopInstances`).
    public func decide(_ api: String) -> Decision {
        guard enabled, let rule = rules.first(where: { Self.matches($0.pattern, api) }) else {
            return Decision(action: .allow, rule: nil, explanation: "no safety rule applies")
        }
        return Decision(
            action: rule.action, rule: rule,
            explanation: "rule '\(rule.pattern)' (\(rule.action.rawValue)) in \(source)")
    }

    static func matches(_ pattern: String, _ text: String) -> Bool {
        let p = Array(pattern.lowercased())
        let t = Array(text.lowercased())
        var pi = 0
        var ti = 0
        var star = -1
        var mark = 0
        while ti < t.count {
            if pi < p.count, p[pi] == t[ti] {
                pi += 1
                ti += 1
            } else if pi < p.count, p[pi] == "*" {
                star = pi
                mark = ti
                pi += 1
            } else if star >= 0 {
                pi = star + 1
                mark += 1
                ti = mark
            } else {
                return false
            }
        }
        while pi < p.count, p[pi] == "*" { pi += 1 }
        return pi == p.count
    }

    /// Loads the policy: the file beside the CLI config, then the environment over it.
    public static func load(path: String, environment: [String: String]) throws(SafetyPolicyError) -> SafetyPolicy {
        var policy = SafetyPolicy(enabled: false, rules: [], source: path)
        if let data = FileManager.default.contents(atPath: path) {
            guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
                throw SafetyPolicyError("\(path) is not valid JSON; fix it or remove it")
            }
            policy.enabled = object["enabled"] as? Bool ?? false
            for raw in object["rules"] as? [[String: Any]] ?? [] {
                guard let pattern = raw["pattern"] as? String, let action = raw["action"] as? String else { continue }
                policy.rules.append(Rule(pattern: pattern, action: try parseAction(action, where: path)))
            }
        }
        if let rules = environment["ALIBABA_CLOUD_SAFETY_POLICY_RULES"], !rules.isEmpty {
            policy.source = "ALIBABA_CLOUD_SAFETY_POLICY_RULES"
            policy.rules = []
            for part in rules.split(separator: ",") {
                let kv = part.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                guard kv.count == 2, !kv[0].isEmpty else {
                    throw SafetyPolicyError("ALIBABA_CLOUD_SAFETY_POLICY_RULES: '\(part)' is not pattern=action")
                }
                policy.rules.append(
                    Rule(pattern: kv[0], action: try parseAction(kv[1], where: "ALIBABA_CLOUD_SAFETY_POLICY_RULES")))
            }
            policy.enabled = true
        }
        if let enabled = environment["ALIBABA_CLOUD_SAFETY_POLICY_ENABLED"], !enabled.isEmpty {
            policy.enabled = enabled.lowercased() == "true"
        }
        return policy
    }

    static func parseAction(_ text: String, where source: String) throws(SafetyPolicyError) -> Action {
        switch text.lowercased() {
        case "allow": return .allow
        case "deny": return .deny
        case "confirm", "forbid": return .confirm
        default: throw SafetyPolicyError("\(source): unknown action '\(text)' (use allow, deny or confirm)")
        }
    }
}

/// The safety policy cannot be read.
public struct SafetyPolicyError: Error, Sendable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
