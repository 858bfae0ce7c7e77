import Foundation

/// A key the simulator handed out through STS or the metadata service: its secret and token, when it expires,
/// and the role session it stands for.
struct TemporaryCredential: Sendable {
    var accessKeyId: String
    var accessKeySecret: String
    var securityToken: String
    var issuedAt: Date
    var expiresAt: Date
    var session: RoleSession
}

/// An assumed role: the role, the session name the caller chose, and the role's stable ID.
struct RoleSession: Sendable, Equatable {
    var role: RoleArn
    var sessionName: String

    /// A stable 19-digit ID for the role (the vendor's role IDs are long numbers).
    var roleId: String { StableID.digits(role.description.lowercased(), count: 19) }
    /// `AssumedRoleUser.AssumedRoleId`.
    var assumedRoleId: String { roleId + ":" + sessionName }
}

/// Stable pseudo-random digits from a text (FNV-1a), for IDs that must not change between runs.
enum StableID {
    static func digits(_ text: String, count: Int) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        var out = ""
        while out.count < count {
            for byte in text.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
            out += String(hash % 1_000_000_000)
            hash = hash &+ 1
        }
        let trimmed = String(out.prefix(count))
        // No leading zero: the vendor's numeric IDs never start with one.
        return trimmed.hasPrefix("0") ? "1" + trimmed.dropFirst() : trimmed
    }
}
