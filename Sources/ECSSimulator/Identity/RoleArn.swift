/// A RAM role's ARN, `acs:ram::<account digits>:role/<name>`. Role names compare case-insensitively, as RAM's do.
public struct RoleArn: Sendable, Equatable, CustomStringConvertible {
    public let accountId: String
    public let roleName: String

    /// `nil` unless `text` is `acs:ram::<digits>:role/<name>` with a name of 1 to 64 letters, digits, `.`, `-`
    /// or `_`.
    public init?(_ text: String) {
        guard let (account, rest) = Self.split(text, kind: "role"),
            (1...64).contains(rest.count), rest.allSatisfy(Self.isNameCharacter)
        else { return nil }
        accountId = account
        roleName = rest
    }

    public var description: String { "acs:ram::\(accountId):role/\(roleName)" }

    /// The same role, whatever the case of its name.
    func matches(_ other: RoleArn) -> Bool {
        accountId == other.accountId && roleName.lowercased() == other.roleName.lowercased()
    }

    /// Whether `text` is an OIDC provider ARN, `acs:ram::<digits>:oidc-provider/<name>`.
    public static func isOIDCProvider(_ text: String) -> Bool {
        guard let (_, rest) = split(text, kind: "oidc-provider") else { return false }
        return !rest.isEmpty && rest.allSatisfy(isNameCharacter)
    }

    /// Letters, digits, `.`, `-` and `_`: what RAM allows in role and provider names.
    public static func isNameCharacter(_ c: Character) -> Bool {
        c.isASCII && (c.isLetter || c.isNumber || c == "." || c == "-" || c == "_")
    }

    /// The account digits and what follows `<kind>/`.
    private static func split(_ text: String, kind: String) -> (String, String)? {
        let prefix = "acs:ram::"
        guard text.hasPrefix(prefix) else { return nil }
        let afterPrefix = text.dropFirst(prefix.count)
        guard let colon = afterPrefix.firstIndex(of: ":") else { return nil }
        let account = afterPrefix[..<colon]
        guard !account.isEmpty, account.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        let tail = afterPrefix[afterPrefix.index(after: colon)...]
        guard tail.hasPrefix(kind + "/") else { return nil }
        return (String(account), String(tail.dropFirst(kind.count + 1)))
    }
}
