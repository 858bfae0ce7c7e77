/// An Alibaba Cloud AccessKey pair, optionally with an STS security token.
///
/// Its textual and reflected forms (`description`, `debugDescription`, string interpolation,
/// `dump`, `Mirror`) never reveal the secret or the token, and show the key id only masked,
/// e.g. `Credentials(accessKeyId: LTAI****1234, secret: <redacted>)`.
public struct Credentials: Sendable, Equatable {
    /// The AccessKey ID (sent on the wire; shown masked in logs).
    public var accessKeyId: String
    /// The AccessKey secret. Never sent, never printed.
    public var accessKeySecret: String
    /// The STS security token for temporary credentials, `nil` for a permanent AccessKey.
    public var securityToken: String?

    /// Creates credentials from an AccessKey pair and an optional STS token.
    public init(accessKeyId: String, accessKeySecret: String, securityToken: String? = nil) {
        self.accessKeyId = accessKeyId
        self.accessKeySecret = accessKeySecret
        self.securityToken = securityToken
    }

    /// The key id masked for display: its first 4 and last 4 characters around `****` when it is
    /// longer than 8 characters, otherwise just `****`.
    public var maskedAccessKeyId: String {
        Credentials.mask(accessKeyId)
    }

    /// Masks an identifier as described for ``maskedAccessKeyId``.
    static func mask(_ id: String) -> String {
        guard id.count > 8 else { return "****" }
        return String(id.prefix(4)) + "****" + String(id.suffix(4))
    }

    private static let redacted = "<redacted>"
}

extension Credentials: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// A safe description: masked key id, redacted secret and token.
    public var description: String {
        var text = "Credentials(accessKeyId: \(maskedAccessKeyId), secret: \(Credentials.redacted)"
        if securityToken != nil { text += ", securityToken: \(Credentials.redacted)" }
        return text + ")"
    }

    /// Same as ``description``: the debug form is just as safe.
    public var debugDescription: String { description }

    /// A mirror whose children are the masked key id and redacted placeholders, so `dump` and
    /// reflection-based printing cannot reach the real secret or token.
    public var customMirror: Mirror {
        var children: [(label: String?, value: Any)] = [
            (label: "accessKeyId", value: maskedAccessKeyId),
            (label: "accessKeySecret", value: Credentials.redacted),
        ]
        if securityToken != nil {
            children.append((label: "securityToken", value: Credentials.redacted))
        }
        return Mirror(self, children: children, displayStyle: .struct)
    }
}
