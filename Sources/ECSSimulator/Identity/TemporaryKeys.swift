import Foundation
import Synchronization

/// Every temporary key the simulator has handed out, kept in memory so ECS calls signed with one are accepted
/// (secret and token checked) until it expires. Expired keys are remembered a day longer, so a late call gets
/// `InvalidSecurityToken.Expired` rather than an unknown key. See docs/ECS-SEMANTICS.md#temporary-credentials.
final class TemporaryKeys: Sendable {
    private let keys = Mutex<[String: TemporaryCredential]>([:])
    /// How long an expired key is still recognised.
    static let memory: TimeInterval = 24 * 3600

    /// A new key for `session`, valid `lifetime` seconds from `now`.
    func issue(_ session: RoleSession, lifetime: TimeInterval, now: Date) -> TemporaryCredential {
        let credential = TemporaryCredential(
            accessKeyId: "STS." + Self.random(24), accessKeySecret: Self.random(44),
            securityToken: "CAIS" + Self.random(300), issuedAt: now, expiresAt: now.addingTimeInterval(lifetime),
            session: session)
        keys.withLock { keys in
            if keys.count >= 10_000 { keys = keys.filter { $0.value.expiresAt.addingTimeInterval(Self.memory) > now } }
            keys[credential.accessKeyId] = credential
        }
        return credential
    }

    /// The key with this ID, if the simulator issued it (expired or not).
    func lookup(_ accessKeyId: String) -> TemporaryCredential? {
        guard accessKeyId.hasPrefix("STS.") else { return nil }
        return keys.withLock { $0[accessKeyId] }
    }

    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")

    /// Unguessable text: temporary secrets must not be predictable, so this uses the system generator, not the seed.
    static func random(_ count: Int) -> String {
        var g = SystemRandomNumberGenerator()
        return String((0..<count).map { _ in alphabet[Int(g.next() % UInt64(alphabet.count))] })
    }
}
