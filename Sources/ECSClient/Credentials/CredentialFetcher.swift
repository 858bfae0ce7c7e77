import ECSAPI
import Foundation
import Logging

/// Turns a `CredentialRecipe` into a provider: where STS and the metadata service are, and how requests reach them.
public struct CredentialFetcher: Sendable {
    let transport: any HTTPTransport
    let sts: STSClient
    let metadata: InstanceMetadata
    let now: @Sendable () -> Date
    /// How long an `External` profile's command may run.
    public var externalTimeout: Duration = .seconds(60)

    /// - Parameters:
    ///   - stsEndpoint: every STS call goes here when set (`--sts-endpoint`, `ECSFLEET_STS_ENDPOINT`, the sandbox).
    ///   - metadataEndpoint: the metadata service (`http://100.100.100.200`, or `ECSFLEET_METADATA_ENDPOINT`).
    ///   - imdsV1Disabled: `ALIBABA_CLOUD_IMDSV1_DISABLED=true`.
    ///   - now: the clock that decides when credentials are renewed.
    ///   - logger: when given, each STS and metadata call is logged (call, status, request id), secrets never.
    public init(
        transport: any HTTPTransport, stsEndpoint: Endpoint?,
        metadataEndpoint: Endpoint = CredentialFetcher.metadataHost, imdsV1Disabled: Bool = false,
        now: @escaping @Sendable () -> Date = { Date() }, logger: Logger? = nil
    ) {
        self.transport = transport
        sts = STSClient(transport: transport, endpointOverride: stsEndpoint, logger: logger)
        metadata = InstanceMetadata(
            transport: transport, endpoint: metadataEndpoint, v1Disabled: imdsV1Disabled, logger: logger)
        self.now = now
    }

    /// The metadata service every ECS instance reaches.
    public static let metadataHost = Endpoint(scheme: "http", host: "100.100.100.200", port: nil)

    /// A provider for `recipe`. Errors name `source` (the profile, the step), never a secret.
    public func provider(_ recipe: CredentialRecipe, source: CredentialSource, initial: TemporaryCredentials? = nil)
        -> any CredentialProvider
    {
        if case .fixed(let key) = recipe { return FixedCredentials(key) }
        let fetch = fetcher(recipe)
        return RefreshingCredentials(initial: initial, now: now) {
            () async throws(CredentialError) -> TemporaryCredentials in
            do throws(CredentialError) { return try await fetch() } catch {
                throw CredentialError("\(source): \(error.description)")
            }
        }
    }

    private func fetcher(_ recipe: CredentialRecipe) -> RefreshingCredentials.Fetch {
        switch recipe {
        case .fixed(let key):
            return { TemporaryCredentials(credentials: key, expiration: nil) }
        case .assumeRole(let inner, let role, let location):
            let key = provider(inner, source: CredentialSource("source_profile"))
            return { [sts] () async throws(CredentialError) -> TemporaryCredentials in
                try await sts.assumeRole(role, key: try await key.credentials(), at: location)
            }
        case .oidc(let request, let location):
            return { [sts] () async throws(CredentialError) -> TemporaryCredentials in
                guard let data = FileManager.default.contents(atPath: request.tokenFile) else {
                    throw CredentialError(
                        "the OIDC token file \(request.tokenFile) is missing or cannot be read (oidc_token_file, ALIBABA_CLOUD_OIDC_TOKEN_FILE)"
                    )
                }
                let token = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
                guard !token.isEmpty else { throw CredentialError("the OIDC token file \(request.tokenFile) is empty") }
                return try await sts.assumeRoleWithOIDC(request, token: token, at: location)
            }
        case .instanceRole(let name):
            return { [metadata] () async throws(CredentialError) -> TemporaryCredentials in
                do throws(InstanceMetadata.Failure) {
                    return try await metadata.roleCredentials(name: name).credentials
                } catch {
                    switch error {
                    case .absent(let why), .failed(let why): throw CredentialError(why)
                    }
                }
            }
        case .uri(let uri):
            return { [transport] () async throws(CredentialError) -> TemporaryCredentials in
                try await Self.fromURI(uri, transport: transport)
            }
        case .external(let command):
            return { [externalTimeout] () async throws(CredentialError) -> TemporaryCredentials in
                try await ExternalCommand(command: command, timeout: externalTimeout).run()
            }
        case .cached(let key, let expiration, let mode):
            return { [now] () async throws(CredentialError) -> TemporaryCredentials in
                guard now() < expiration else {
                    throw CredentialError(
                        "the \(mode) sign-in has expired (at \(SignatureV3.formatTimestamp(expiration))): sign in again with the aliyun CLI (`aliyun configure --mode \(mode)`), then run ecsfleet again"
                    )
                }
                return TemporaryCredentials(credentials: key, expiration: expiration)
            }
        }
    }

    /// `GET` of `ALIBABA_CLOUD_CREDENTIALS_URI`, answered like the metadata service.
    static func fromURI(_ uri: String, transport: any HTTPTransport) async throws(CredentialError)
        -> TemporaryCredentials
    {
        guard uri.hasPrefix("http://") || uri.hasPrefix("https://") else {
            throw CredentialError("ALIBABA_CLOUD_CREDENTIALS_URI must be an http:// or https:// URL")
        }
        let response: TransportResponse
        do {
            response = try await transport.send(
                TransportRequest(method: "GET", url: uri, headers: [("accept", "application/json")]),
                timeout: .seconds(10))
        } catch {
            throw CredentialError("ALIBABA_CLOUD_CREDENTIALS_URI gave no answer (\(error))")
        }
        guard response.status == 200 else {
            throw CredentialError("ALIBABA_CLOUD_CREDENTIALS_URI answered HTTP \(response.status)")
        }
        do {
            return try TemporaryCredentials(
                metadataAnswer: try JSONValue(parsing: response.body),
                what: "the answer of ALIBABA_CLOUD_CREDENTIALS_URI")
        } catch let e as AccountError {
            throw CredentialError(e.description)
        } catch {
            throw CredentialError("the answer of ALIBABA_CLOUD_CREDENTIALS_URI is not JSON")
        }
    }
}
