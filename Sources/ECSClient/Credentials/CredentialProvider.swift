import ECSAPI

/// Gives the credentials to sign the next request with. A provider of temporary credentials renews them before
/// they expire; the client asks for them at each attempt.
public protocol CredentialProvider: Sendable {
    /// Credentials valid now (renewed first when they are about to expire).
    func credentials() async throws(CredentialError) -> Credentials
    /// New credentials after the service refused `rejected` as expired, unless they were renewed meanwhile.
    func renew(rejected: Credentials) async throws(CredentialError) -> Credentials
}

/// A key that does not change (an AccessKey, or an STS token given as it is).
public struct FixedCredentials: CredentialProvider {
    public let value: Credentials

    public init(_ value: Credentials) { self.value = value }

    public func credentials() async throws(CredentialError) -> Credentials { value }

    /// The same key: nothing can renew it, so the refusal stands.
    public func renew(rejected: Credentials) async throws(CredentialError) -> Credentials {
        throw CredentialError(
            "the security token has expired and it was given as it is (ALIBABA_CLOUD_SECURITY_TOKEN or a StsToken profile), so ecsfleet cannot renew it: get a new one"
        )
    }
}

/// Credentials could not be obtained; the text names where from and what to do, never a secret.
public struct CredentialError: Error, Sendable, Equatable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
